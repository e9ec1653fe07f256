package reportingest.layout.ocr;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * What PP-OCR is asked to read under {@code ingest.ocr.second-reading=doubtful}: only where Tesseract is unsure
 * (issue #19). Measured on the bench's clean 300-dpi pages, PP-OCR's whole-page detection was 1.6–2.5 s of CPU a
 * page (three quarters of PP-OCR's time, and ~640 MiB of native memory while it ran) to find 0–2 lines outside the
 * ruled cells, and it ran under both policies: so {@code doubtful} was no cheaper than {@code all}. Here detection
 * runs on crops only, around the lines outside the cells that Tesseract read unsure.
 *
 * Unsure means what {@link CellConsensus} could act on (see {@link #unsure}): an amount or code below
 * {@link #SURE}, Chinese text below {@link CellRereader#DOUBTFUL}, letters alone. A sure amount Tesseract misread is
 * then left to the table's identities and {@code REPAIR_PROPOSED}.
 */
final class DoubtfulRegions {
    /** A word with a digit (or no Chinese) that Tesseract read at this confidence or more is not read again. */
    static final double SURE = 90;

    private DoubtfulRegions() {}

    /** The printed cells Tesseract is unsure of: ink but no word, or an unsure word in it. */
    static List<RuledCells.Cell> cells(List<OcrWord> words, List<RuledCells.Cell> cells, GrayImage image) {
        List<RuledCells.Cell> out = new ArrayList<>();
        int[] owner = CellConsensus.owners(words, cells);
        boolean[] hasWord = new boolean[cells.size()];
        boolean[] unsure = new boolean[cells.size()];
        for (int k = 0; k < words.size(); k++) {
            if (owner[k] < 0) continue;
            hasWord[owner[k]] = true;
            if (unsure(words.get(k))) unsure[owner[k]] = true;
        }
        int inkLevel = cells.isEmpty() ? 0 : image.inkLevel();
        for (int i = 0; i < cells.size(); i++) {
            RuledCells.Cell c = cells.get(i);
            if (unsure[i] || !hasWord[i] && CellRereader.ink(image, c, inkLevel) >= CellRereader.MIN_INK) out.add(c);
        }
        return out;
    }

    /**
     * Where to look outside the cells: one rectangle per band of lines holding an unsure word that no cell owns.
     * A band spans the unsure words' height with half a word's height above and below; it is as wide as every
     * word outside the cells in it (the whole line, so the detector does not find half a line at the crop's edge),
     * with a word's height of margin on either side. Bands that touch are one.
     */
    static List<RuledCells.Cell> outside(List<OcrWord> words, List<RuledCells.Cell> cells, int width, int height) {
        int[] owner = CellConsensus.owners(words, cells);
        List<OcrWord> free = new ArrayList<>();
        List<int[]> bands = new ArrayList<>();
        for (int k = 0; k < words.size(); k++) {
            if (owner[k] >= 0) continue;
            OcrWord w = words.get(k);
            free.add(w);
            if (!unsure(w)) continue;
            int h = Math.max(1, w.height());
            bands.add(new int[]{Math.max(0, w.top() - h / 2), Math.min(height, w.bottom() + h / 2), h});
        }
        bands.sort(Comparator.comparingInt(b -> b[0]));
        List<int[]> merged = new ArrayList<>();
        for (int[] b : bands) {
            int[] last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (last != null && b[0] <= last[1]) {
                last[1] = Math.max(last[1], b[1]);
                last[2] = Math.max(last[2], b[2]);
            } else {
                merged.add(b.clone());
            }
        }
        List<RuledCells.Cell> out = new ArrayList<>(merged.size());
        for (int[] b : merged) {
            int x0 = Integer.MAX_VALUE, x1 = Integer.MIN_VALUE;
            for (OcrWord w : free) {
                if (w.centerY() < b[0] || w.centerY() >= b[1]) continue;
                x0 = Math.min(x0, w.left());
                x1 = Math.max(x1, w.right());
            }
            out.add(new RuledCells.Cell(Math.max(0, x0 - b[2]), b[0], Math.min(width, x1 + b[2]), b[1]));
        }
        return out;
    }

    /**
     * Letters with no digit and no Chinese (a dash or a bracket alone is not junk); else below {@link #SURE}; but a
     * word of Chinese text (no digit) only below {@link CellRereader#DOUBTFUL}, as {@link CellConsensus} takes
     * PP-OCR's reading of a text cell only where Tesseract's is below that: above it, a second reading of the
     * label could change nothing, and label cells are the long, costly crops.
     */
    static boolean unsure(OcrWord w) {
        String t = w.text();
        boolean han = CellConsensus.hasHan(t), text = CellConsensus.isText(t);
        if (text && !han && t.codePoints().anyMatch(Character::isLetter)) return true;
        return w.confidence() < (text && han ? CellRereader.DOUBTFUL : SURE);
    }
}
