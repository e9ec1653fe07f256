package reportingest.layout.ocr;

import reportingest.layout.BBox;
import reportingest.layout.OtherReading;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;

/**
 * Puts the two engines' readings of the table cells together (issue #19). The page keeps Tesseract's
 * words; per ruled cell, when PP-OCR read the same text the words' confidence rises (two independent
 * readers agreeing: the remaining doubt of the better of the two is quartered); when it read something
 * else, its reading is kept beside the page as an {@link OtherReading} for validation to decide with the
 * table's identities. Text cells (no digit in either reading: headers, labels) have no identity to referee them:
 * where Tesseract read no Chinese at all (junk or nothing) or read a word of it below {@link CellRereader#DOUBTFUL}, and PP-OCR
 * read Chinese at {@link #TEXT_TAKEN} or more, PP-OCR's words make the page's, and the catalog's header and label matching downstream judges them.
 */
final class CellConsensus {
    static final String ENGINE = "ppocr";

    /** The page's words after consensus, the disputed amount cells, and how many cells agreed or took PP-OCR's text. */
    record Result(List<OcrWord> words, List<OtherReading> others, int agreed, int textTaken) {}

    /** PP-OCR's reading of a text cell (no digit in either reading) replaces Tesseract's only at this confidence or more. */
    static final double TEXT_TAKEN = 90;

    private CellConsensus() {}

    static Result apply(List<OcrWord> words, List<RuledCells.Cell> cells, List<PpOcrReader.CellText> other, double ptPerPx) {
        List<OcrWord> out = new ArrayList<>(words);
        List<OtherReading> others = new ArrayList<>();
        int agreed = 0, textTaken = 0;
        int[] owner = owners(words, cells);
        for (int i = 0; i < cells.size(); i++) {
            RuledCells.Cell c = cells.get(i);
            PpOcrReader.CellText p = other.get(i);
            int region = i;
            List<OcrWord> inside = new ArrayList<>();
            for (int k = 0; k < words.size(); k++) if (owner[k] == region) inside.add(words.get(k));
            String mine = String.join(" ", inside.stream().map(OcrWord::text).toList());
            if (inside.isEmpty() && p.text().isBlank()) continue;
            if (key(mine).equals(key(p.text()))) {
                agreed++;
                for (OcrWord w : inside) {
                    double doubt = (100 - Math.max(w.confidence(), p.confidence())) / 4;
                    out.set(out.indexOf(w), new OcrWord(w.text(), w.left(), w.top(), w.right(), w.bottom(), Math.round((100 - doubt) * 10) / 10.0));
                }
                continue;
            }
            double mineConfidence = inside.stream().mapToDouble(OcrWord::confidence).min().orElse(0);
            if (isText(mine) && isText(p.text()) && hasHan(p.text()) && p.confidence() >= TEXT_TAKEN
                    && (!hasHan(mine) || mineConfidence < CellRereader.DOUBTFUL)) {
                // a header or label cell that Tesseract read as Latin junk, not at all ("TAR SH" for 项目支出) or
                // unsure, and PP-OCR surely as Chinese: no identity can referee text, so PP-OCR's words make the
                // page's, and the catalog's header and label matching judges them downstream. A sure Tesseract
                // reading stays: replacing those too (and where PP-OCR read more of a wrapped header) read 29 more
                // cells of the generated scans but cost 18 cells and 32 labels of the skewed fixture scan
                out.removeAll(inside);
                out.addAll(p.words());
                textTaken++;
                continue;
            }
            // two readings of text: no identity can decide between them, and the catalog judges the page's words
            if (isText(mine) && isText(p.text())) continue;
            others.add(new OtherReading(new BBox(c.x0() * ptPerPx, c.y0() * ptPerPx, (c.x1() - c.x0()) * ptPerPx,
                    (c.y1() - c.y0()) * ptPerPx), p.text(), p.confidence(), ENGINE, mine));
        }
        return new Result(out, others, agreed, textTaken);
    }

    /**
     * The region each word belongs to (-1: none): the one holding its middle, else the one covering at least half
     * of it (a detected line box is tight, and a junk word Tesseract made of a wrapped header pokes out of it).
     */
    static int[] owners(List<OcrWord> words, List<RuledCells.Cell> regions) {
        int[] out = new int[words.size()];
        for (int k = 0; k < words.size(); k++) {
            OcrWord w = words.get(k);
            out[k] = -1;
            double best = 0.5 * Math.max(1, (w.right() - w.left())) * Math.max(1, (w.bottom() - w.top()));
            for (int i = 0; i < regions.size(); i++) {
                RuledCells.Cell c = regions.get(i);
                if (c.contains((w.left() + w.right()) / 2.0, w.centerY())) {
                    out[k] = i;
                    break;
                }
                double ox = Math.min(c.x1(), w.right()) - Math.max(c.x0(), w.left());
                double oy = Math.min(c.y1(), w.bottom()) - Math.max(c.y0(), w.top());
                if (ox > 0 && oy > 0 && ox * oy >= best) {
                    best = ox * oy;
                    out[k] = i;
                }
            }
        }
        return out;
    }

    /** Tesseract's reading below this, of no digit and no Chinese, where PP-OCR's detector saw no text, is noise. */
    static final double JUNK = 40;

    /**
     * Words of Latin junk (no digit, no Chinese, below {@link #JUNK}) lying in no region PP-OCR's detector or the
     * rulings gave, on a page the detector looked at whole: specks and smudges that Tesseract read as letters, which
     * would otherwise stand as header texts of their own. A figure is never dropped.
     */
    static List<OcrWord> withoutJunk(List<OcrWord> words, List<RuledCells.Cell> regions) {
        int[] owner = owners(words, regions);
        List<OcrWord> out = new ArrayList<>(words.size());
        for (int k = 0; k < words.size(); k++) {
            OcrWord w = words.get(k);
            if (owner[k] < 0 && w.confidence() < JUNK && isText(w.text()) && !hasHan(w.text())) continue;
            out.add(w);
        }
        return out;
    }

    /** No digit at all: a header, label or note, not an amount or a code. */
    static boolean isText(String s) {
        return s.chars().noneMatch(Character::isDigit);
    }

    static boolean hasHan(String s) {
        return s.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
    }

    /** The text as compared: compatibility forms folded (full-width digits), no spaces, no thousands commas. */
    static String key(String s) {
        String n = Normalizer.normalize(s == null ? "" : s, Normalizer.Form.NFKC);
        StringBuilder sb = new StringBuilder(n.length());
        for (int i = 0; i < n.length(); i++) {
            char ch = n.charAt(i);
            if (Character.isWhitespace(ch) || ch == ',') continue;
            sb.append(ch);
        }
        return sb.toString();
    }
}
