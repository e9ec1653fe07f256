package reportingest.layout;

/**
 * One piece of text on a page: an OCR word, a PDF text run, or one cell of an OCR'd text line.
 * Confidence is 0..100 as engines report it; 100 for a text layer.
 */
public record Word(String text, BBox bbox, double confidence) {}
