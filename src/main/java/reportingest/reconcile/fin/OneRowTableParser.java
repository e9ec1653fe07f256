package reportingest.reconcile.fin;

import reportingest.reconcile.CellValue;
import reportingest.reconcile.ExtractedTable;
import reportingest.reconcile.Flag;
import reportingest.reconcile.TableRow;
import reportingest.catalog.ColumnDef;
import reportingest.catalog.SchemaDef;
import reportingest.layout.BBox;
import reportingest.catalog.ToleranceDef;
import reportingest.tables.RawCell;
import reportingest.tables.RawRow;
import reportingest.tables.RawTable;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One-row tables (三公经费). The first row after the 栏次 row (or the first row with amounts) holds
 * the values. Documents nest 预算数/决算数 either outermost (预算数 × six, then 决算数 × six) or
 * innermost (each leaf split 预算数 | 决算数); the header tells which, and values are mapped
 * accordingly.
 */
public final class OneRowTableParser implements TableParser {

    @Override
    public ExtractedTable parseText(SchemaDef schema, RawTable raw) {
        List<RawRow> rows = raw.rows();
        int start = dataStart(rows);
        List<RawRow> header = rows.subList(0, Math.min(start, rows.size()));
        List<String> columns = schema.columnNames();
        List<Flag> tableFlags = new ArrayList<>();
        List<Flag> rowFlags = new ArrayList<>();
        Set<String> named = HeaderMatcher.columnsNamed(header, schema);
        if (named.size() < columns.size()) {
            List<String> missing = columns.stream().filter(c -> !named.contains(c)).toList();
            Flag f = Flag.of(Cells.HEADER_UNMATCHED, "header does not name " + missing + "; catalog column order assumed");
            tableFlags.add(f);
            rowFlags.add(f);
        }
        List<String> printedOrder = innermostOuterLevel(header, schema) ? interleaved(schema) : columns;
        RawRow data = null;
        for (RawRow r : rows.subList(Math.min(start, rows.size()), rows.size())) {
            if (HeaderMatcher.columnNumberRow(r) || HeaderMatcher.headerLike(r, schema)) continue;
            data = r;
            break;
        }
        List<TableRow> out = new ArrayList<>();
        Map<String, CellValue> byCatalog = new LinkedHashMap<>();
        int page = raw.pageFrom();
        if (data == null) {
            for (String c : columns) {
                byCatalog.put(c, Cells.missing(page, null, "table prints no value row"));
            }
        } else {
            // a header that does not name every column: the table's sums, not the catalog's order, say where its figures go
            boolean requiredUnnamed = schema.requiredColumnNames().stream().anyMatch(c -> !named.contains(c));
            SumPlacement.Placed placed = requiredUnnamed ? bySums(schema, List.of(), data) : null;
            if (placed != null) {
                byCatalog.putAll(bySums(columns, placed, data.cells().get(0)));
                tableFlags.clear();
                rowFlags.clear();
                Flag f = bySumsFlag("the header names none of " + columns.stream().filter(c -> !named.contains(c)).toList(), placed, columns.size());
                tableFlags.add(f);
                rowFlags.add(f);
            } else {
                List<RawCell> values = new ArrayList<>(data.cells());
                CodedTableParser.fit(values, columns.size(), rowFlags);
                RawCell anchor = data.cells().get(0);
                Map<String, CellValue> byPrinted = Cells.assign(printedOrder, values, anchor.page(), anchor.origin());
                for (String c : columns) byCatalog.put(c, byPrinted.get(c));
            }
        }
        out.add(Cells.row(Map.of(), byCatalog, rowFlags));
        return new ExtractedTable(schema.id(), raw.title(), raw.formNo(), columns, out, raw.context(), tableFlags,
                raw.pageFrom(), raw.pageTo());
    }

