package reportingest.layout;

/** Axis-aligned box on a page, in the page's own units (points for PDF and OCR pages, text grid for text pages). */
public record BBox(double x, double y, double width, double height) {
    public double right() { return x + width; }
    public double bottom() { return y + height; }
}
