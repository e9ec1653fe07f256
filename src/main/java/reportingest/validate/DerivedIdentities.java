package reportingest.validate;

import reportingest.catalog.TextKey;
import reportingest.reconcile.ExtractedTable;
import reportingest.reconcile.TableRow;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The identities a table's own structure implies, for a table no catalog form names (schema unknown), so that it is
 * validated too: from its rows' outline levels (key {@code level}: 0 a total line, 1 类, 2 款, 3 项, from codes or
 * indentation), each line = Σ the lines of the next level under it (类 = Σ款, 款 = Σ项, 合计 = Σ类); from its header
 * (columns named as paths, {@code 2022年决算数/小计}), a 小计/合计 column = Σ its sibling columns in every row, and a
 * percent column naming two columns (经费支出决算数为调整预算数％) = the first / the second, within rounding. Percent
 * columns (and 序号/行次 columns) are never summed; a line broken down by "其中：" lines is not checked as their sum
 * (a 其中 list may be partial). Nothing is listed per form: a header or outline that names nothing derives nothing.
 */
final class DerivedIdentities {
    private static final Pattern PERCENT = Pattern.compile(".*[%％].*");
    /** Columns of numbers that are no amounts (序号 1, 2, 3; 行次; 栏次). */
    private static final Pattern NOT_AMOUNT = Pattern.compile("(序号|行次|栏次|编号|代码|编码)");
    private static final Pattern TOTAL_COLUMN = Pattern.compile("(小计|合计|总计)");
    private static final Pattern YEAR = Pattern.compile("^(\\d{4}年(度)?)");
    /** X为Y％ / X占Y的％: a share of one column in another. */
    private static final Pattern SHARE = Pattern.compile("(.+?)(为|占)(.+?)的?(百分比)?[%％]?");

    private DerivedIdentities() {}

    static List<Check> of(int ti, ExtractedTable t, DocumentCells cells) {
        List<Check> out = new ArrayList<>();
        List<String> amounts = new ArrayList<>();
        for (String c : t.columns()) {
            String leaf = TextKey.of(c.substring(c.lastIndexOf('/') + 1)).replaceAll("#\\d+$", "");
            if (!PERCENT.matcher(TextKey.of(c)).matches() && !NOT_AMOUNT.matcher(leaf).matches()) amounts.add(c);
        }
        outline(ti, t, amounts, cells, out);
        columnTotals(ti, t, amounts, cells, out);
        shares(ti, t, amounts, cells, out);
        return out;
    }

    private static Integer level(TableRow r) {
        return r.key().get("level") instanceof Integer l ? l : null;
    }

    /**
     * Each line with a level = Σ the shallowest lines under it (up to the next line of its level or above; lines without
     * a level are skipped); a total line (level 0) with no line under it sums the level-1 lines above it instead.
     */
    private static void outline(int ti, ExtractedTable t, List<String> amounts, DocumentCells cells, List<Check> out) {
        List<TableRow> rows = t.rows();
        for (int i = 0; i < rows.size(); i++) {
            Integer level = level(rows.get(i));
            if (level == null) continue;
            List<Integer> block = new ArrayList<>();
            for (int j = i + 1; j < rows.size(); j++) {
                Integer l = level(rows.get(j));
                if (l == null) continue;
                if (l <= level) break;
                block.add(j);
            }
            if (block.isEmpty() && level == 0) {
                for (int j = i - 1; j >= 0; j--) {
                    Integer l = level(rows.get(j));
                    if (l == null) continue;
                    if (l == 0) break;
                    block.add(0, j);
                }
            }
            if (block.isEmpty()) continue;
            int top = Integer.MAX_VALUE;
            for (int j : block) top = Math.min(top, level(rows.get(j)));
            List<Integer> kids = new ArrayList<>();
            for (int j : block) if (level(rows.get(j)) == top) kids.add(j);
            if (level == 0) kids = ordinalRun(rows, kids);
            // lines opened by "其中：" break their parent down, perhaps in part: they imply no sum
            if (reportingest.reconcile.fin.RowOutline.partOf(String.valueOf(rows.get(kids.get(0)).key().get("label")))) continue;
            String row = DocumentCells.rowLabel(rows.get(i));
            String flag = level == 0 ? TableIdentities.TOTAL_MISMATCH : TableIdentities.HIERARCHY_SUM_MISMATCH;
            for (String col : amounts) {
                CellRef lhs = new CellRef(ti, i, col);
                if (cells.cell(lhs) == null) continue;
                List<Term> terms = new ArrayList<>();
                for (int k : kids) {
                    CellRef ref = new CellRef(ti, k, col);
                    if (cells.cell(ref) != null) terms.add(Term.cell(cells.label(ref), ref));
                }
                out.add(new Check("unknown/" + ti + "/outline/" + i + "/" + col, flag, Check.Kind.SUM, Check.Source.TABLE,
                        "table " + title(t) + ": " + row + " " + col + " = Σ the " + kids.size() + " lines under it",
                        Term.cell(cells.label(lhs), lhs), terms, null, true));
            }
        }
    }

