package reportingest.validate;

import reportingest.reconcile.ExtractedTable;
import reportingest.reconcile.TableRow;
import reportingest.catalog.CellSelector;
import reportingest.catalog.ConditionDef;
import reportingest.catalog.CrossIdentityDef;
import reportingest.catalog.LabelCatalog;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The checks that the catalog's cross-table identities imply on one document. */
final class CrossTableIdentities {
    static final String CROSS_TABLE_MISMATCH = "CROSS_TABLE_MISMATCH";

    private CrossTableIdentities() {}

    static List<Check> of(List<CrossIdentityDef> defs, DocumentCells cells, LabelCatalog labels) {
        List<Check> out = new ArrayList<>();
        Integer fy = cells.document().fiscalYear();
        for (CrossIdentityDef d : defs) {
            if (d.when() != null && !holds(d.when(), cells, fy)) continue;
            String desc = "cross-table " + d.id();
            switch (d.kind()) {
                case "equal", "at_least" -> {
                    if (d.right().isEmpty()) continue;
                    CellRef a = cells.one(d.left(), fy), b = cells.one(d.right().get(0), fy);
                    if (a == null || b == null) continue;
                    out.add(new Check("cross/" + d.id(), CROSS_TABLE_MISMATCH,
                            d.kind().equals("equal") ? Check.Kind.EQUAL : Check.Kind.AT_LEAST, Check.Source.CROSS, desc,
                            Term.cell(cells.qualifiedLabel(a), a), List.of(Term.cell(cells.qualifiedLabel(b), b)), d.tolerance(), true));
                }
                case "sum" -> {
                    CellRef a = cells.one(d.left(), fy);
                    if (a == null) continue;
                    List<Term> terms = new ArrayList<>();
                    for (CellSelector s : d.right()) {
                        CellRef r = cells.one(s, fy);
                        if (r == null) { terms = null; break; }
                        terms.add(Term.cell(cells.qualifiedLabel(r), r));
                    }
                    if (terms == null) continue;
                    out.add(new Check("cross/" + d.id(), CROSS_TABLE_MISMATCH, Check.Kind.SUM, Check.Source.CROSS, desc,
                            Term.cell(cells.qualifiedLabel(a), a), terms, d.tolerance(), true));
                }
                case "lines_match_classes" -> linesMatchClasses(d, cells, fy, desc, labels, out);
                case "rows_by_code" -> rowsByCode(d, cells, desc, out);
                default -> { }
            }
        }
        return out;
    }

    private static boolean holds(ConditionDef when, DocumentCells cells, Integer fy) {
        for (CellSelector s : when.blank()) {
            if (cells.table(s.schema()) < 0) return false;
            for (CellRef r : cells.select(s, fy)) if (!Amounts.blankOrZero(cells.value(r))) return false;
        }
        for (List<CellSelector> pair : when.equal()) {
            CellRef a = cells.one(pair.get(0), fy), b = cells.one(pair.get(1), fy);
            if (a == null || b == null) return false;
            BigDecimal x = Amounts.parse(cells.value(a)), y = Amounts.parse(cells.value(b));
            if (x == null || y == null || x.compareTo(y) != 0) return false;
        }
        return true;
    }

    private static String className(String s) {
        String k = DocumentCells.key(s);
        return k.endsWith("支出") ? k.substring(0, k.length() - 2) : k;
    }

