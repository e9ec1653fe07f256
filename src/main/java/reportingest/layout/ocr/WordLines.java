package reportingest.layout.ocr;

import reportingest.layout.BBox;
import reportingest.layout.TextLine;
import reportingest.layout.Word;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Groups OCR words into text lines by vertical overlap, top to bottom, words left to right.
 * Done here rather than taken from Tesseract's own lines because with psm 6 on a table Tesseract may
 * join or split rows unpredictably, while row membership by geometry is what table recognition needs.
 */
final class WordLines {
    /** A word joins a line when at least this share of the smaller height overlaps the line's band. */
    static final double MIN_OVERLAP = 0.5;

    private WordLines() {}

    /** @param pointsPerPixel 72 / dpi of the image the words were read from */
    static List<TextLine> group(List<OcrWord> words, double pointsPerPixel) {
        List<OcrWord> sorted = new ArrayList<>(words);
        sorted.sort(Comparator.comparingDouble(OcrWord::centerY));
        List<Band> bands = new ArrayList<>();
        for (OcrWord w : sorted) {
            Band best = null;
            double bestOverlap = 0;
            for (Band b : bands) {
                double overlap = b.overlap(w);
                if (overlap >= MIN_OVERLAP * Math.min(w.height(), b.height()) && overlap > bestOverlap) {
                    best = b;
                    bestOverlap = overlap;
                }
            }
            if (best == null) {
                best = new Band();
                bands.add(best);
            }
            best.add(w);
        }
        bands.sort(Comparator.comparingDouble(Band::centerY));
        List<TextLine> lines = new ArrayList<>(bands.size());
        for (Band b : bands) {
            b.words.sort(Comparator.comparingInt(OcrWord::left));
            List<Word> out = new ArrayList<>(b.words.size());
            for (OcrWord w : b.words) {
                out.add(new Word(w.text(), new BBox(w.left() * pointsPerPixel, w.top() * pointsPerPixel,
                        (w.right() - w.left()) * pointsPerPixel, (w.bottom() - w.top()) * pointsPerPixel), w.confidence()));
            }
            lines.add(new TextLine(lines.size() + 1, out));
        }
        return lines;
    }

    /** A line under construction: its band is the mean top and bottom of its words, so one tall word cannot swallow neighbours. */
    private static final class Band {
        final List<OcrWord> words = new ArrayList<>();
        double sumTop, sumBottom;

        void add(OcrWord w) {
            words.add(w);
            sumTop += w.top();
            sumBottom += w.bottom();
        }

        double top() { return sumTop / words.size(); }
        double bottom() { return sumBottom / words.size(); }
        double height() { return bottom() - top(); }
        double centerY() { return (top() + bottom()) / 2; }

        double overlap(OcrWord w) {
            return Math.min(bottom(), w.bottom()) - Math.max(top(), w.top());
        }
    }
}
