package reportingest.reconcile.fin;

import reportingest.layout.PageOrigin;
import reportingest.reconcile.CellValue;
import reportingest.reconcile.ExtractedTable;
import reportingest.reconcile.Flag;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A book numbers its forms in print order (表45, 表46, 表47), so an OCR'd form number out of that order between two
 * numbers one apart on either side is the one between them: 表40 read between 表45 and 表47 is 表46
 * ({@link #FORM_NUMBER_RECONCILED}, provenance; the message keeps the printed number). A repeat of the number before
 * (the rest of a table the stitcher kept apart) is left alone, and so is a number nothing decides. Born-digital
 * numbers stay as printed: a book's own slip is the book's.
 * <p>
 * A table exported with no number whose caption holds a form number with its 表 garbled (Fz 63, #91: one or two
 * letters or marks, then the number; the caption stage keeps such a line as read) gets the number when its numbered
 * neighbours leave exactly that one (表62 before, 表64 after: 表63), with the same flag; a number they do not leave
 * stays unread, the table unnumbered.
 */
final class FormNumbers {
    static final String FORM_NUMBER_RECONCILED = "FORM_NUMBER_RECONCILED";
    private static final Pattern NUMBERED = Pattern.compile("^(附?表)\\s*(\\d{1,3})$");
    /**
     * A caption line that is a form number with its 表 garbled: one or two letters or marks, then the number (not the
     * dashes and dots about a page number).
     */
    private static final Pattern GARBLED = Pattern.compile("^[^\\p{IsHan}\\d\\s\\-－—–‐~_·.]{1,2}\\s*(\\d{1,3})$");

    private FormNumbers() {}

    static List<ExtractedTable> reconciled(List<ExtractedTable> tables) {
        return reconciled(tables, Map.of());
    }

    /**
     * As {@link #reconciled(List)}, then the tables without a number read from their garbled one: {@code captions}
     * gives a table's caption lines (its context as the caption stage kept it), by identity.
     */
    static List<ExtractedTable> reconciled(List<ExtractedTable> tables, Map<ExtractedTable, List<String>> captions) {
        List<ExtractedTable> inOrder = outOfOrder(tables);
        List<ExtractedTable> out = new ArrayList<>(inOrder);
        for (int i = 0; i < tables.size(); i++) {
            ExtractedTable t = inOrder.get(i);
            if (t.formNo() != null || !recognised(t)) continue;
            String read = garbled(captions.getOrDefault(tables.get(i), List.of()));
            if (read == null) continue;
            Matcher before = numberedNeighbour(inOrder, i, -1), after = numberedNeighbour(inOrder, i, 1);
            if (before == null || after == null || !before.group(1).equals(after.group(1))) continue;
            int b = Integer.parseInt(before.group(2)), n = Integer.parseInt(read.replaceAll("\\D", ""));
            if (Integer.parseInt(after.group(2)) != b + 2 || n != b + 1) continue;
            String want = before.group(1) + padded(n, before.group(2));
            List<Flag> flags = new ArrayList<>(t.flags());
            flags.add(Flag.of(FORM_NUMBER_RECONCILED, "printed form number '" + read + "' read as " + want
                    + ": the tables around it are " + before.group(1) + before.group(2) + " and " + after.group(1) + after.group(2)));
            out.set(i, new ExtractedTable(t.schema(), t.title(), want, t.columns(), t.rows(), t.notes(), flags,
                    t.pageFrom(), t.pageTo(), t.unit()));
        }
        return out;
    }

    /** The first caption line that is a form number with its 表 garbled, as read; null when none is. */
    static String garbled(List<String> caption) {
        for (String line : caption) {
            String s = Normalizer.normalize(line, Normalizer.Form.NFKC).strip();
            if (GARBLED.matcher(s).matches()) return s;
        }
        return null;
    }

    /** The nearest table before ({@code step} -1) or after (+1) whose number reads as 表N; null when none does. */
    private static Matcher numberedNeighbour(List<ExtractedTable> tables, int i, int step) {
        for (int j = i + step; j >= 0 && j < tables.size(); j += step) {
            String f = tables.get(j).formNo();
            if (f == null) continue;
            Matcher m = NUMBERED.matcher(Normalizer.normalize(f, Normalizer.Form.NFKC).strip());
            return m.matches() ? m : null;
        }
        return null;
    }

    /** The number as its neighbour prints its own: 表06 beside 表05, 表63 beside 表62. */
    private static String padded(int n, String like) {
        return String.format("%0" + like.length() + "d", n);
    }

    /** The numbers OCR read out of the book's order, read as the one between their neighbours. */
    private static List<ExtractedTable> outOfOrder(List<ExtractedTable> tables) {
        List<Integer> at = new ArrayList<>();
        List<String> prefixes = new ArrayList<>();
        List<Integer> numbers = new ArrayList<>();
        List<String> digits = new ArrayList<>();
        for (int i = 0; i < tables.size(); i++) {
            String f = tables.get(i).formNo();
            Matcher m = f == null ? null : NUMBERED.matcher(Normalizer.normalize(f, Normalizer.Form.NFKC).strip());
            if (m == null || !m.matches()) continue;
            at.add(i);
            prefixes.add(m.group(1));
            numbers.add(Integer.parseInt(m.group(2)));
            digits.add(m.group(2));
        }
        List<ExtractedTable> out = new ArrayList<>(tables);
        for (int k = 1; k + 1 < at.size(); k++) {
            String p = prefixes.get(k);
            if (!p.equals(prefixes.get(k - 1)) || !p.equals(prefixes.get(k + 1))) continue;
            int before = numbers.get(k - 1), after = numbers.get(k + 1), n = numbers.get(k);
            if (after != before + 2 || n == before + 1 || n == before) continue;
            ExtractedTable t = tables.get(at.get(k));
            if (!recognised(t)) continue;
            String want = p + padded(before + 1, digits.get(k - 1));
            List<Flag> flags = new ArrayList<>(t.flags());
            flags.add(Flag.of(FORM_NUMBER_RECONCILED, "printed form number '" + t.formNo() + "' read as " + want
                    + ": the tables around it are " + p + digits.get(k - 1) + " and " + p + digits.get(k + 1)));
            out.set(at.get(k), new ExtractedTable(t.schema(), t.title(), want, t.columns(), t.rows(), t.notes(), flags,
                    t.pageFrom(), t.pageTo(), t.unit()));
            numbers.set(k, before + 1);
            digits.set(k, padded(before + 1, digits.get(k - 1)));
        }
        return out;
    }

    /** Read by OCR (from the page image or an earlier OCR's text). */
    private static boolean recognised(ExtractedTable t) {
        return t.rows().stream().flatMap(r -> r.cells().values().stream()).map(CellValue::origin)
                .anyMatch(o -> o == PageOrigin.OCR || o == PageOrigin.OCR_TEXT);
    }
}
