package reportingest.validate;

import reportingest.reconcile.ExtractedTable;
import reportingest.reconcile.TableRow;
import reportingest.catalog.IdentityDef;
import reportingest.catalog.SchemaDef;
import reportingest.catalog.SideDef;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The checks a table's schema identities (catalog data) imply on its rows: row_sum and row_balance
 * across a row, hierarchy_sum (parent code = Σ child codes), total_row (合计 = Σ 类), side_sum and
 * sides_equal of two-sided summaries, group_total of the basic-expenditure detail; for labelled
 * semi-structured forms children_sum (a row = Σ the rows naming it as parent), column_total (the row
 * labelled total = Σ every other row of a column), row_at_least (one column of a row ≥ another) and
 * ratio (a percent column = numerator / denominator of the same row).
 */
final class TableIdentities {
    static final String ROW_SUM_MISMATCH = "ROW_SUM_MISMATCH";
    static final String HIERARCHY_SUM_MISMATCH = "HIERARCHY_SUM_MISMATCH";
    static final String TOTAL_MISMATCH = "TOTAL_MISMATCH";
    /** children_sum with this total: each child names its parent's column in its key ({@code parent_column}). */
    static final String PARENT_COLUMN = "@parent_column";

    private TableIdentities() {}

    static List<Check> of(int ti, ExtractedTable t, SchemaDef schema, DocumentCells cells) {
        List<Check> out = new ArrayList<>();
        for (IdentityDef id : schema.identities()) {
            switch (id.kind()) {
                case "row_sum", "row_balance" -> rowSums(ti, t, schema, id, cells, out);
                case "hierarchy_sum" -> hierarchy(ti, t, schema, id, cells, out);
                case "total_row" -> totalRow(ti, t, schema, id, cells, out);
                case "side_sum" -> sideSum(ti, t, schema, id, cells, out);
                case "sides_equal" -> sidesEqual(ti, t, schema, id, cells, out);
                case "group_total" -> groupTotal(ti, t, schema, id, cells, out);
                case "children_sum" -> childrenSum(ti, t, schema, id, cells, out);
                case "column_total" -> columnTotal(ti, t, schema, id, cells, out);
                case "row_at_least" -> rowAtLeast(ti, t, schema, id, cells, out);
                case "ratio" -> ratio(ti, t, schema, id, cells, out);
                case "outline_sum" -> outlineSum(ti, t, schema, id, cells, out);
                default -> { } // an identity kind this validator does not know is ignored, not guessed
            }
        }
        return out;
    }

    private static String desc(SchemaDef s, IdentityDef id, String detail) {
        return s.id() + " " + (detail == null ? id.description() : detail);
    }

    private static void rowSums(int ti, ExtractedTable t, SchemaDef s, IdentityDef id, DocumentCells cells, List<Check> out) {
        for (int ri = 0; ri < t.rows().size(); ri++) {
            TableRow r = t.rows().get(ri);
            if (id.side() != null && !id.side().equals(r.key().get("side"))) continue;
            if (!r.cells().containsKey(id.total())) continue;
            CellRef lhs = new CellRef(ti, ri, id.total());
            List<Term> terms = new ArrayList<>();
            for (String p : id.parts()) {
                int sign = p.startsWith("-") ? -1 : 1;
                String col = sign < 0 ? p.substring(1) : p;
                if (!r.cells().containsKey(col)) continue;
                CellRef ref = new CellRef(ti, ri, col);
                terms.add(Term.cell(cells.label(ref), ref, sign));
            }
            if (terms.isEmpty()) continue;
            out.add(new Check(s.id() + "/row/" + DocumentCells.rowLabel(r) + "/" + id.total(), ROW_SUM_MISMATCH, Check.Kind.SUM,
                    Check.Source.TABLE, desc(s, id, "row " + DocumentCells.rowLabel(r) + ": " + id.description()),
                    Term.cell(cells.label(lhs), lhs), terms, null, !"row_balance".equals(id.kind())));
        }
    }

