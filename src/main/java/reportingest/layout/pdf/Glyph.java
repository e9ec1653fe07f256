package reportingest.layout.pdf;

/** One character of a PDF text layer, top-left origin, in points. */
record Glyph(String text, double x, double y, double width, double height) {
    double right() { return x + width; }
    double bottom() { return y + height; }
    double centerX() { return x + width / 2; }
    double centerY() { return y + height / 2; }
    boolean blank() { return text.isBlank(); }
}
