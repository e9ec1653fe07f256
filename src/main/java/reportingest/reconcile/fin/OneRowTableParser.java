package reportingest.reconcile.fin;

import reportingest.reconcile.CellValue;
import reportingest.reconcile.ExtractedTable;
import reportingest.reconcile.Flag;
import reportingest.reconcile.TableRow;
import reportingest.catalog.ColumnDef;
import reportingest.catalog.SchemaDef;
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
            List<RawCell> values = new ArrayList<>(data.cells());
            CodedTableParser.fit(values, columns.size(), rowFlags);
            RawCell anchor = data.cells().get(0);
            Map<String, CellValue> byPrinted = Cells.assign(printedOrder, values, anchor.page(), anchor.origin());
            for (String c : columns) byCatalog.put(c, byPrinted.get(c));
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
