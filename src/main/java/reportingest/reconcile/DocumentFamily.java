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
 * The family of a document (final_accounts, budget, performance, unknown), its level (部门 / 单位) and,
 * for a budget, the year it budgets. The tables decide first (a document printing budget_* forms is a
 * budget); a document without recognised tables is named by its own short lines (…部门预算, …部门决算,
 * …绩效自评). The budget year is the year its titles and cover print before 预算 (a 2025 budget printed
 * in 2024 says 2025年部门预算), never the printing date.
 */
public final class DocumentFamily {
    public static final String FINAL_ACCOUNTS = "final_accounts", BUDGET = "budget", PERFORMANCE = "performance", UNKNOWN = "unknown";
    /** A title or cover line, not prose: short, and naming the year before 预算 / 决算. */
    private static final int MAX_TITLE = 45;
    private static final Pattern BUDGET_YEAR = Pattern.compile("(20\\d{2})年度?[^，。；,;]{0,24}预算");
    private static final Pattern BUDGET_LINE = Pattern.compile("(部门|单位)预算|预算单位|预算公开|预算表|预算总表");
    private static final Pattern FINAL_LINE = Pattern.compile("(部门|单位)决算|决算表|决算总表");
    private static final Pattern PERFORMANCE_LINE = Pattern.compile("绩效自评|绩效评价");

    public record Family(String kind, String level, Integer fiscalYear) {}

    private DocumentFamily() {}

    public static Family of(List<Page> pages, List<ExtractedTable> tables) {
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
