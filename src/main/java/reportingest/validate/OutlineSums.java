package reportingest.validate;

import reportingest.catalog.TextKey;
import reportingest.reconcile.ExtractedTable;
import reportingest.reconcile.TableRow;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * An unknown table's outline (key {@code level}: 0 a total line, 1 类, 2 款, 3 项, from codes or indentation): each line =
 * Σ the lines of the next level under it (类 = Σ款, 款 = Σ项, 合计 = Σ类); a line broken down by "其中：" lines is not
 * checked as their sum (a 其中 list may be partial).
 */
final class OutlineSums {
    private OutlineSums() {}

    private static Integer level(TableRow r) {
        return r.key().get("level") instanceof Integer l ? l : null;
    }

    /**
     * Each line with a level = Σ the shallowest lines under it (up to the next line of its level or above; lines without
     * a level are skipped); a total line (level 0) with no line under it sums the level-1 lines above it instead.
     */
    static void of(int ti, ExtractedTable t, List<String> amounts, DocumentCells cells, List<Check> out) {
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
                SumCheck.add(out, SumCheck.of("unknown/" + ti + "/outline/" + i + "/" + col, flag,
                        "table " + UnknownTableIdentities.title(t) + ": " + row + " " + col + " = Σ the " + kids.size() + " lines under it",
                        new CellRef(ti, i, col), TableIdentities.rowsOf(ti, kids, col), true, cells));
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

}
