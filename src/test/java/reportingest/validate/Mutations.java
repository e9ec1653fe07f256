package reportingest.validate;

import reportingest.layout.BBox;
import reportingest.reconcile.CellValue;
import reportingest.reconcile.ExtractedDocument;
import reportingest.reconcile.ExtractedTable;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Single-digit changes to the printed table cells of an OCR'd text, located through each cell's text-grid box. */
final class Mutations {
    /** One change: which cell, the text after it, and the value it should now read. */
    record Mutation(String seed, CellRef cell, String original, String mutated, String text) {
        /** True when the changed digit pair is a common OCR confusion (0/6/8/9, 1/7, 3/8, 5/6). */
        boolean ocrLike() { return RepairCandidates.likely(original, mutated); }
    }

    record Located(CellRef ref, CellValue cell) {}

    private Mutations() {}

    /** Numeric cells whose printed text is found at their box in the source. */
    static List<Located> cells(ExtractedDocument doc, String[] lines) {
        List<Located> out = new ArrayList<>();
        for (int ti = 0; ti < doc.tables().size(); ti++) {
            ExtractedTable t = doc.tables().get(ti);
            for (int ri = 0; ri < t.rows().size(); ri++) {
                for (var e : t.rows().get(ri).cells().entrySet()) {
                    CellValue c = e.getValue();
                    if (c.value() == null || c.raw() == null || !c.value().matches("-?\\d+(\\.\\d+)?%?") || c.bbox() == null) continue;
                    if (field(lines, c.bbox()) == null || !field(lines, c.bbox()).contains(c.raw().strip())) continue;
                    out.add(new Located(new CellRef(ti, ri, e.getKey()), c));
                }
            }
        }
        return out;
    }

    private static String field(String[] lines, BBox b) {
        int y = (int) Math.round(b.y()) - 1, x = (int) Math.round(b.x());
        if (y < 0 || y >= lines.length) return null;
        String[] f = lines[y].split("\t", -1);
        return x < f.length ? f[x] : null;
    }

    /** Changes one random digit of the cell's printed text to another digit. */
    static Mutation mutate(String seed, String text, Located l, Random rnd) {
        String[] lines = text.split("\n", -1);
        BBox b = l.cell().bbox();
        int y = (int) Math.round(b.y()) - 1, x = (int) Math.round(b.x());
        String[] fields = lines[y].split("\t", -1);
        String raw = l.cell().raw().strip();
        int at = fields[x].indexOf(raw);
        List<Integer> digits = new ArrayList<>();
        for (int i = 0; i < raw.length(); i++) if (Character.isDigit(raw.charAt(i))) digits.add(i);
        int pos = digits.get(rnd.nextInt(digits.size()));
        char old = raw.charAt(pos);
        char now = (char) ('0' + (old - '0' + 1 + rnd.nextInt(9)) % 10);
        String newRaw = raw.substring(0, pos) + now + raw.substring(pos + 1);
        fields[x] = fields[x].substring(0, at) + newRaw + fields[x].substring(at + raw.length());
        lines[y] = String.join("\t", fields);
        String value = l.cell().value();
        // the value is the raw text without separators: the same digit changes in it
        String mutatedValue = newRaw.replace(",", "").replaceAll("[\\s\\u3000]", "");
        return new Mutation(seed, l.ref(), value, mutatedValue, String.join("\n", lines));
    }
}