    private static Map<String, Integer> byCode(ExtractedTable t) {
        Map<String, Integer> m = new LinkedHashMap<>();
        for (int i = 0; i < t.rows().size(); i++) {
            String c = DocumentCells.code(t.rows().get(i));
            if (c != null) m.putIfAbsent(c, i);
        }
        return m;
    }

    private static void hierarchy(int ti, ExtractedTable t, SchemaDef s, IdentityDef id, DocumentCells cells, List<Check> out) {
        Map<String, Integer> codes = byCode(t);
        List<Integer> levels = id.levels();
        for (Map.Entry<String, Integer> e : codes.entrySet()) {
            int li = levels.indexOf(e.getKey().length());
            if (li < 0 || li == levels.size() - 1) continue;
            int want = levels.get(li + 1);
            List<Integer> kids = new ArrayList<>();
            for (Map.Entry<String, Integer> k : codes.entrySet()) {
                if (k.getKey().length() == want && k.getKey().startsWith(e.getKey())) kids.add(k.getValue());
            }
            if (kids.isEmpty()) continue;
            for (String col : t.columns()) {
                SumCheck.add(out, SumCheck.of(s.id() + "/hier/" + e.getKey() + "/" + col, HIERARCHY_SUM_MISMATCH,
                        desc(s, id, e.getKey() + " " + col + " = Σ its " + want + "-digit codes"), new CellRef(ti, e.getValue(), col),
                        rowsOf(ti, kids, col), true, cells));
            }
        }
    }

    private static boolean isTotalRow(TableRow r, String label, SchemaDef s) {
        if (DocumentCells.code(r) != null) return false;
        String n = DocumentCells.key(DocumentCells.name(r));
        if (n.equals(DocumentCells.key(label))) return true;
        return s.totalLabels().stream().anyMatch(l -> DocumentCells.key(l).equals(n));
    }

    private static void totalRow(int ti, ExtractedTable t, SchemaDef s, IdentityDef id, DocumentCells cells, List<Check> out) {
        int total = -1;
        for (int i = 0; i < t.rows().size() && total < 0; i++) if (isTotalRow(t.rows().get(i), id.total(), s)) total = i;
        if (total < 0) return;
        List<Integer> heads = new ArrayList<>();
        for (Map.Entry<String, Integer> e : byCode(t).entrySet()) if (id.levels().contains(e.getKey().length())) heads.add(e.getValue());
        sumPerColumn(ti, t, cells, total, heads, s.id() + "/total/", col -> desc(s, id, id.total() + " " + col + " = Σ 类"), out);
    }

    /** Per column: the cell of row {@code lhsRow} = Σ the cells of {@code rows} (where the table has them). */
    private static void sumPerColumn(int ti, ExtractedTable t, DocumentCells cells, int lhsRow, List<Integer> rows, String name,
                                     java.util.function.Function<String, String> description, List<Check> out) {
        for (String col : t.columns()) {
            SumCheck.add(out, SumCheck.of(name + col, TOTAL_MISMATCH, description.apply(col), new CellRef(ti, lhsRow, col),
                    rowsOf(ti, rows, col), true, cells));
        }
    }

    /** The cells of these rows in one column. */
    static List<CellRef> rowsOf(int ti, List<Integer> rows, String column) {
        List<CellRef> out = new ArrayList<>();
        for (int r : rows) out.add(new CellRef(ti, r, column));
        return out;
    }

