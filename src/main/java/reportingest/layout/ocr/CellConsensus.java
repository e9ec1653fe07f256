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
 * table's identities. Nothing is chosen here.
 */
final class CellConsensus {
    static final String ENGINE = "ppocr";

    record Result(List<OcrWord> words, List<OtherReading> others, int agreed) {}

    private CellConsensus() {}

    static Result apply(List<OcrWord> words, List<RuledCells.Cell> cells, List<PpOcrReader.CellText> other, double ptPerPx) {
        List<OcrWord> out = new ArrayList<>(words);
        List<OtherReading> others = new ArrayList<>();
        int agreed = 0;
        for (int i = 0; i < cells.size(); i++) {
            RuledCells.Cell c = cells.get(i);
            PpOcrReader.CellText p = other.get(i);
            List<OcrWord> inside = words.stream().filter(w -> c.contains((w.left() + w.right()) / 2.0, w.centerY())).toList();
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
            others.add(new OtherReading(new BBox(c.x0() * ptPerPx, c.y0() * ptPerPx, (c.x1() - c.x0()) * ptPerPx,
                    (c.y1() - c.y0()) * ptPerPx), p.text(), p.confidence(), ENGINE, mine));
        }
        return new Result(out, others, agreed);
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
