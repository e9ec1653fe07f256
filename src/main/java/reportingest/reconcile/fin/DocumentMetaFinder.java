package reportingest.reconcile.fin;

import reportingest.layout.Page;
import reportingest.layout.TextLine;
import reportingest.layout.Word;
import reportingest.reconcile.catalog.TextKey;
import reportingest.tables.RawTable;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The department (部门 as printed) and the fiscal year of a 决算 report: the department from the
 * "部门：…" lines printed with the tables, else from a "…部门决算" cover line; the year from
 * "YYYY年度部门决算" wording, else the "YYYY年度" printed with the tables.
 */
public final class DocumentMetaFinder {
    private static final Pattern DEPT = Pattern.compile("^(?:编制)?部门[:：](.+)$");
    private static final Pattern YEAR_REPORT = Pattern.compile("(20\\d{2})年度?部门决算");
    private static final Pattern YEAR = Pattern.compile("^(20\\d{2})年度$");
    private static final Pattern COVER = Pattern.compile("^(.{2,40}?)(20\\d{2}年度?)?部门决算$");

    private DocumentMetaFinder() {}

    public record Meta(String unit, Integer fiscalYear) {}

    public static Meta find(List<Page> pages, List<RawTable> tables) {
        Map<String, Integer> units = new LinkedHashMap<>();
        Map<Integer, Integer> years = new LinkedHashMap<>();
        for (RawTable t : tables) {
            for (String c : t.context()) {
                String k = TextKey.of(c);
                Matcher m = DEPT.matcher(k);
                if (m.matches()) units.merge(Labels.clean(c.strip().replaceFirst("^(编制)?部门[:：]", "")), 1, Integer::sum);
                Matcher y = YEAR.matcher(k);
                if (y.matches()) years.merge(Integer.parseInt(y.group(1)), 1, Integer::sum);
            }
        }
        Integer reportYear = null;
        String cover = null;
        for (Page p : pages) {
            for (TextLine l : p.lines()) {
                String k = TextKey.of(joined(l)).replace("*", "");
                if (reportYear == null) {
                    Matcher m = YEAR_REPORT.matcher(k);
                    if (m.find()) reportYear = Integer.parseInt(m.group(1));
                }
                if (cover == null) {
                    Matcher c = COVER.matcher(k);
                    if (c.matches() && !c.group(1).matches(".*\\d.*")) cover = c.group(1);
                }
            }
        }
        String unit = mostFrequent(units);
        if (unit == null) unit = cover;
        Integer year = reportYear != null ? reportYear : mostFrequent(years);
        return new Meta(unit, year);
    }

    private static String joined(TextLine l) {
        StringBuilder sb = new StringBuilder();
        for (Word w : l.words()) sb.append(w.text());
        return sb.toString();
    }

    private static <T> T mostFrequent(Map<T, Integer> counts) {
        T best = null;
        int n = 0;
        for (Map.Entry<T, Integer> e : counts.entrySet()) {
            if (e.getKey() != null && e.getValue() > n) { best = e.getKey(); n = e.getValue(); }
        }
        return best;
    }
}