    private static List<Integer> sideRows(ExtractedTable t, String side) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < t.rows().size(); i++) if (side.equals(t.rows().get(i).key().get("side"))) out.add(i);
        return out;
    }

    /** Position within the side's rows of the line with this item (or group and item): exact key first, else a prefix match. */
    private static int find(ExtractedTable t, List<Integer> side, String item, int from) {
        String k = DocumentCells.key(item);
        for (int i = from; i < side.size(); i++) if (DocumentCells.itemKeys(t.rows().get(side.get(i))).contains(k)) return i;
        for (int i = from; i < side.size(); i++) {
            for (String it : DocumentCells.itemKeys(t.rows().get(side.get(i)))) if (!it.isEmpty() && it.startsWith(k)) return i;
        }
        return -1;
    }

    private static List<String> sideColumns(SchemaDef s, String side, ExtractedTable t) {
        for (SideDef d : s.sides()) if (d.side().equals(side)) return d.columns();
        return t.columns();
    }

    private static void sideSum(int ti, ExtractedTable t, SchemaDef s, IdentityDef id, DocumentCells cells, List<Check> out) {
        List<Integer> side = sideRows(t, id.side());
        int total = find(t, side, id.total(), 0);
        if (total < 0) return;
        List<Integer> parts = new ArrayList<>();
        for (String p : id.parts()) {
            if (p.equals("@lines_before_total")) {
                parts.addAll(side.subList(0, total));
            } else if (p.startsWith("@lines_from:")) {
                int from = find(t, side, p.substring("@lines_from:".length()), 0);
                if (from < 0 || from >= total) return;
                parts.addAll(side.subList(from, total));
            } else if (p.startsWith("@lines_until:")) {
                int until = find(t, side, p.substring("@lines_until:".length()), total + 1);
                if (until < 0) return;
                parts.addAll(side.subList(total + 1, until));
            } else {
                int at = find(t, side, p, 0);
                if (at >= 0 && at != total) parts.add(side.get(at));
            }
        }
        if (parts.isEmpty()) return;
        for (String col : sideColumns(s, id.side(), t)) {
            SumCheck.add(out, SumCheck.of(s.id() + "/" + id.side() + "/" + id.total() + "/" + col, TOTAL_MISMATCH,
                    desc(s, id, id.description() + " (" + col + ")"), new CellRef(ti, side.get(total), col), rowsOf(ti, parts, col), true, cells));
        }
    }

    private static void sidesEqual(int ti, ExtractedTable t, SchemaDef s, IdentityDef id, DocumentCells cells, List<Check> out) {
        if (s.sides().size() < 2) return;
        SideDef a = s.sides().get(0), b = s.sides().get(1);
        List<Integer> as = sideRows(t, a.side()), bs = sideRows(t, b.side());
        int ai = find(t, as, id.total(), 0), bi = find(t, bs, id.total(), 0);
        if (ai < 0 || bi < 0 || a.columns().isEmpty() || b.columns().isEmpty()) return;
        CellRef l = new CellRef(ti, as.get(ai), a.columns().get(0)), r = new CellRef(ti, bs.get(bi), b.columns().get(0));
        if (cells.cell(l) == null || cells.cell(r) == null) return;
        out.add(new Check(s.id() + "/sides/" + id.total(), TOTAL_MISMATCH, Check.Kind.EQUAL, Check.Source.TABLE,
                desc(s, id, null), Term.cell(a.side() + cells.label(l), l), List.of(Term.cell(b.side() + cells.label(r), r)), null, true));
    }

    private static void groupTotal(int ti, ExtractedTable t, SchemaDef s, IdentityDef id, DocumentCells cells, List<Check> out) {
        int total = -1;
        for (int i = 0; i < t.rows().size() && total < 0; i++) {
            TableRow r = t.rows().get(i);
            if (DocumentCells.code(r) == null && DocumentCells.key(DocumentCells.name(r)).equals(DocumentCells.key(id.total()))) total = i;
        }
        if (total < 0) return;
        List<Integer> parts = new ArrayList<>();
        for (String p : id.parts()) {
            if (!p.startsWith("@group:")) continue;
            String[] g = p.split(":");
            int level = g.length > 2 && g[2].startsWith("level") ? Integer.parseInt(g[2].substring(5)) : 3;
            for (int i = 0; i < t.rows().size(); i++) {
                TableRow r = t.rows().get(i);
                String c = DocumentCells.code(r);
                if (c != null && c.length() == level && g[1].equals(r.key().get("group"))) parts.add(i);
            }
        }
        for (String col : t.columns()) {
            SumCheck.add(out, SumCheck.of(s.id() + "/" + id.total() + "/" + col, TOTAL_MISMATCH, desc(s, id, null),
                    new CellRef(ti, total, col), rowsOf(ti, parts, col), false, cells));
        }
    }

    private static String label(TableRow r) {
        Object l = r.key().get("label");
        return l == null ? null : DocumentCells.key(l);
    }

    private static boolean blank(DocumentCells cells, CellRef r) {
        return cells.cell(r) == null || Amounts.parse(cells.value(r)) == null;
    }

    /**
     * A row = Σ the rows whose key names it as parent, per section (a form may break one total down
     * twice, by income type and by spending type). Plain: the same columns ({@code parts}) on parent
     * and children. With total {@value #PARENT_COLUMN}: children carry one amount column
     * ({@code parts[0]}) and say in their key which parent column they break down. A column the
     * form leaves blank in every child is not broken down there, so nothing is checked.
     */
    private static void childrenSum(int ti, ExtractedTable t, SchemaDef s, IdentityDef id, DocumentCells cells, List<Check> out) {
        boolean byKey = PARENT_COLUMN.equals(id.total());
        for (int pi = 0; pi < t.rows().size(); pi++) {
            String parent = label(t.rows().get(pi));
            if (parent == null || parent.isEmpty()) continue;
            Map<String, List<Integer>> groups = new LinkedHashMap<>();
            for (int ci = pi + 1; ci < t.rows().size(); ci++) {
                TableRow c = t.rows().get(ci);
                if (!parent.equals(DocumentCells.key(c.key().get("parent")))) continue;
                Object pc = c.key().get("parent_column");
                if (byKey != (pc != null)) continue;
                groups.computeIfAbsent(c.key().get("section") + "|" + (pc == null ? "" : pc), k -> new ArrayList<>()).add(ci);
            }
            for (Map.Entry<String, List<Integer>> g : groups.entrySet()) {
                List<String[]> columns = new ArrayList<>(); // {parent column, child column}
                if (byKey) {
                    if (id.parts().isEmpty()) continue;
                    columns.add(new String[]{String.valueOf(t.rows().get(g.getValue().get(0)).key().get("parent_column")), id.parts().get(0)});
                } else {
                    for (String col : id.parts()) columns.add(new String[]{col, col});
                }
                for (String[] col : columns) {
                    CellRef lhs = new CellRef(ti, pi, col[0]);
                    if (cells.cell(lhs) == null) continue;
                    List<Term> terms = new ArrayList<>();
                    boolean any = false;
                    for (int ci : g.getValue()) {
                        CellRef ref = new CellRef(ti, ci, col[1]);
                        if (cells.cell(ref) == null) continue;
                        any |= !blank(cells, ref);
                        terms.add(Term.cell(cells.label(ref), ref));
                    }
                    if (!any) continue;
                    String section = g.getKey().substring(0, g.getKey().indexOf('|'));
                    out.add(new Check(s.id() + "/children/" + parent + "/" + section + "/" + col[0], TOTAL_MISMATCH, Check.Kind.SUM,
                            Check.Source.TABLE, desc(s, id, parent + " " + col[0] + " = Σ its rows" + ("null".equals(section) ? "" : " in " + section)
                            + (col[0].equals(col[1]) ? "" : " (" + col[1] + ")")), Term.cell(cells.label(lhs), lhs), terms, null, true));
                }
            }
        }
    }

    /** The row labelled {@code total} = Σ every other row's cell in each of the {@code parts} columns. */
    private static void columnTotal(int ti, ExtractedTable t, SchemaDef s, IdentityDef id, DocumentCells cells, List<Check> out) {
        int total = -1;
        for (int i = 0; i < t.rows().size() && total < 0; i++) {
            if (DocumentCells.key(id.total()).equals(label(t.rows().get(i)))) total = i;
        }
        if (total < 0) return;
        for (String col : id.parts()) {
            CellRef lhs = new CellRef(ti, total, col);
            if (cells.cell(lhs) == null) continue;
            List<Term> terms = new ArrayList<>();
            for (int i = 0; i < t.rows().size(); i++) {
                CellRef ref = new CellRef(ti, i, col);
                if (i != total && !blank(cells, ref)) terms.add(Term.cell(cells.label(ref), ref));
            }
            out.add(new Check(s.id() + "/column/" + id.total() + "/" + col, TOTAL_MISMATCH, Check.Kind.SUM, Check.Source.TABLE,
                    desc(s, id, id.total() + " " + col + " = Σ the " + col + " of every other row"), Term.cell(cells.label(lhs), lhs),
                    terms, null, true));
        }
    }

    /**
     * An outline's lines (key {@code level}): each line = Σ the lines one level deeper that follow it, up to the next
     * line of its level or above, in every column; a line with nothing under it is a leaf, not checked.
     */
    private static void outlineSum(int ti, ExtractedTable t, SchemaDef s, IdentityDef id, DocumentCells cells, List<Check> out) {
        for (int i = 0; i < t.rows().size(); i++) {
            if (!(t.rows().get(i).key().get("level") instanceof Integer level)) continue;
            List<Integer> kids = new ArrayList<>();
            for (int j = i + 1; j < t.rows().size(); j++) {
                if (!(t.rows().get(j).key().get("level") instanceof Integer l) || l <= level) break;
                if (l == level + 1) kids.add(j);
            }
            if (kids.isEmpty()) continue;
            String row = DocumentCells.rowLabel(t.rows().get(i));
            sumPerColumn(ti, t, cells, i, kids, s.id() + "/outline/" + i + "/", col -> desc(s, id, row + " " + col + " = Σ its lines"), out);
        }
    }

    /** Each row holding both: {@code total} column ≥ {@code parts[0]} column (a score never exceeds its weight). */
    private static void rowAtLeast(int ti, ExtractedTable t, SchemaDef s, IdentityDef id, DocumentCells cells, List<Check> out) {
        if (id.parts().isEmpty()) return;
        for (int ri = 0; ri < t.rows().size(); ri++) {
            CellRef a = new CellRef(ti, ri, id.total()), b = new CellRef(ti, ri, id.parts().get(0));
            if (cells.cell(a) == null || cells.cell(b) == null) continue;
            String row = DocumentCells.rowLabel(t.rows().get(ri));
            out.add(new Check(s.id() + "/atleast/" + row + "/" + id.total(), ROW_SUM_MISMATCH, Check.Kind.AT_LEAST, Check.Source.TABLE,
                    desc(s, id, "row " + row + ": " + id.description()), Term.cell(cells.label(a), a),
                    List.of(Term.cell(cells.label(b), b)), null, true));
        }
    }

    /** Each row holding all three: {@code total} (a percent) = {@code parts[0]} / {@code parts[1]}. */
    private static void ratio(int ti, ExtractedTable t, SchemaDef s, IdentityDef id, DocumentCells cells, List<Check> out) {
        if (id.parts().size() < 2) return;
        for (int ri = 0; ri < t.rows().size(); ri++) {
            CellRef r = new CellRef(ti, ri, id.total()), n = new CellRef(ti, ri, id.parts().get(0)), d = new CellRef(ti, ri, id.parts().get(1));
            if (cells.cell(r) == null || cells.cell(n) == null || cells.cell(d) == null) continue;
            String row = DocumentCells.rowLabel(t.rows().get(ri));
            out.add(new Check(s.id() + "/ratio/" + row + "/" + id.total(), ROW_SUM_MISMATCH, Check.Kind.RATIO, Check.Source.TABLE,
                    desc(s, id, "row " + row + ": " + id.description()), Term.cell(cells.label(r), r),
                    List.of(Term.cell(cells.label(n), n), Term.cell(cells.label(d), d)), null, true));
        }
    }
}
