package reportingest.reconcile.grid;

import reportingest.reconcile.CellValue;
import reportingest.reconcile.ExtractedTable;
import reportingest.reconcile.TableRow;
import reportingest.reconcile.catalog.Catalog;
import reportingest.reconcile.catalog.IdentityDef;
import reportingest.reconcile.catalog.SchemaDef;
import reportingest.reconcile.catalog.TextKey;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Test helper: checks the arithmetic identities the catalog states for each schema (row sums,
 * 类 = Σ款, 款 = Σ项, 合计 = Σ类, summary side totals, group totals, balances) over reconciled
 * tables. Blank cells count as zero; a sum of n terms may be off by 0.01 per term (amounts are
 * rounded to the cent one by one). Identities whose cells are all blank are not counted.
 */
final class Identities {
    record Check(String schema, String identity, String where, boolean holds, String detail) {
        @Override public String toString() {
            return (holds ? "ok   " : "FAIL ") + schema + " | " + identity + " | " + where + (holds ? "" : " | " + detail);
        }
    }

    private static final BigDecimal CENT = new BigDecimal("0.01");

    private final Catalog catalog;

    Identities(Catalog catalog) { this.catalog = catalog; }

    List<Check> check(List<ExtractedTable> tables) {
        List<Check> out = new ArrayList<>();
        for (ExtractedTable t : tables) {
            SchemaDef s = catalog.byId(t.schema()).orElse(null);
            if (s == null) continue;
            for (IdentityDef id : s.identities()) {
                switch (id.kind()) {
                    case "row_sum", "row_balance" -> rowSum(t, id, out);
                    case "hierarchy_sum" -> hierarchy(t, id, out);
                    case "total_row" -> totalRow(t, id, out);
                    case "side_sum" -> sideSum(t, id, out);
                    case "sides_equal" -> sidesEqual(t, id, out);
                    case "group_total" -> groupTotal(t, id, out);
                    default -> throw new IllegalStateException("identity kind " + id.kind());
                }
            }
        }
        return out;
    }

    private static void rowSum(ExtractedTable t, IdentityDef id, List<Check> out) {
        for (TableRow r : t.rows()) {
            if (id.side() != null && !id.side().equals(r.key().get("side"))) continue;
            if (!r.cells().containsKey(id.total())) continue;
            List<BigDecimal> terms = new ArrayList<>();
            boolean any = value(r, id.total()) != null;
            BigDecimal sum = BigDecimal.ZERO;
            for (String p : id.parts()) {
                boolean minus = p.startsWith("-");
                String col = minus ? p.substring(1) : p;
                BigDecimal v = value(r, col);
                any |= v != null;
                v = v == null ? BigDecimal.ZERO : v;
                terms.add(v);
                sum = minus ? sum.subtract(v) : sum.add(v);
            }
            if (!any) continue;
            out.add(compare(t.schema(), id, label(r), zero(value(r, id.total())), sum, terms.size()));
        }
    }

    private static void hierarchy(ExtractedTable t, IdentityDef id, List<Check> out) {
        List<Integer> levels = id.levels();
        for (TableRow parent : t.rows()) {
            String code = (String) parent.key().get("code");
            if (code == null) continue;
            int at = levels.indexOf(code.length());
            if (at < 0 || at == levels.size() - 1) continue;
            int childLen = levels.get(at + 1);
            List<TableRow> children = t.rows().stream().filter(r -> {
                String c = (String) r.key().get("code");
                return c != null && c.length() == childLen && c.startsWith(code)
                        && Objects.equals(r.key().get("group"), parent.key().get("group"));
            }).toList();
            if (children.isEmpty()) continue;
            sumOver(t, id, code + " " + parent.key().get("name"), parent, children, out);
        }
    }

    private static void totalRow(ExtractedTable t, IdentityDef id, List<Check> out) {
        for (TableRow total : t.rows()) {
            if (total.key().get("code") != null || !TextKey.of(id.total()).equals(TextKey.of((String) total.key().get("name")))) continue;
            List<TableRow> heads = t.rows().stream().filter(r -> {
                String c = (String) r.key().get("code");
                return c != null && id.levels().contains(c.length());
            }).toList();
            sumOver(t, id, id.total(), total, heads, out);
        }
    }

