package reportingest.layout.ocr;

import java.util.List;

/**
 * Paints ruling lines white. Tesseract takes a ruled grid for a picture and reads nothing inside it
 * (STACK-NOTES §4), so lines must go before OCR. A small margin removes the anti-aliased fringe that
 * would otherwise read as "|" or "_".
 */
final class RulingEraser {
    private final int margin;

    RulingEraser(int dpi) {
        this.margin = Math.max(1, Math.round(dpi / 150f));
    }

    GrayImage erase(GrayImage image, List<LineSegment> lines) {
        GrayImage out = image.copy();
        for (LineSegment l : lines) {
            out.whiten(l.x0() - margin, l.y0() - margin, l.x1() + margin, l.y1() + margin);
        }
        return out;
    }
}
