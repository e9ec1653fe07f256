package reportingest.layout;

/**
 * What a second OCR engine read in a region of an OCR'd page (a table cell) where it disagreed with the
 * engine whose words the page carries: the region (points, like the page's words), the other engine's
 * text and confidence (0..100), which engine that was, and the text the page's words give there.
 * Validation takes the reading that makes the table's identities hold (issue #19).
 */
public record OtherReading(BBox bbox, String text, double confidence, String engine, String primaryText) {
    public boolean contains(double x, double y) {
        return x >= bbox.x() && x < bbox.right() && y >= bbox.y() && y < bbox.bottom();
    }
}
