package reportingest.layout.ocr;

/** A word as Tesseract reports it: pixel box (left, top, right, bottom exclusive) and confidence 0..100. */
record OcrWord(String text, int left, int top, int right, int bottom, double confidence) {
    int height() { return bottom - top; }
    double centerY() { return (top + bottom) / 2.0; }
}
