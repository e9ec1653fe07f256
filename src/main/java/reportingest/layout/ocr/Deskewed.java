package reportingest.layout.ocr;

/**
 * A straightened page image and the skew that was removed. Positive angles mean the scan was turned
 * clockwise as seen on screen; the image was turned back by the same amount about its centre.
 */
record Deskewed(GrayImage image, double angleDegrees) {}