    private static final Pattern ORDINAL = Pattern.compile("^[一二三四五六七八九十]+[、.．].*");

    /**
     * A total over lines numbered 一、二、… and then lines not numbered (本级支出合计 over 一、…二十二、, then 对区补助支出 and
     * 预备费 under the 市级支出合计 below): the total sums the numbered run.
     */
    private static List<Integer> ordinalRun(List<TableRow> rows, List<Integer> kids) {
        int run = 0;
        while (run < kids.size() && ORDINAL.matcher(TextKey.of(String.valueOf(rows.get(kids.get(run)).key().get("label")))).matches()) run++;
        return run >= 2 && run < kids.size() ? kids.subList(0, run) : kids;
    }

    /**
     * A column whose last heading is 小计/合计 under a parent heading = Σ its siblings under that parent, in every row:
     * a sibling heading over columns of its own counts by its own 小计/合计 column (预算数/合计 = 预算数/市级资金/小计 +
     * 预算数/中央转移支付); a sibling group without one leaves the total unchecked.
     */
    private static void columnTotals(int ti, ExtractedTable t, List<String> amounts, DocumentCells cells, List<Check> out) {
        for (String total : amounts) {
            int slash = total.lastIndexOf('/');
            if (slash <= 0 || !isTotal(total)) continue;
            String parent = total.substring(0, slash + 1);
            Map<String, List<String>> siblings = new LinkedHashMap<>(); // next heading -> columns under it
            for (String c : amounts) {
                if (c.equals(total) || !c.startsWith(parent)) continue;
                String rest = c.substring(parent.length());
                siblings.computeIfAbsent(rest.contains("/") ? rest.substring(0, rest.indexOf('/')) : rest, k -> new ArrayList<>()).add(c);
            }
            List<String> parts = new ArrayList<>();
            for (Map.Entry<String, List<String>> e : siblings.entrySet()) {
                String part = null;
                for (String c : e.getValue()) {
                    if (c.equals(parent + e.getKey()) || c.lastIndexOf('/') == parent.length() + e.getKey().length() && isTotal(c)) {
                        part = c;
                        break;
                    }
                }
                if (part == null) { parts = null; break; }
                parts.add(part);
            }
            if (parts == null || parts.isEmpty()) continue;
            for (int ri = 0; ri < t.rows().size(); ri++) {
                CellRef lhs = new CellRef(ti, ri, total);
                if (cells.cell(lhs) == null) continue;
                List<Term> terms = new ArrayList<>();
                for (String p : parts) {
                    CellRef ref = new CellRef(ti, ri, p);
                    if (cells.cell(ref) != null) terms.add(Term.cell(cells.label(ref), ref));
                }
                String row = DocumentCells.rowLabel(t.rows().get(ri));
                out.add(new Check("unknown/" + ti + "/columns/" + ri + "/" + total, TableIdentities.ROW_SUM_MISMATCH, Check.Kind.SUM,
                        Check.Source.TABLE, "table " + title(t) + ": row " + row + ": " + total + " = Σ " + String.join(" + ", parts),
                        Term.cell(cells.label(lhs), lhs), terms, null, true));
            }
        }
    }

    private static boolean isTotal(String column) {
        return TOTAL_COLUMN.matcher(TextKey.of(column.substring(column.lastIndexOf('/') + 1)).replaceAll("#\\d+$", "")).matches();
    }

    /** A percent column whose heading names two columns (X为Y％): in every row, the percent = X / Y. */
    private static void shares(int ti, ExtractedTable t, List<String> amounts, DocumentCells cells, List<Check> out) {
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
                        Check.Source.TABLE, "table " + title(t) + ": row " + row + ": " + pc + " = " + num[0] + " / " + den[0],
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

    private static String title(ExtractedTable t) {
        return t.formNo() != null ? t.formNo() : String.valueOf(t.title());
    }
}
