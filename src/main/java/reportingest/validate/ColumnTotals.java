package reportingest.validate;

import reportingest.catalog.TextKey;
import reportingest.reconcile.ExtractedTable;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** An unknown table's 小计/合计 columns (header paths such as {@code 2022年决算数/小计}) = Σ their sibling columns in every row. */
final class ColumnTotals {
    private static final Pattern TOTAL_COLUMN = Pattern.compile("(小计|合计|总计)");

    private ColumnTotals() {}

    /**
     * A column whose last heading is 小计/合计 under a parent heading = Σ its siblings under that parent, in every row:
     * a sibling heading over columns of its own counts by its own 小计/合计 column (预算数/合计 = 预算数/市级资金/小计 +
     * 预算数/中央转移支付); a sibling group without one leaves the total unchecked.
     */
    static void of(int ti, ExtractedTable t, List<String> amounts, DocumentCells cells, List<Check> out) {
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
                List<CellRef> refs = new ArrayList<>();
                for (String p : parts) refs.add(new CellRef(ti, ri, p));
                String row = DocumentCells.rowLabel(t.rows().get(ri));
                SumCheck.add(out, SumCheck.of("unknown/" + ti + "/columns/" + ri + "/" + total, TableIdentities.ROW_SUM_MISMATCH,
                        "table " + UnknownTableIdentities.title(t) + ": row " + row + ": " + total + " = Σ " + String.join(" + ", parts),
                        new CellRef(ti, ri, total), refs, true, cells));
            }
        }
    }

    private static boolean isTotal(String column) {
        return TOTAL_COLUMN.matcher(TextKey.of(column.substring(column.lastIndexOf('/') + 1)).replaceAll("#\\d+$", "")).matches();
    }

}
