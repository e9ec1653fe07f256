package reportingest.layout.ocr;

/**
 * A ruling line found in a page image, as the pixel rectangle it covers (inclusive bounds).
 * Horizontal segments run along x, vertical ones along y.
 */
record LineSegment(boolean horizontal, int x0, int y0, int x1, int y1) {
    int length() { return horizontal ? x1 - x0 + 1 : y1 - y0 + 1; }
    int thickness() { return horizontal ? y1 - y0 + 1 : x1 - x0 + 1; }
}
