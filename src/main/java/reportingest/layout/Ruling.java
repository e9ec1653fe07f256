package reportingest.layout;

/** A ruling line of a table, in page units. */
public record Ruling(double x1, double y1, double x2, double y2) {
    public boolean horizontal() { return Math.abs(y1 - y2) < Math.abs(x1 - x2); }
}
