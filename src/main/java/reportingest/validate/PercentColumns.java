package reportingest.validate;

import reportingest.catalog.TextKey;
import reportingest.reconcile.ExtractedTable;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An unknown table's percent columns, as their headings name them: X为Y％ (经费支出决算数为调整预算数％) = X / Y, and 占X%
 * under a group = the group's 金额 / the column naming X, within the precision printed.
 */
final class PercentColumns {
    private static final Pattern PERCENT = Pattern.compile(".*[%％].*");
    private static final Pattern TOTAL_COLUMN = Pattern.compile("(小计|合计|总计)");
    private static final Pattern YEAR = Pattern.compile("^(\\d{4}年(度)?)");
    /** X为Y％ / X占Y的％: a share of one column in another. */
    private static final Pattern SHARE = Pattern.compile("(.+?)(为|占)(.+?)的?(百分比)?[%％]?");
    /** 占X%: a group's share of the column naming X. */
    private static final Pattern SHARE_OF = Pattern.compile("^占(.+?)[%％]?$");
    private static final Pattern YEAR_PREFIX = Pattern.compile("^\\d{4}年");

    private PercentColumns() {}

    /** A percent column whose heading names two columns (X为Y％): in every row, the percent = X / Y. */
    static void named(int ti, ExtractedTable t, List<String> amounts, DocumentCells cells, List<Check> out) {
        for (String pc : t.columns()) {
            String k = TextKey.of(pc.substring(pc.lastIndexOf('/') + 1)).replaceAll("#\\d+$", "");
            if (!PERCENT.matcher(k).matches()) continue;
            var m = SHARE.matcher(k);
            if (!m.matches()) continue;
            String left = m.group(1), right = m.group(3);
            String[] num = column(left, null, amounts);
            if (num == null) continue;
            String[] den = column(right, num[1], amounts);
            if (den == null || den[0].equals(num[0])) continue;
            for (int ri = 0; ri < t.rows().size(); ri++) {
                CellRef r = new CellRef(ti, ri, pc), n = new CellRef(ti, ri, num[0]), d = new CellRef(ti, ri, den[0]);
                if (cells.cell(r) == null || cells.cell(n) == null || cells.cell(d) == null) continue;
                String row = DocumentCells.rowLabel(t.rows().get(ri));
                out.add(new Check("unknown/" + ti + "/share/" + ri + "/" + pc, TableIdentities.ROW_SUM_MISMATCH, Check.Kind.RATIO,
                        Check.Source.TABLE, "table " + UnknownTableIdentities.title(t) + ": row " + row + ": " + pc + " = " + num[0] + " / " + den[0],
                        Term.cell(cells.label(r), r), List.of(Term.cell(cells.label(n), n), Term.cell(cells.label(d), d)), null, true));
            }
        }
    }

    /**
     * The column a phrase of a percent heading names ({column, the words before the heading it names}): a column group
     * whose heading (without its year) ends the phrase, and in it the column named by the words before it (经费支出决算数:
     * 决算数/经费支出), else its 小计/合计, else its only column; a phrase naming no words before its heading takes
     * {@code inherited} (经费支出决算数为调整预算数: 调整预算数/经费支出). A phrase naming no column, or several, names none.
     */
    private static String[] column(String phrase, String inherited, List<String> amounts) {
        String best = null;
        String bestHead = null;
        for (String c : amounts) {
            String[] path = c.split("/");
            String head = YEAR.matcher(TextKey.of(path[0])).replaceFirst("");
            if (head.isEmpty() || !phrase.endsWith(head)) continue;
            if (bestHead == null || head.length() > bestHead.length()) bestHead = head;
        }
        if (bestHead == null) return null;
        String words = phrase.substring(0, phrase.length() - bestHead.length());
        if (words.isEmpty() && inherited != null) words = inherited;
        List<String> group = new ArrayList<>();
        for (String c : amounts) {
            String[] path = c.split("/");
            if (YEAR.matcher(TextKey.of(path[0])).replaceFirst("").equals(bestHead)) group.add(c);
        }
        for (String c : group) {
            String leaf = TextKey.of(c.substring(c.lastIndexOf('/') + 1));
            if (!words.isEmpty() && c.contains("/") && leaf.equals(words)) best = c;
        }
        if (best == null && words.isEmpty()) {
            for (String c : group) if (TOTAL_COLUMN.matcher(TextKey.of(c.substring(c.lastIndexOf('/') + 1))).matches()) best = c;
            if (best == null && group.size() == 1) best = group.get(0);
        }
        return best == null ? null : new String[]{best, words};
    }

    /**
     * A percentage column 占X% under a group (2021年决算数 / 占调整后预算%) is the group's amount (its 金额 column) over the
     * column naming X outside the group (2021年调整后预算数 for 调整后预算, 2021年预算数 for 预算), to the precision printed;
     * nothing is checked when the header names no such column, or two.
     */
    static void shareOf(int ti, ExtractedTable t, DocumentCells cells, List<Check> out) {
        for (String column : t.columns()) {
            int slash = column.lastIndexOf('/');
            if (slash < 0) continue;
            String group = column.substring(0, slash);
            Matcher m = SHARE_OF.matcher(TextKey.of(column.substring(slash + 1)));
            if (!m.matches()) continue;
            String of = m.group(1);
            String amount = group + "/金额";
            if (!t.columns().contains(amount)) continue;
            // the column whose name (year and 数 aside) the share names: the longest such, one only (OCR may read
            // 占调整后预算% as 占调整后预算预算)
            String denominator = null;
            int longest = 0, ties = 0;
            for (String c : t.columns()) {
                if (c.startsWith(group + "/") || c.equals(group)) continue;
                String k = YEAR_PREFIX.matcher(TextKey.of(c)).replaceFirst("").replaceFirst("数$", "");
                if (k.isEmpty() || !of.startsWith(k)) continue;
                if (k.length() > longest) { longest = k.length(); denominator = c; ties = 0; }
                else if (k.length() == longest) ties++;
            }
            if (denominator == null || ties > 0) continue;
            for (int ri = 0; ri < t.rows().size(); ri++) {
                CellRef r = new CellRef(ti, ri, column), n = new CellRef(ti, ri, amount), d = new CellRef(ti, ri, denominator);
                if (cells.cell(r) == null || cells.cell(n) == null || cells.cell(d) == null) continue;
                String row = DocumentCells.rowLabel(t.rows().get(ri));
                out.add(new Check("unknown/" + ti + "/ratio/" + ri + "/" + column, TableIdentities.ROW_SUM_MISMATCH, Check.Kind.RATIO,
                        Check.Source.TABLE, "row " + row + ": " + column + " = " + amount + " / " + denominator,
                        Term.cell(cells.label(r), r), List.of(Term.cell(cells.label(n), n), Term.cell(cells.label(d), d)), null, true));
            }
        }
    }}