    /**
     * Each function line of one table = the 类 row of that name in another. A 类 row answers to the name it
     * prints and to every name the catalog knows for its code: a summary may still print a 类 under its former
     * name (210 医疗卫生与计划生育支出, renamed 卫生健康支出 in 2018) where the coded table prints the new one.
     */
    private static void linesMatchClasses(CrossIdentityDef d, DocumentCells cells, Integer fy, String desc, LabelCatalog labels,
                                          List<Check> out) {
        int lt = cells.table(d.lines().schema()), rt = cells.table(d.rows().schema());
        if (lt < 0 || rt < 0) return;
        Map<String, CellRef> classes = new LinkedHashMap<>();
        Map<String, String> printedName = new LinkedHashMap<>();
        for (CellRef r : cells.select(d.rows(), fy)) {
            String printed = DocumentCells.key(DocumentCells.name(row(cells, r)));
            classes.putIfAbsent(printed, r);
            printedName.putIfAbsent(printed, printed);
        }
        Map<String, CellRef> byPrinted = new LinkedHashMap<>(classes);
        for (Map.Entry<String, CellRef> e : byPrinted.entrySet()) {
            String code = DocumentCells.code(row(cells, e.getValue()));
            for (String other : labels.names("function", code)) {
                String k = DocumentCells.key(other);
                if (classes.putIfAbsent(k, e.getValue()) == null) printedName.put(k, e.getKey());
            }
        }
        ExtractedTable lines = cells.document().tables().get(lt);
        List<String> seen = new ArrayList<>();
        for (int i = 0; i < lines.rows().size(); i++) {
            TableRow r = lines.rows().get(i);
            if (d.lines().side() != null && !d.lines().side().equals(r.key().get("side"))) continue;
            if (!r.cells().containsKey(d.lines().column())) continue;
            String item = DocumentCells.key(r.key().get("item"));
            if (item.isEmpty()) continue;
            CellRef line = new CellRef(lt, i, d.lines().column());
            CellRef cls = classes.get(item);
            if (cls != null) {
                seen.add(printedName.get(item));
                out.add(new Check("cross/" + d.id() + "/" + item, CROSS_TABLE_MISMATCH, Check.Kind.EQUAL, Check.Source.CROSS,
                        desc, Term.cell(cells.qualifiedLabel(line), line), List.of(Term.cell(cells.qualifiedLabel(cls), cls)), d.tolerance(), true));
            } else if (!item.contains("合计") && !item.contains("总计") && !item.contains("结转") && !item.contains("结余")) {
                // a function line with money but no 类 row: the classes table lacks what the summary prints
                out.add(new Check("cross/" + d.id() + "/" + item, CROSS_TABLE_MISMATCH, Check.Kind.EQUAL, Check.Source.CROSS,
                        desc + " (no 类 row named " + item + " in " + d.rows().schema() + ")",
                        Term.cell(cells.qualifiedLabel(line), line), List.of(Term.figure(d.rows().schema(), null)), d.tolerance(), true));
            }
        }
        for (Map.Entry<String, CellRef> e : byPrinted.entrySet()) {
            if (seen.contains(e.getKey())) continue;
            out.add(new Check("cross/" + d.id() + "/" + e.getKey(), CROSS_TABLE_MISMATCH, Check.Kind.EQUAL, Check.Source.CROSS,
                    desc + " (no line named " + e.getKey() + " in " + d.lines().schema() + ")",
                    Term.cell(cells.qualifiedLabel(e.getValue()), e.getValue()), List.of(Term.figure(d.lines().schema(), null)), d.tolerance(), true));
        }
    }

    private static TableRow row(DocumentCells cells, CellRef r) {
        return cells.document().tables().get(r.table()).rows().get(r.row());
    }

    private static void rowsByCode(CrossIdentityDef d, DocumentCells cells, String desc, List<Check> out) {
        if (d.right().isEmpty()) return;
        int lt = cells.table(d.left().schema()), rt = cells.table(d.right().get(0).schema());
        if (lt < 0 || rt < 0) return;
        List<List<String>> pairs = d.columns().isEmpty() ? List.of(List.of(d.left().column(), d.right().get(0).column())) : d.columns();
        ExtractedTable a = cells.document().tables().get(lt), b = cells.document().tables().get(rt);
        Map<String, Integer> bCodes = new LinkedHashMap<>();
        for (int i = 0; i < b.rows().size(); i++) {
            String c = DocumentCells.code(b.rows().get(i));
            if (c != null) bCodes.putIfAbsent(c, i);
        }
        for (int i = 0; i < a.rows().size(); i++) {
            String c = DocumentCells.code(a.rows().get(i));
            if (c == null || !bCodes.containsKey(c)) continue;
            for (List<String> p : pairs) {
                CellRef x = new CellRef(lt, i, p.get(0)), y = new CellRef(rt, bCodes.get(c), p.get(1));
                if (cells.cell(x) == null || cells.cell(y) == null) continue;
                out.add(new Check("cross/" + d.id() + "/" + c + "/" + p.get(0), CROSS_TABLE_MISMATCH, Check.Kind.EQUAL,
                        Check.Source.CROSS, desc, Term.cell(cells.qualifiedLabel(x), x), List.of(Term.cell(cells.qualifiedLabel(y), y)),
                        d.tolerance(), true));
            }
        }
    }
}