    /**
     * A ruled grid: every column placed by its header path (预算数/决算数 at whichever level they
     * are printed), the values read from the first row that prints numbers. A table without a
     * value row is empty on purpose only when its note says so; otherwise every cell is missing.
     */
    @Override
    public ExtractedTable parseGrid(SchemaDef schema, RawTable raw, Grid grid) {
        int start = grid.bodyStart(List.of());
        List<List<String>> paths = grid.paths(start, schema, List.of());
        List<Grid.Column> cols = new ArrayList<>();
        for (int c = 0; c < grid.width(); c++) cols.add(Grid.valueRole(c, paths.get(c), schema, schema.columns()));
        cols = Grid.byElimination(Grid.joinSplitHeaders(Grid.dropDuplicates(cols), schema.columns(),
                grid.rows().subList(start, grid.rows().size())), schema.columns());
        if (cols.stream().noneMatch(c -> c.role() == Grid.Role.VALUE)) return null;
        List<String> columns = Grid.presentColumns(cols, schema);
        List<Flag> tableFlags = new ArrayList<>(Grid.headerFlags(cols, schema.requiredColumnNames()));
        List<Flag> rowFlags = new ArrayList<>();
        RawRow data = null;
        for (int r = start; r < grid.rows().size(); r++) {
            RawRow row = grid.rows().get(r);
            if (HeaderMatcher.columnNumberRow(row) || HeaderMatcher.nonBlank(row).isEmpty()) continue;
            if (row.cells().stream().noneMatch(c -> Grid.numeric(c.text()) || AmountParser.parse(c.text()).guessed())) continue;
            if (data == null) data = row;
            else rowFlags.add(Flag.of(Cells.PARSE_AMBIGUOUS, "a second value row is printed: " + HeaderMatcher.nonBlank(row)));
        }
        SumPlacement.Placed placed = data == null || tableFlags.isEmpty() ? null : bySums(schema, cols, data);
        if (placed != null) {
            Flag f = bySumsFlag("the header does not name every column (" + tableFlags.stream().map(Flag::message).toList() + ")",
                    placed, schema.columnNames().size());
            Map<String, CellValue> cells = bySums(schema.columnNames(), placed, data.cells().get(0));
            return new ExtractedTable(schema.id(), raw.title(), raw.formNo(), schema.columnNames(),
                    List.of(Cells.row(Map.of(), cells, new ArrayList<>(List.of(f)))), raw.context(), List.of(f), raw.pageFrom(), raw.pageTo());
        }
        Map<String, CellValue> byCatalog = new LinkedHashMap<>();
        boolean emptyOnPurpose = data == null && Grid.emptyByNote(raw.context());
        for (String c : columns) {
            Grid.Column at = cols.stream().filter(x -> x.role() == Grid.Role.VALUE && c.equals(x.canonical())).findFirst().orElse(null);
            if (at == null) {
                byCatalog.put(c, Cells.missing(raw.pageFrom(), null, "the header names no column for " + c));
            } else if (data == null) {
                RawCell h = grid.cell(0, at.index());
                byCatalog.put(c, emptyOnPurpose
                        ? new CellValue(null, null, h.confidence(), List.of(), h.page(), null, h.origin(), null)
                        : Cells.missing(h.page(), h.origin(), "table prints no value row and no note that it is empty"));
            } else {
                byCatalog.put(c, Cells.value(data.cells().get(at.index())));
            }
        }
        if (data != null) rowFlags.addAll(Grid.strayValues(data, cols));
        List<TableRow> out = List.of(Cells.row(Map.of(), byCatalog, rowFlags));
        return new ExtractedTable(schema.id(), raw.title(), raw.formNo(), columns, out, raw.context(), tableFlags,
                raw.pageFrom(), raw.pageTo());
    }

    /**
     * The cells of a row placed by its sums: a column every placement that holds fills alike as read; another (a figure
     * the sums would also hold in the column beside it) flagged for review, with where it was placed and why.
     */
    private static Map<String, CellValue> bySums(List<String> columns, SumPlacement.Placed placed, RawCell anchor) {
        Map<String, CellValue> out = new LinkedHashMap<>();
        for (String c : columns) {
            RawCell rc = placed.cells().get(c);
            CellValue v = rc != null ? Cells.value(rc)
                    : new CellValue(null, "", anchor.confidence(), List.of(), anchor.page(), null, anchor.origin(), null);
            if (!placed.certain().contains(c)) {
                List<Flag> flags = new ArrayList<>(v.flags());
                flags.add(Flag.of(Cells.PARSE_AMBIGUOUS, (rc == null ? "left blank" : rc.text() + " placed here")
                        + " by the figures' positions: the header does not name this column, and the table's sums hold with a figure placed otherwise too"));
                v = new CellValue(v.value(), v.raw(), v.confidence(), flags, v.page(), v.bbox(), v.origin(), v.proposal());
            }
            out.put(c, v);
        }
        return out;
    }

    /** The provenance flag of a row placed by its sums: why the header could not place it, and how much is certain. */
    private static Flag bySumsFlag(String why, SumPlacement.Placed placed, int columns) {
        return Flag.of(Cells.COLUMNS_BY_SUMS, why + ": the figures are placed where the table's sums hold ("
                + placed.certain().size() + " of " + columns + " columns certain"
                + (placed.byPosition().isEmpty() ? "" : ", " + placed.byPosition().size() + " of them where the sums hold either way"
                + " by the figures' clear positions between the columns around them: " + placed.byPosition()) + ")");
    }

