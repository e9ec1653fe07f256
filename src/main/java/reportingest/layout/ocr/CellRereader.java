package reportingest.layout.ocr;

import java.util.ArrayList;
import java.util.List;

/**
 * Second reading of doubtful table cells. Whole-page OCR (psm 6) reads amounts well but loses
 * small, centred, wrapped header words and text under stamps or pen marks; reading such a cell on
 * its own usually recovers it (STACK-NOTES: per-cell OCR is slower, so only doubtful cells get it).
 * A cell is doubtful when it holds ink but no word, or a word below {@link #DOUBTFUL} confidence, or letters alone
 * on a Chinese page ({@link LatinJunk}). The second reading replaces the first only when it is more confident (letters:
 * when it is print).
 */
final class CellRereader {
    static final double DOUBTFUL = 80;
    static final double NEW_WORD_MIN = 60;
    /** Dark pixels a cell needs to count as printed (a few strokes of a small character at 300 dpi). */
    static final int MIN_INK = 25;

    private CellRereader() {}

    static List<OcrWord> improve(TesseractEngine engine, GrayImage image, int dpi, List<OcrWord> words,
                                 List<RuledCells.Cell> cells) {
        List<RuledCells.Cell> doubtful = new ArrayList<>();
        int inkLevel = image.inkLevel();
        boolean chinese = LatinJunk.chinesePage(words);
        for (RuledCells.Cell c : cells) {
            List<OcrWord> inside = RuledCells.inside(words, c, cells);
            boolean printed = ink(image, c, inkLevel) >= MIN_INK;
            if (printed && (inside.isEmpty() || inside.stream().anyMatch(w -> w.confidence() < DOUBTFUL)
                    || chinese && LatinJunk.suspect(inside))) doubtful.add(c);
        }
        if (doubtful.isEmpty()) return words;
        List<List<OcrWord>> again = engine.wordsIn(image, dpi, doubtful);
        List<OcrWord> out = new ArrayList<>(words);
        for (int i = 0; i < doubtful.size(); i++) {
            RuledCells.Cell c = doubtful.get(i);
            List<OcrWord> before = RuledCells.inside(words, c, cells);
            // In a cell the page reading left empty, faint guesses are stamp or pen strokes, not print.
            List<OcrWord> after = before.isEmpty()
                    ? again.get(i).stream().filter(w -> w.confidence() >= NEW_WORD_MIN).toList() : again.get(i);
            boolean better = chinese && LatinJunk.suspect(before) ? LatinJunk.readAsPrint(after, before) : mean(after) > mean(before);
            if (after.isEmpty() || !better) continue;
            out.removeAll(before);
            out.addAll(after);
        }
        return out;
    }

    private static double mean(List<OcrWord> ws) {
        return ws.stream().mapToDouble(OcrWord::confidence).average().orElse(0);
    }

    /**
     * Print pixels inside the cell (darker than the page's {@link GrayImage#inkLevel}), a few pixels in from
     * its borders (ruling remnants stay out).
     */
    static int ink(GrayImage image, RuledCells.Cell c, int inkLevel) {
        int n = 0;
        for (int y = c.y0() + 4; y < c.y1() - 4; y++) {
            for (int x = c.x0() + 4; x < c.x1() - 4; x++) if (image.dark(x, y, inkLevel)) n++;
        }
        return n;
    }
}
