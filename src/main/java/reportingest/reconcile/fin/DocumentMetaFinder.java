package reportingest.reconcile.fin;

import reportingest.layout.Page;
import reportingest.layout.TextLine;
import reportingest.catalog.TextKey;
import reportingest.reconcile.TableUnits;
import reportingest.tables.RawTable;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The department (部门 as printed) and the fiscal year of a 决算 report: the department from the
 * "部门：…" lines printed with the tables, else from a "…部门决算" cover line; the year from
 * "YYYY年度部门决算" wording, else the "YYYY年度" printed with the tables; the amount unit the tables' unit lines
 * print most (单位：万元), null when none prints one.
 */
public final class DocumentMetaFinder {
    private static final Pattern DEPT = Pattern.compile("^(?:编制)?部门[:：](.+)$");
    private static final Pattern YEAR_REPORT = Pattern.compile("(20\\d{2})年度?部门决算");
    private static final Pattern YEAR = Pattern.compile("^(20\\d{2})年度$");
    private static final Pattern COVER = Pattern.compile("^(.{2,40}?)(20\\d{2}年度?)?部门决算$");
    /** "（二）决算单位构成。X 2023年部门决算汇总公开单位…" and "X概况" headings name the department in prose-only reports. */
    private static final Pattern COMPOSITION = Pattern.compile(
            "^(?:[(（][一二三四五六七八九十]+[)）])?(?:决算单位构成[。.])?(.{2,30}?)20\\d{2}年度?部门决算汇总");
    private static final Pattern OVERVIEW = Pattern.compile("^(?:第[一二三四五六七八九十]+部分)?(.{2,30}?)(部门|单位|部门\\(单位\\))?概况$");

    private DocumentMetaFinder() {}

    public record Meta(String unit, Integer fiscalYear, String amountUnit) {}

    public static Meta find(List<Page> pages, List<RawTable> tables) {
        Map<String, Integer> units = new LinkedHashMap<>();
        Map<String, Integer> amountUnits = new LinkedHashMap<>();
        Map<Integer, Integer> years = new LinkedHashMap<>();
        for (RawTable t : tables) {
            for (String c : t.context()) {
                String k = TextKey.of(c);
                Matcher m = DEPT.matcher(k);
                if (m.matches()) units.merge(Labels.clean(c.strip().replaceFirst("^(编制)?部门[:：]", "")), 1, Integer::sum);
                String au = TableUnits.find(k);
                if (au != null) amountUnits.merge(au, 1, Integer::sum);
                Matcher y = YEAR.matcher(k);
                if (y.matches()) years.merge(Integer.parseInt(y.group(1)), 1, Integer::sum);
            }
        }
        Integer reportYear = null;
        String cover = null;
        String prose = null;
        for (Page p : pages) {
            for (TextLine l : p.lines()) {
                String k = TextKey.of(l.joined()).replace("*", "");
                if (reportYear == null) {
                    Matcher m = YEAR_REPORT.matcher(k);
                    if (m.find()) reportYear = Integer.parseInt(m.group(1));
                }
                if (cover == null) {
                    Matcher c = COVER.matcher(k);
                    if (c.matches() && !c.group(1).matches(".*\\d.*")) cover = c.group(1);
                }
                if (prose == null) {
                    Matcher c = COMPOSITION.matcher(k);
                    if (c.find()) prose = c.group(1);
                    Matcher o = OVERVIEW.matcher(k);
                    if (prose == null && o.matches() && !o.group(1).matches(".*\\d.*")
                            && !o.group(1).matches("(部门|单位|部门\\(单位\\))")) prose = o.group(1);
                }
            }
        }
        String unit = mostFrequent(units);
        if (unit == null) unit = cover;
        if (unit == null) unit = prose;
        Integer year = reportYear != null ? reportYear : mostFrequent(years);
        String amountUnit = mostFrequent(amountUnits);
        // no table prints its unit: the document does not say, and 万元 (what the disclosure forms print) is not guessed
        return new Meta(unit, year, amountUnit);
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
