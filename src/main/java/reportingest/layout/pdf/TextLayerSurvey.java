package reportingest.layout.pdf;

/**
 * What a page's text layer looks like from the outside: how many glyphs are drawn visibly and how
 * many invisibly, and how much of the page its largest image covers. The one place that decides
 * whether a text layer is trusted.
 *
 * @param visibleGlyphs   non-blank glyphs filled or stroked
 * @param invisibleGlyphs non-blank glyphs in a text rendering mode that paints nothing (3 or 7)
 * @param imageCover      share (0..1) of the page's crop box covered by its largest image
 */
record TextLayerSurvey(int visibleGlyphs, int invisibleGlyphs, double imageCover) {
    /** "Almost all": a stray visible page number or stamp text must not save a bad OCR layer. */
    static final double MIN_INVISIBLE_SHARE = 0.9;
    /** A scan fills the page; a logo or a chart on a born-digital page does not. */
    static final double MIN_IMAGE_COVER = 0.5;

    /**
     * True when the text is an earlier OCR run's invisible layer over a page scan: such text is
     * whatever that engine guessed, with no confidences, so the image is the better source.
     * Visible text over an image (a born-digital page with a picture) stays trusted.
     */
    boolean isEarlierOcrLayer() {
        int glyphs = visibleGlyphs + invisibleGlyphs;
        return glyphs > 0 && invisibleGlyphs >= MIN_INVISIBLE_SHARE * glyphs && imageCover >= MIN_IMAGE_COVER;
    }
}
