package reportingest.layout;

/** Where a page's words came from; stored as the engine in cell provenance. */
public enum PageOrigin {
    /** Born-digital PDF text layer (PDFBox). */
    TEXT_LAYER,
    /** Tesseract on a rendered or scanned image. */
    OCR,
    /** Text from an earlier OCR run, delivered as a .txt file. */
    OCR_TEXT
}
