package reportingest.layout.ocr;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads a prepared page (straightened, rulings erased) with PP-OCR. Table cells the rulings enclose are
 * read from their own crops, one text line at a time (lines found by the cell's row profile of ink),
 * with no detection; text outside the cells is found by PP-OCR's detector on the page (or on parts of it) brought
 * to at most {@link #DET_MAX_SIDE} px. A line read is cut into words at the spaces it read, each word boxed from
 * the positions CTC decoding gave its characters.
 */
final class PpOcrReader {
    /** Detection works on the page brought to this side at most (issue #19: bounded cost and memory). */
    static final int DET_MAX_SIDE = 2048;
    /** Dark pixels a cell needs to count as printed (as {@link CellRereader}). */
    private static final int MIN_INK = 25;
    private static final int INSET = 4;

    private final PpOcrEngine engine;

    PpOcrReader(PpOcrEngine engine) {
        this.engine = engine;
    }

    /** One cell's reading: its text (lines joined by a space; empty when blank) and confidence 0..100. */
    record CellText(String text, double confidence, List<OcrWord> words) {}

    /** Each cell read on its own; a cell with no print reads as empty. */
    List<CellText> readCells(GrayImage image, int dpi, List<RuledCells.Cell> cells) {
        // the page's own ink level, as Tesseract's cell re-reading uses: a light grey scan prints above a fixed 128
        int ink = cells.isEmpty() ? 0 : image.inkLevel();
        List<PpOcrEngine.Crop> crops = new ArrayList<>();
        List<Integer> owner = new ArrayList<>();
        for (int i = 0; i < cells.size(); i++) {
            for (PpOcrEngine.Crop c : lines(image, cells.get(i), dpi, ink)) {
                crops.add(c);
                owner.add(i);
            }
        }
        List<CtcDecoder.Decoded> read = crops.isEmpty() ? List.of() : engine.recognize(image, crops);
        List<List<OcrWord>> words = new ArrayList<>();
        for (int i = 0; i < cells.size(); i++) words.add(new ArrayList<>());
        for (int k = 0; k < crops.size(); k++) words.get(owner.get(k)).addAll(inked(words(read.get(k), crops.get(k)), image, ink));
        List<CellText> out = new ArrayList<>(cells.size());
        for (List<OcrWord> ws : words) out.add(text(ws));
        return out;
    }

    /** The whole page's words: cells read on their own, the rest found by detection (PP-OCR as the only engine). */
    List<OcrWord> readPage(GrayImage image, int dpi, List<RuledCells.Cell> cells) {
        List<OcrWord> out = new ArrayList<>();
        for (CellText t : readCells(image, dpi, cells)) out.addAll(t.words());
        for (CellText t : readOutside(image, cells).texts()) out.addAll(t.words());
        return out;
    }

    /** Text lines the detector found outside the ruled cells, each box with its reading (parallel lists). */
    record Detected(List<RuledCells.Cell> boxes, List<CellText> texts) {}

    /**
     * The text outside the ruled cells (an unruled table, titles, notes): boxes found by PP-OCR's detector on
     * the page, each read as one line. A box whose middle lies in a ruled cell is that cell's, read there.
     */
    Detected readOutside(GrayImage image, List<RuledCells.Cell> cells) {
        return readOutside(image, cells, List.of(new RuledCells.Cell(0, 0, image.width(), image.height())));
    }

    /** As {@link #readOutside(GrayImage, List)}, with the detector run on these parts of the page only. */
    Detected readOutside(GrayImage image, List<RuledCells.Cell> cells, List<RuledCells.Cell> within) {
        List<PpOcrEngine.Crop> outside = new ArrayList<>();
        for (RuledCells.Cell part : within) {
            for (PpOcrEngine.Crop b : engine.detect(image, new PpOcrEngine.Crop(part.x0(), part.y0(), part.x1(), part.y1()), DET_MAX_SIDE)) {
                double cx = (b.x0() + b.x1()) / 2.0, cy = (b.y0() + b.y1()) / 2.0;
                if (cells.stream().noneMatch(c -> c.contains(cx, cy))) outside.add(b);
            }
        }
        List<CtcDecoder.Decoded> read = outside.isEmpty() ? List.of() : engine.recognize(image, outside);
        List<RuledCells.Cell> boxes = new ArrayList<>(outside.size());
        List<CellText> texts = new ArrayList<>(outside.size());
        int ink = outside.isEmpty() ? 0 : image.inkLevel();
        for (int k = 0; k < outside.size(); k++) {
            PpOcrEngine.Crop b = outside.get(k);
            List<OcrWord> ws = inked(words(read.get(k), b), image, ink);
            boxes.add(new RuledCells.Cell(b.x0(), b.y0(), b.x1(), b.y1()));
            texts.add(text(ws));
        }
        return new Detected(boxes, texts);
    }

    private static CellText text(List<OcrWord> ws) {
        StringBuilder sb = new StringBuilder();
        double sum = 0;
        for (OcrWord w : ws) {
            if (sb.length() > 0) sb.append(' ');
            sb.append(w.text());
            sum += w.confidence();
        }
        return new CellText(sb.toString(), ws.isEmpty() ? 0 : sum / ws.size(), ws);
    }

    /** The text lines of a cell: bands of rows holding ink, each cropped to its ink with a margin, inside the cell. */
    static List<PpOcrEngine.Crop> lines(GrayImage image, RuledCells.Cell cell, int dpi, int ink) {
        int x0 = cell.x0() + INSET, x1 = cell.x1() - INSET, y0 = cell.y0() + INSET, y1 = cell.y1() - INSET;
        if (x1 - x0 < 4 || y1 - y0 < 4) return List.of();
        int[] rowInk = new int[y1 - y0];
        int total = 0;
        for (int y = y0; y < y1; y++) {
            int n = 0;
            for (int x = x0; x < x1; x++) if (image.dark(x, y, ink)) n++;
            rowInk[y - y0] = n;
            total += n;
        }
        if (total < MIN_INK) return List.of();
        // a band is rows holding at least 2 dark pixels, gaps of a pixel or two bridged
        int minHeight = Math.max(3, dpi / 40);
        int bridge = Math.max(1, dpi / 150);
        List<int[]> bands = new ArrayList<>();
        int start = -1, lastInk = -1;
        for (int r = 0; r < rowInk.length; r++) {
            if (rowInk[r] >= 2) {
                if (start < 0) start = r;
                else if (r - lastInk - 1 > bridge) {
                    bands.add(new int[]{start, lastInk + 1});
                    start = r;
                }
                lastInk = r;
            }
        }
        if (start >= 0) bands.add(new int[]{start, lastInk + 1});
        List<PpOcrEngine.Crop> out = new ArrayList<>();
        for (int[] b : bands) {
            int h = b[1] - b[0];
            if (h < minHeight) continue; // specks, ruling remnants
            int by0 = y0 + b[0], by1 = y0 + b[1];
            int left = -1, right = -1;
            for (int x = x0; x < x1; x++) {
                for (int y = by0; y < by1; y++) {
                    if (image.dark(x, y, ink)) {
                        if (left < 0) left = x;
                        right = x + 1;
                        break;
                    }
                }
            }
            if (left < 0) continue;
            int m = Math.max(3, h / 4);
            out.add(new PpOcrEngine.Crop(Math.max(cell.x0(), left - m), Math.max(cell.y0(), by0 - m),
                    Math.min(cell.x1(), right + m), Math.min(cell.y1(), by1 + m)));
        }
        return out;
    }

    /**
     * Words boxed to the rows of ink they span: a crop holds a margin around its line (the detector's boxes are grown
     * outward, a cell's line is cut with a quarter of its height around it), so a box the crop's height would make
     * PP-OCR's words a third taller than Tesseract's for the same print, and a header line holding both read as a
     * title's larger type. A word with no ink found keeps its box.
     */
    static List<OcrWord> inked(List<OcrWord> words, GrayImage image, int ink) {
        List<OcrWord> out = new ArrayList<>(words.size());
        for (OcrWord w : words) {
            int x0 = Math.max(0, w.left()), x1 = Math.min(image.width(), w.right());
            int y0 = Math.max(0, w.top()), y1 = Math.min(image.height(), w.bottom());
            int top = -1, bottom = -1;
            for (int y = y0; y < y1; y++) {
                for (int x = x0; x < x1; x++) {
                    if (image.dark(x, y, ink)) {
                        if (top < 0) top = y;
                        bottom = y + 1;
                        break;
                    }
                }
            }
            out.add(top < 0 ? w : new OcrWord(w.text(), w.left(), top, w.right(), bottom, w.confidence()));
        }
        return out;
    }

    /** A line's reading cut into words at its spaces; boxes from the characters' CTC positions across the crop. */
    static List<OcrWord> words(CtcDecoder.Decoded d, PpOcrEngine.Crop crop) {
        List<OcrWord> out = new ArrayList<>();
        String[] chars = d.chars();
        int n = chars.length;
        if (n == 0) return out;
        double[] x = new double[n];
        for (int i = 0; i < n; i++) x[i] = crop.x0() + (d.steps()[i] + 0.5) / Math.max(1, d.stepCount()) * crop.width();
        int i = 0;
        while (i < n) {
            if (chars[i].isBlank()) { i++; continue; }
            int j = i;
            StringBuilder sb = new StringBuilder();
            double p = 0;
            while (j < n && !chars[j].isBlank()) { sb.append(chars[j]); p += d.probabilities()[j]; j++; }
            double left = i == 0 ? crop.x0() : (x[i - 1] + x[i]) / 2;
            double right = j == n ? crop.x1() : (x[j - 1] + x[j]) / 2;
            out.add(new OcrWord(sb.toString(), (int) Math.floor(left), crop.y0(), (int) Math.ceil(right), crop.y1(),
                    Math.round(p / (j - i) * 1000) / 10.0));
            i = j;
        }
        return out;
    }
}
