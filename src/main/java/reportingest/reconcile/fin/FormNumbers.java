package reportingest.reconcile.fin;

import reportingest.layout.PageOrigin;
import reportingest.reconcile.CellValue;
import reportingest.reconcile.ExtractedTable;
import reportingest.reconcile.Flag;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A book numbers its forms in print order (表45, 表46, 表47), so an OCR'd form number out of that order between two
 * numbers one apart on either side is the one between them: 表40 read between 表45 and 表47 is 表46
 * ({@link #FORM_NUMBER_RECONCILED}, provenance; the message keeps the printed number). A repeat of the number before
 * (the rest of a table the stitcher kept apart) is left alone, and so is a number nothing decides. Born-digital
 * numbers stay as printed: a book's own slip is the book's.
 */
final class FormNumbers {
    static final String FORM_NUMBER_RECONCILED = "FORM_NUMBER_RECONCILED";
    private static final Pattern NUMBERED = Pattern.compile("^(附?表)\\s*(\\d{1,3})$");

    private FormNumbers() {}

    static List<ExtractedTable> reconciled(List<ExtractedTable> tables) {
        List<Integer> at = new ArrayList<>();
        List<String> prefixes = new ArrayList<>();
        List<Integer> numbers = new ArrayList<>();
        for (int i = 0; i < tables.size(); i++) {
            String f = tables.get(i).formNo();
            Matcher m = f == null ? null : NUMBERED.matcher(Normalizer.normalize(f, Normalizer.Form.NFKC).strip());
            if (m == null || !m.matches()) continue;
            at.add(i);
            prefixes.add(m.group(1));
            numbers.add(Integer.parseInt(m.group(2)));
        }
        List<ExtractedTable> out = new ArrayList<>(tables);
        for (int k = 1; k + 1 < at.size(); k++) {
            String p = prefixes.get(k);
            if (!p.equals(prefixes.get(k - 1)) || !p.equals(prefixes.get(k + 1))) continue;
            int before = numbers.get(k - 1), after = numbers.get(k + 1), n = numbers.get(k);
            if (after != before + 2 || n == before + 1 || n == before) continue;
            ExtractedTable t = tables.get(at.get(k));
            if (!recognised(t)) continue;
            String want = p + (before + 1);
            List<Flag> flags = new ArrayList<>(t.flags());
            flags.add(Flag.of(FORM_NUMBER_RECONCILED, "printed form number '" + t.formNo() + "' read as " + want
                    + ": the tables around it are " + p + before + " and " + p + after));
            out.set(at.get(k), new ExtractedTable(t.schema(), t.title(), want, t.columns(), t.rows(), t.notes(), flags,
                    t.pageFrom(), t.pageTo(), t.unit()));
            numbers.set(k, before + 1);
        }
        return out;
    }

    /** Read by OCR (from the page image or an earlier OCR's text). */
    private static boolean recognised(ExtractedTable t) {
        return t.rows().stream().flatMap(r -> r.cells().values().stream()).map(CellValue::origin)
                .anyMatch(o -> o == PageOrigin.OCR || o == PageOrigin.OCR_TEXT);
    }
}
