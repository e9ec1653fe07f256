package reportingest.reconcile;

import reportingest.catalog.TextKey;
import reportingest.layout.Page;
import reportingest.layout.TextLine;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The family of a document (final_accounts, budget, performance, government_final_accounts,
 * government_budget, unknown), its level (部门 / 单位) and, for a budget, the year it budgets.
 * <p>
 * A government's own book (a city's 决算 or 预算 report to its people's congress: "关于某市2023年市级决算和…的报告",
 * "某市2022年市级决算", "2021年度财政决算（草案）", "…和2025年预算草案的报告") is named by its title on the first
 * pages before anything else: its tables are the government's, not a department's forms, and its narrative names
 * 绩效评价 and 预算单位 without being a performance report or a unit's. Such a book has no 部门/单位 level, and its
 * year is the one its title prints before 决算 or before 预算草案.
 * <p>
 * Otherwise the tables decide first (a document printing budget_* forms is a budget); a document without
 * recognised tables is named by its own short lines (…部门预算, …部门决算, …绩效自评). The budget year is the
 * year its titles and cover print before 预算 (a 2025 budget printed in 2024 says 2025年部门预算), never the
 * printing date, and never a year whose 预算 is being executed (2024年预算执行情况).
 */
public final class DocumentFamily {
    public static final String FINAL_ACCOUNTS = "final_accounts", BUDGET = "budget", PERFORMANCE = "performance", UNKNOWN = "unknown",
            GOVERNMENT_FINAL_ACCOUNTS = "government_final_accounts", GOVERNMENT_BUDGET = "government_budget";
    /** Pages the title of a government's book stands on: the cover, or a report's first page after a cover sheet. */
    private static final int GOVERNMENT_TITLE_PAGES = 2;
    /** A government's 决算 title: the year, then the government's level or 财政, then 决算; or 决算草案. Never 部门决算/单位决算. */
    private static final Pattern GOVERNMENT_FINAL_TITLE = Pattern.compile(
            "(20\\d{2})年度?(?:(?:全市|全省|全县|全区|市级|省级|县级|区级|市本级|省本级|县本级|区本级|财政总|财政)决算|决算[(（]?草案)");
    /** A government's 预算 title: the year, then 预算草案 (a department's budget is never a 草案 put to the congress). */
    private static final Pattern GOVERNMENT_BUDGET_TITLE = Pattern.compile(
            "(20\\d{2})年度?(?:全市|全省|全县|全区|市级|省级|县级|区级|市本级|省本级|县本级|区本级)?预算[(（]?草案");
    private static final Pattern DEPARTMENT_TITLE = Pattern.compile("(部门|单位)(决算|预算)|绩效自评");
    /** A title or cover line, not prose: short, and naming the year before 预算 / 决算. */
    private static final int MAX_TITLE = 45;
    private static final Pattern BUDGET_YEAR = Pattern.compile("(20\\d{2})年度?[^，。；,;0-9]{0,24}预算(?!执行)");
    private static final Pattern BUDGET_LINE = Pattern.compile("(部门|单位)预算|预算单位|预算公开|预算表|预算总表");
    private static final Pattern FINAL_LINE = Pattern.compile("(部门|单位)决算|决算表|决算总表");
    private static final Pattern PERFORMANCE_LINE = Pattern.compile("绩效自评|绩效评价");

    public record Family(String kind, String level, Integer fiscalYear) {}

    /** Whether the family is a government's own book (决算 or 预算), not a department's report. */
    public static boolean isGovernmentBook(String kind) {
        return GOVERNMENT_FINAL_ACCOUNTS.equals(kind) || GOVERNMENT_BUDGET.equals(kind);
    }

    private DocumentFamily() {}

