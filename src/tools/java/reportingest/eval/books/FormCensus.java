package reportingest.eval.books;

import reportingest.reconcile.ExtractedTable;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * A book's printed form numbers against its delivered tables. A form counts as delivered when a table carries its
 * number with a title, a unit and a page span covering a page that prints the number. Where the title printed is known
 * (read by eye), only that title counts, character for character (NFKC, spaces and dash forms aside): a title missing
 * a line, or with a character OCR misread, is no title as printed.
 *
 * @param printed   form numbers printed, each with the pages printing it
 * @param delivered printed forms delivered
 * @param missing   printed forms not delivered (with the first page printing them)
 * @param doubled   printed forms delivered as two tables or more (with their page spans)
 * @param unprinted form numbers delivered that no line of the book starts with
 * @param unnumbered tables delivered without a form number (page span and title)
 * @param lumped    printed forms delivered, but with rows lumped: a cell whose raw text holds three figures or more
 *                  (a block of printed rows read as one row); not counted as delivered
 */
public record FormCensus(int printed, int delivered, List<String> missing, List<String> doubled, List<String> unprinted,
                  List<String> unnumbered, List<String> lumped) {
    private static final Pattern LUMP = Pattern.compile("-?[0-9][0-9,.]*\\s+-?[0-9][0-9,.]*\\s+-?[0-9][0-9,.]*");

    public static FormCensus of(Map<String, TreeSet<Integer>> printed, List<ExtractedTable> tables) {
        return of(printed, Map.of(), tables);
    }

    /**
     * As {@link #of(Map, List)}, with the unit each form prints where known ({@code units}: form number to unit, null
     * for a form printing none): a form delivered must carry that unit; a form not in {@code units} must carry one.
     */
    public static FormCensus of(Map<String, TreeSet<Integer>> printed, Map<String, String> units, List<ExtractedTable> tables) {
        return of(printed, units, Map.of(), tables);
    }

    /** As {@link #of(Map, Map, List)}, with the title each form prints where known ({@code titles}: form number to title). */
    public static FormCensus of(Map<String, TreeSet<Integer>> printed, Map<String, String> units, Map<String, String> titles,
                         List<ExtractedTable> tables) {
        Map<String, List<ExtractedTable>> byForm = new LinkedHashMap<>();
        List<String> unnumbered = new ArrayList<>();
        for (ExtractedTable t : tables) {
            if (t.formNo() == null) unnumbered.add(t.pageFrom() + "-" + t.pageTo() + " " + t.title());
            else byForm.computeIfAbsent(PrintedForms.normal(t.formNo()), k -> new ArrayList<>()).add(t);
        }
        int delivered = 0;
        List<String> missing = new ArrayList<>(), lumped = new ArrayList<>(), doubled = new ArrayList<>(), unprinted = new ArrayList<>();
        for (Map.Entry<String, TreeSet<Integer>> e : printed.entrySet()) {
            List<ExtractedTable> ts = byForm.getOrDefault(e.getKey(), List.of());
            boolean whole = ts.stream().anyMatch(t -> titleAsPrinted(t, e.getKey(), titles) && unitAsPrinted(t, e.getKey(), units)
                    && e.getValue().subSet(t.pageFrom(), true, t.pageTo(), true).size() > 0);
            if (whole && ts.stream().anyMatch(FormCensus::lumped)) lumped.add(e.getKey() + "@" + e.getValue().first());
            else if (whole) delivered++;
            else missing.add(e.getKey() + "@" + e.getValue().first() + (ts.isEmpty() ? "" : why(ts.get(0), e.getKey(), units, titles)));
            if (ts.size() > 1) doubled.add(e.getKey() + spans(ts));
        }
        for (String k : byForm.keySet()) if (!printed.containsKey(k)) unprinted.add(k + spans(byForm.get(k)));
        return new FormCensus(printed.size(), delivered, missing, doubled, unprinted, unnumbered, lumped);
    }

    private static boolean lumped(ExtractedTable t) {
        return t.rows().stream().flatMap(r -> r.cells().values().stream())
                .anyMatch(c -> c != null && c.raw() != null && LUMP.matcher(Normalizer.normalize(c.raw(), Normalizer.Form.NFKC)).find());
    }

    private static boolean unitAsPrinted(ExtractedTable t, String form, Map<String, String> units) {
        return units.containsKey(form) ? java.util.Objects.equals(units.get(form), t.unit()) : t.unit() != null;
    }

    private static boolean titleAsPrinted(ExtractedTable t, String form, Map<String, String> titles) {
        if (t.title() == null || t.title().isBlank()) return false;
        return !titles.containsKey(form) || title(titles.get(form)).equals(title(t.title()));
    }

    /** A title as compared: NFKC, no spaces, one dash (1–6月份 and 1-6月份 are one). */
    public static String title(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFKC).replaceAll("\\s+", "").replaceAll("[‐‑‒–—－]", "-");
    }

    private static String why(ExtractedTable t, String form, Map<String, String> units, Map<String, String> titles) {
        return t.title() == null || t.title().isBlank() ? "(no title)"
                : !titleAsPrinted(t, form, titles) ? "(title " + t.title() + ")"
                : !unitAsPrinted(t, form, units) ? (t.unit() == null ? "(no unit)" : "(unit " + t.unit() + ")")
                : "(pages " + t.pageFrom() + "-" + t.pageTo() + ")";
    }

    private static String spans(List<ExtractedTable> ts) {
        StringBuilder sb = new StringBuilder("[");
        for (ExtractedTable t : ts) sb.append(sb.length() > 1 ? " " : "").append(t.pageFrom()).append('-').append(t.pageTo());
        return sb.append(']').toString();
    }

    @Override
    public String toString() {
        return String.format("printed %d, delivered %d, doubled %d %s, lumped %d %s, missing %s, unprinted %s, unnumbered tables %d %s",
                printed, delivered, doubled.size(), doubled, lumped.size(), lumped, missing, unprinted, unnumbered.size(), unnumbered);
    }
}
