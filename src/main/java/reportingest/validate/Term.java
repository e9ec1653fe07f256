package reportingest.validate;

/**
 * One side of an identity: a table cell ({@code ref}) or a figure stated elsewhere (a narrative
 * figure, {@code printed}), with a label for messages and a sign (+1, or -1 for subtracted terms).
 */
public record Term(String label, CellRef ref, String printed, int sign) {
    public static Term cell(String label, CellRef ref) { return new Term(label, ref, null, 1); }

    public static Term cell(String label, CellRef ref, int sign) { return new Term(label, ref, null, sign); }

    public static Term figure(String label, String printed) { return new Term(label, null, printed, 1); }

    public static Term figure(String label, String printed, int sign) { return new Term(label, null, printed, sign); }

    public boolean isCell() { return ref != null; }
}