    public static Family of(List<Page> pages, List<ExtractedTable> tables) {
        Family government = governmentBook(pages);
        if (government != null) return government;
        Map<String, Integer> kinds = new LinkedHashMap<>();
        for (ExtractedTable t : tables) {
            String s = t.schema();
            if (s.startsWith("budget_")) kinds.merge(BUDGET, 1, Integer::sum);
            else if (s.startsWith("performance_")) kinds.merge(PERFORMANCE, 1, Integer::sum);
            else if (!s.equals("unknown")) kinds.merge(FINAL_ACCOUNTS, 1, Integer::sum);
        }
        Map<Integer, Integer> years = new LinkedHashMap<>();
        Map<String, Integer> levels = new LinkedHashMap<>();
        Map<String, Integer> byText = new LinkedHashMap<>();
        for (Page p : pages) {
            for (TextLine l : p.lines()) {
                String k = TextKey.of(l.joined());
                if (k.isEmpty() || k.length() > MAX_TITLE) continue;
                if (BUDGET_LINE.matcher(k).find()) byText.merge(BUDGET, 1, Integer::sum);
                if (FINAL_LINE.matcher(k).find()) byText.merge(FINAL_ACCOUNTS, 1, Integer::sum);
                if (PERFORMANCE_LINE.matcher(k).find()) byText.merge(PERFORMANCE, 1, Integer::sum);
                Matcher y = BUDGET_YEAR.matcher(k);
                if (y.find()) years.merge(Integer.parseInt(y.group(1)), 1, Integer::sum);
                level(k, levels);
            }
        }
        for (ExtractedTable t : tables) {
            String k = TextKey.of(t.title());
            if (k.isEmpty()) continue;
            Matcher y = BUDGET_YEAR.matcher(k);
            if (y.find()) years.merge(Integer.parseInt(y.group(1)), 1, Integer::sum);
            level(k, levels);
        }
        String kind = mostFrequent(kinds);
        if (kind == null) kind = mostFrequent(byText);
        if (kind == null) kind = UNKNOWN;
        Integer year = BUDGET.equals(kind) ? mostFrequent(years) : null;
        return new Family(kind, mostFrequent(levels), year);
    }

    /** The family a government's book prints in its title on the first pages (the first such title line), else null. */
    static Family governmentBook(List<Page> pages) {
        for (Page p : pages) {
            if (p.number() > GOVERNMENT_TITLE_PAGES) break;
            for (TextLine l : p.lines()) {
                String k = TextKey.of(l.joined());
                if (k.isEmpty() || k.length() > MAX_TITLE) continue;
                // a department's or unit's own title comes first: its later lines quoting the government's books are not its title
                if (DEPARTMENT_TITLE.matcher(k).find()) return null;
                Matcher f = GOVERNMENT_FINAL_TITLE.matcher(k);
                if (f.find()) return new Family(GOVERNMENT_FINAL_ACCOUNTS, null, Integer.parseInt(f.group(1)));
                Matcher b = GOVERNMENT_BUDGET_TITLE.matcher(k);
                if (b.find()) return new Family(GOVERNMENT_BUDGET, null, Integer.parseInt(b.group(1)));
            }
        }
        return null;
    }

    /** 预算单位…表 / 单位预算 / 单位“三公”… name a unit's own report; 部门… a department's (with its units). */
    private static void level(String k, Map<String, Integer> levels) {
        if (k.contains("预算单位") || k.matches(".*单位(预算|决算).*") || k.matches("^(20\\d{2}年度?)?单位.*表$")) levels.merge("单位", 1, Integer::sum);
        else if (k.matches(".*部门(预算|决算).*") || k.matches("^(20\\d{2}年度?)?部门.*表$")) levels.merge("部门", 1, Integer::sum);
    }


    private static <T> T mostFrequent(Map<T, Integer> counts) {
        T best = null;
        int n = 0;
        for (Map.Entry<T, Integer> e : counts.entrySet()) if (e.getValue() > n) { best = e.getKey(); n = e.getValue(); }
        return best;
    }
}