    /**
     * The value row's figures placed by the table's sums, a figure in a column the header names kept there; null when
     * none holds or a cell prints other than amounts.
     */
    private static SumPlacement.Placed bySums(SchemaDef schema, List<Grid.Column> cols, RawRow data) {
        List<RawCell> figures = new ArrayList<>();
        Map<Integer, String> fixed = new java.util.HashMap<>();
        for (int i = 0; i < data.cells().size(); i++) {
            RawCell c = data.cells().get(i);
            if (Labels.blank(c.text())) continue;
            List<RawCell> in = figures(c);
            if (in == null) return null;
            final int at = i;
            if (in.size() == 1) cols.stream().filter(x -> x.index() == at && x.role() == Grid.Role.VALUE).findFirst()
                    .ifPresent(x -> fixed.put(figures.size(), x.canonical()));
            figures.addAll(in);
        }
        return SumPlacement.place(printedOrders(schema), figures, fixed, schema.identities(), ToleranceDef.DEFAULT.perAmount());
    }

    /**
     * The amounts a cell prints: one, or several that OCR set in one cell (2.86 2.01, two columns apart by little), each
     * with its share of the cell's box by its place in the text; null when the cell prints anything but amounts.
     */
    static List<RawCell> figures(RawCell c) {
        String text = c.text().strip();
        AmountParser.Amount whole = AmountParser.parse(text);
        if (whole.value() != null) return whole.guessed() ? null : List.of(c);
        String[] tokens = text.split("[\\s\\u3000]+");
        List<RawCell> out = new ArrayList<>();
        int from = 0;
        for (String t : tokens) {
            AmountParser.Amount a = AmountParser.parse(t);
            if (a.value() == null || a.guessed()) return null;
            int at = text.indexOf(t, from);
            from = at + t.length();
            BBox b = c.bbox() == null ? null : new BBox(c.bbox().x() + c.bbox().width() * at / text.length(), c.bbox().y(),
                    c.bbox().width() * t.length() / text.length(), c.bbox().height());
            out.add(new RawCell(t, c.page(), b, c.confidence(), c.origin()));
        }
        return out;
    }

    /** The orders a header may print the columns in: the catalog's, and with 预算数/决算数 innermost where every column has one. */
    private static List<List<String>> printedOrders(SchemaDef schema) {
        List<String> columns = schema.columnNames();
        if (outerLevel(schema).size() < 2 || schema.columns().stream().anyMatch(c -> c.parents().isEmpty())) return List.of(columns);
        List<String> inner = interleaved(schema);
        return new java.util.HashSet<>(inner).equals(new java.util.HashSet<>(columns)) ? List.of(columns, inner) : List.of(columns);
    }

    /** The outer header level (预算数/决算数) printed more than once per label means it is the innermost level. */
    private static boolean innermostOuterLevel(List<RawRow> header, SchemaDef schema) {
        Set<String> outer = outerLevel(schema);
        if (outer.size() < 2) return false;
        for (String o : outer) {
            int count = 0;
            for (RawRow r : header) {
                for (RawCell c : r.cells()) if (Labels.key(c.text()).equals(Labels.key(o))) count++;
            }
            if (count < 2) return false;
        }
        return true;
    }

    private static Set<String> outerLevel(SchemaDef schema) {
        Set<String> outer = new LinkedHashSet<>();
        for (ColumnDef c : schema.columns()) if (!c.parents().isEmpty()) outer.add(c.parents().get(0));
        return outer;
    }

    /** Catalog columns in the order a leaf-major (outer level innermost) header prints them. */
    private static List<String> interleaved(SchemaDef schema) {
        List<String> outer = new ArrayList<>(outerLevel(schema));
        List<List<String>> perOuter = new ArrayList<>();
        for (String o : outer) {
            perOuter.add(schema.columns().stream().filter(c -> !c.parents().isEmpty() && c.parents().get(0).equals(o))
                    .map(ColumnDef::name).toList());
        }
        List<String> out = new ArrayList<>();
        int leaves = perOuter.get(0).size();
        for (int i = 0; i < leaves; i++) {
            for (List<String> g : perOuter) if (i < g.size()) out.add(g.get(i));
        }
        return out;
    }

    static int dataStart(List<RawRow> rows) {
        for (int i = 0; i < rows.size(); i++) {
            if (HeaderMatcher.columnNumberRow(rows.get(i))) return i + 1;
        }
        for (int i = 0; i < rows.size(); i++) {
            for (RawCell c : rows.get(i).cells()) {
                String t = c.text();
                if (!Labels.blank(t) && AmountParser.amountOrBlank(t) && Labels.key(t).contains(".")) return i;
            }
        }
        return rows.size();
    }
}