    private static void groupTotal(ExtractedTable t, IdentityDef id, List<Check> out) {
        String[] sel = id.parts().get(0).split(":"); // @group:<name>:level3
        int level = Integer.parseInt(sel[2].replace("level", ""));
        for (TableRow total : t.rows()) {
            if (!TextKey.of(id.total()).equals(TextKey.of((String) total.key().get("name")))) continue;
            List<TableRow> heads = t.rows().stream().filter(r -> sel[1].equals(r.key().get("group"))
                    && r.key().get("code") != null && ((String) r.key().get("code")).length() == level).toList();
            sumOver(t, id, id.total(), total, heads, out);
        }
    }

    private static void sideSum(ExtractedTable t, IdentityDef id, List<Check> out) {
        List<TableRow> side = t.rows().stream().filter(r -> id.side().equals(r.key().get("side"))).toList();
        int at = -1;
        for (int i = 0; i < side.size(); i++) {
            if (TextKey.of(id.total()).equals(TextKey.of((String) side.get(i).key().get("item")))) { at = i; break; }
        }
        if (at < 0) {
            out.add(new Check(t.schema(), id.description(), id.side() + " " + id.total(), false, "no line " + id.total()));
            return;
        }
        List<TableRow> parts;
        if (id.parts().equals(List.of("@lines_before_total"))) {
            parts = side.subList(0, at);
        } else {
            parts = side.stream().filter(r -> id.parts().stream()
                    .anyMatch(p -> TextKey.of(p).equals(TextKey.of((String) r.key().get("item"))))).toList();
        }
        sumOver(t, id, id.side() + " " + id.total(), side.get(at), parts, out);
    }

    private static void sidesEqual(ExtractedTable t, IdentityDef id, List<Check> out) {
        List<BigDecimal> totals = new ArrayList<>();
        for (TableRow r : t.rows()) {
            if (TextKey.of(id.total()).equals(TextKey.of((String) r.key().get("item")))) {
                totals.add(zero(r.cells().values().iterator().next().value() == null ? null
                        : new BigDecimal(r.cells().values().iterator().next().value())));
            }
        }
        if (totals.size() != 2) {
            out.add(new Check(t.schema(), id.description(), id.total(), false, "found " + totals.size() + " lines " + id.total()));
            return;
        }
        out.add(compare(t.schema(), id, id.total(), totals.get(0), totals.get(1), 1));
    }

    /** total = Σ parts for every column the total row has. */
    private static void sumOver(ExtractedTable t, IdentityDef id, String where, TableRow total, List<TableRow> parts,
                                List<Check> out) {
        for (String col : total.cells().keySet()) {
            BigDecimal sum = BigDecimal.ZERO;
            boolean any = value(total, col) != null;
            for (TableRow p : parts) {
                BigDecimal v = value(p, col);
                any |= v != null;
                if (v != null) sum = sum.add(v);
            }
            if (!any) continue;
            out.add(compare(t.schema(), id, where + " [" + col + "]", zero(value(total, col)), sum, Math.max(parts.size(), 1)));
        }
    }

    private static Check compare(String schema, IdentityDef id, String where, BigDecimal total, BigDecimal sum, int terms) {
        BigDecimal diff = total.subtract(sum).abs();
        boolean ok = diff.compareTo(CENT.multiply(BigDecimal.valueOf(terms))) <= 0;
        return new Check(schema, id.description(), where, ok, "printed " + total.toPlainString() + ", sum " + sum.toPlainString());
    }

    private static BigDecimal value(TableRow r, String col) {
        CellValue c = r.cells().get(col);
        if (c == null || c.value() == null) return null;
        try {
            return new BigDecimal(c.value().replace("%", ""));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static BigDecimal zero(BigDecimal v) { return v == null ? BigDecimal.ZERO : v; }

    private static String label(TableRow r) {
        Object code = r.key().get("code");
        Object name = r.key().get("name") != null ? r.key().get("name") : r.key().get("item");
        return (code == null ? "" : code + " ") + (name == null ? "(one row)" : name);
    }
}
