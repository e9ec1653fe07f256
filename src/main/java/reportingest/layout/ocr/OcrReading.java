package reportingest.layout.ocr;

import reportingest.layout.Page;

/**
 * A page read by OCR with what the reader measured along the way: the skew it removed (degrees,
 * positive = scan turned clockwise) and how long each part took. The page's words and rulings are in
 * the straightened frame.
 */
public record OcrReading(Page page, double skewDegrees, int horizontalRulings, int verticalRulings,
                         long prepareMillis, long ocrMillis) {}
