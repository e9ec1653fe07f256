package reportingest.reconcile.fin;

import reportingest.layout.PageOrigin;
import reportingest.reconcile.CellValue;
import reportingest.reconcile.ExtractedTable;
import reportingest.reconcile.Flag;
import reportingest.reconcile.TableRow;
import reportingest.catalog.SchemaDef;
import reportingest.tables.RawCell;
import reportingest.tables.RawRow;
import reportingest.tables.RawTable;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Tables keyed by 科目编码 / 科目名称 (收入决算表, 支出决算表, 一般公共预算…支出决算表, 政府性基金, 国有资本经营).
 * Each data row is [code][name] values…, the code possibly fused with the name or split over
 * 类/款/项 cells; a total row prints its label over the code and name columns, with or without an
 * empty cell for the name. Rows with nothing printed are the empty grid and are dropped.
 */
public final class CodedTableParser implements TableParser {

    private static final class Builder {
        String code;
        /** A 类 printed with a character unreadable (21?), for the rows under it to tell. */
        String partlyRead;
        String name;
        Map<String, CellValue> cells;
        final List<Flag> flags = new ArrayList<>();
    }

    @Override
    public ExtractedTable parseText(SchemaDef schema, RawTable raw) {
        List<RawRow> rows = raw.rows();
        int start = dataStart(rows, schema);
        List<RawRow> header = rows.subList(0, start);
        List<Flag> tableFlags = new ArrayList<>();
        Set<String> named = HeaderMatcher.columnsNamed(header, schema);
        List<Flag> rowFlags = new ArrayList<>();
        if (named.size() < schema.columns().size()) {
            List<String> missing = schema.columnNames().stream().filter(c -> !named.contains(c)).toList();
            Flag f = Flag.of(Cells.HEADER_UNMATCHED, "header does not name " + missing + "; catalog column order assumed");
            tableFlags.add(f);
            rowFlags.add(f);
        }
        List<String> order = HeaderMatcher.columnOrder(header, schema);
        boolean splitCodes = header.stream().anyMatch(r -> HeaderMatcher.nonBlank(r).stream()
                .anyMatch(t -> Labels.key(t).equals("款")));
        int n = order.size();
        List<Builder> out = new ArrayList<>();
        for (RawRow r : rows.subList(start, rows.size())) {
            List<RawCell> cells = r.cells();
            int f = firstNonBlank(cells);
            if (f < 0) continue;
            // A header repeated on a continuation page; a total row with blank values is not one.
            boolean total = isTotal(cells.get(f).text(), schema);
            if (HeaderMatcher.columnNumberRow(r) || (!total && HeaderMatcher.headerLike(r, schema))) continue;
            Builder b = new Builder();
            b.flags.addAll(rowFlags);
            String first = cells.get(f).text();
            CodeNameSplitter.CodeName cn = CodeNameSplitter.split(first, schema.codeLevels());
            List<RawCell> values;
            if (cn != null || (splitCodes && CodeNameSplitter.split(first, List.of(3)) != null)) {
                if (cn == null) cn = CodeNameSplitter.split(first, List.of(3));
                StringBuilder code = new StringBuilder(cn.code());
                int j = f + 1;
                if (splitCodes && cn.name() == null) {
                    while (j < cells.size() && Labels.key(cells.get(j).text()).matches("\\d{2}")) {
                        code.append(Labels.key(cells.get(j).text()));
                        j++;
                    }
                }
                b.code = code.toString();
                if (cn.name() != null) {
                    b.name = cn.name();
                } else if (j < cells.size()) {
                    b.name = Labels.clean(cells.get(j).text());
                    j++;
                }
                values = new ArrayList<>(cells.subList(Math.min(j, cells.size()), cells.size()));
                // A fused code+name leaves the printed name column empty.
                if (cn.name() != null && values.size() > n && Labels.blank(values.get(0).text())) values.remove(0);
            } else if (isTotal(first, schema)) {
                b.name = Labels.clean(first);
                values = new ArrayList<>(cells.subList(f + 1, cells.size()));
                // The total label spans code and name; an empty name cell may still be printed.
                if (values.size() > n && Labels.blank(values.get(0).text())) values.remove(0);
            } else if (AmountParser.amountOrBlank(first)) {
                b.flags.add(Flag.of(Cells.PARSE_AMBIGUOUS, "row prints values but no code or name"));
                values = new ArrayList<>(cells.subList(f, cells.size()));
            } else {
                List<RawCell> rest = cells.subList(f + 1, cells.size());
                if (rest.stream().allMatch(c -> Labels.blank(c.text())) && !out.isEmpty()) {
                    // A name wrapped onto a line of its own belongs to the row above.
                    Builder prev = out.get(out.size() - 1);
                    prev.name = (prev.name == null ? "" : prev.name) + Labels.clean(first);
                    continue;
                }
                b.name = Labels.clean(first);
                b.flags.add(Flag.of(Cells.PARSE_AMBIGUOUS, "row has a name but no subject code"));
                values = new ArrayList<>(rest);
            }
            fit(values, n, b.flags);
            PageOrigin origin = cells.get(f).origin();
            Map<String, CellValue> byPrinted = Cells.assign(order, values, cells.get(f).page(), origin);
            Map<String, CellValue> byCatalog = new LinkedHashMap<>();
            for (String c : schema.columnNames()) byCatalog.put(c, byPrinted.get(c));
            b.cells = byCatalog;
            boolean nothing = b.code == null && b.name == null
                    && byCatalog.values().stream().allMatch(v -> v.value() == null);
            if (!nothing) out.add(b);
        }
        List<TableRow> result = new ArrayList<>();
        for (Builder b : out) result.add(Cells.row(Cells.key("code", b.code, "name", b.name), b.cells, b.flags));
        return new ExtractedTable(schema.id(), raw.title(), raw.formNo(), schema.columnNames(), result,
                raw.context(), tableFlags, raw.pageFrom(), raw.pageTo());
    }

    /**
     * A 类 printed with one character unreadable (21?) is the 类 the next coded row starts with when that fits (212 under
     * 21201): flagged as a code read from damaged parts, which the row's own printed name may vouch for later
     * ({@link RowLabelReconciler}); otherwise the row keeps no code and says why.
     */
    private static void codesTheRowsUnderTell(List<Builder> rows) {
        for (int i = 0; i < rows.size(); i++) {
            Builder b = rows.get(i);
            if (b.partlyRead == null) continue;
            String next = null;
            for (int j = i + 1; j < rows.size() && next == null; j++) next = rows.get(j).code;
            String printed = b.partlyRead, pattern = printed.replaceAll("\\D", ".");
            if (next != null && next.length() > pattern.length() && next.substring(0, pattern.length()).matches(pattern)) {
                b.code = next.substring(0, pattern.length());
                b.flags.add(Flag.of(Cells.LABEL_REPAIRED, CodeReader.CONFUSED_PARTS + "'" + printed + "' read as " + b.code
                        + " (a character unreadable; the rows under it are " + b.code + "'s)"));
            } else {
                b.flags.add(Flag.of(Cells.PARSE_AMBIGUOUS, "code printed '" + printed + "' with a character unreadable; the rows under it do not tell it"));
            }
        }
    }

    /**
     * A ruled grid read by position: code from the code column(s), name from the name column, each
     * value from the column its header names. Null when the header places no value column (the
     * table is then read as printed text).
     */
    @Override
    public ExtractedTable parseGrid(SchemaDef schema, RawTable raw, Grid grid) {
        int start = grid.bodyStart(schema.totalLabels());
        List<List<String>> paths = grid.paths(start, schema, schema.totalLabels());
        List<Grid.Column> cols = new ArrayList<>();
        for (int c = 0; c < grid.width(); c++) cols.add(Grid.codedRole(c, paths.get(c), schema, schema.columns()));
        List<RawRow> body = grid.rows().subList(start, grid.rows().size());
        cols = Grid.byElimination(Grid.joinSplitHeaders(Grid.classBeforeSectionAndItem(Grid.sectionBetweenClassAndItem(Grid.labelRolesFromContent(Grid.dropDuplicates(cols), body), body), body),
                schema.columns(), body),
                schema.columns());
        if (cols.stream().noneMatch(c -> c.role() == Grid.Role.VALUE)) return null;
        List<Flag> tableFlags = Grid.headerFlags(cols, schema.requiredColumnNames());
        List<String> present = Grid.presentColumns(cols, schema);
        final List<Grid.Column> placed = cols;
        Set<String> unprinted = present.stream().filter(c -> placed.stream().noneMatch(x -> x.role() == Grid.Role.VALUE && c.equals(x.canonical())))
                .filter(c -> Grid.nothingPrintedInItsPlace(placed, schema.columns(), c, body)).collect(java.util.stream.Collectors.toSet());
        Grid.Column cls = find(cols, Grid.Role.CODE_CLASS), sec = find(cols, Grid.Role.CODE_SECTION),
                item = find(cols, Grid.Role.CODE_ITEM), joined = find(cols, Grid.Role.CODE), nameCol = find(cols, Grid.Role.NAME);
        boolean split = cls != null || sec != null || item != null;
        List<Grid.Column> labelCols = cols.stream().filter(c -> c.codePart() || c.role() == Grid.Role.NAME).toList();
        CodeReader codes = new CodeReader(schema.codeLevels());
        List<Builder> out = new ArrayList<>();
        for (int ri = start; ri < grid.rows().size(); ri++) {
            final int r = ri;
            RawRow row = grid.rows().get(r);
            if (HeaderMatcher.columnNumberRow(row)) continue;
            int f = firstNonBlank(row.cells());
            if (f < 0) continue;
            boolean total = labelCols.stream().anyMatch(c -> isTotal(grid.text(r, c.index()), schema));
            if (!total && r > start && HeaderMatcher.headerLike(row, schema)) continue; // a repeated header
            Builder b = new Builder();
            b.flags.addAll(Grid.strayValues(row, cols));
            CodeReader.Read code = split
                    ? codes.split(cls == null ? null : grid.text(r, cls.index()), sec == null ? null : grid.text(r, sec.index()),
                            item == null ? null : grid.text(r, item.index()))
                    : joined == null ? CodeReader.Read.NONE : codes.joined(grid.text(r, joined.index()));
            String name = nameCol == null ? null : Labels.clean(grid.text(r, nameCol.index()));
            if (code.flag() != null) b.flags.add(code.flag());
            boolean anyValue = false;
            Map<String, CellValue> cells = new LinkedHashMap<>();
            for (String c : present) {
                Grid.Column at = cols.stream().filter(x -> x.role() == Grid.Role.VALUE && c.equals(x.canonical())).findFirst().orElse(null);
                if (at == null) {
                    RawCell first = row.cells().get(f);
                    // nothing printed in its place: a blank, the header's loss flagged on the table
                    cells.put(c, unprinted.contains(c) ? new CellValue(null, "", first.confidence(), List.of(), first.page(), null, first.origin(), null)
                            : Cells.missing(first.page(), first.origin(), "the header names no column for " + c));
                    continue;
                }
                RawCell rc = row.cells().get(at.index());
                if (r == start && !Labels.blank(rc.text()) && !Grid.numeric(rc.text()) && HeaderMatcher.isHeaderWord(rc.text(), schema)) {
                    // header text sharing the grid row with the first body row
                    rc = new RawCell("", rc.page(), rc.bbox(), rc.confidence(), rc.origin());
                }
                anyValue |= !Labels.blank(rc.text());
                cells.put(c, Cells.value(rc));
            }
            if (code.code() != null) {
                b.code = code.code();
                b.name = name != null ? name : code.name();
                if (b.name == null) b.flags.add(Flag.of(Cells.COLUMN_MISSING, "code " + b.code + " printed without a name"));
            } else if (total) {
                for (Grid.Column c : labelCols) {
                    if (isTotal(grid.text(r, c.index()), schema)) { b.name = Labels.clean(grid.text(r, c.index())); break; }
                }
            } else if (!anyValue && name != null && !out.isEmpty()) {
                // A name wrapped onto a grid row of its own belongs to the row above.
                Builder prev = out.get(out.size() - 1);
                prev.name = (prev.name == null ? "" : prev.name) + name;
                continue;
            } else if (name == null && (!anyValue || headerDebris(cells.values(), schema))) {
                continue; // header debris (本年文出 of a repeated header, no digit in it) or an empty ruled row
            } else if (code.partlyRead() != null) {
                b.name = name;
                b.partlyRead = code.partlyRead();
            } else {
                b.name = name;
                b.flags.add(Flag.of(Cells.PARSE_AMBIGUOUS, name == null ? "row prints values but no code or name"
                        : "row has a name but no subject code"));
            }
            b.cells = cells;
            out.add(b);
        }
        codesTheRowsUnderTell(out);
        List<TableRow> result = new ArrayList<>();
        for (Builder b : out) result.add(Cells.row(Cells.key("code", b.code, "name", b.name), b.cells, b.flags));
        return new ExtractedTable(schema.id(), raw.title(), raw.formNo(), present, result,
                raw.context(), tableFlags, raw.pageFrom(), raw.pageTo());
    }

    static Grid.Column find(List<Grid.Column> cols, Grid.Role role) {
        return cols.stream().filter(c -> c.role() == role).findFirst().orElse(null);
    }

    /** Drops surplus empty cells (layout columns, trailing tabs); a surplus of printed cells is a guess. */
    static void fit(List<RawCell> values, int n, List<Flag> flags) {
        while (values.size() > n && Labels.blank(values.get(values.size() - 1).text())) values.remove(values.size() - 1);
        while (values.size() > n && Labels.blank(values.get(0).text())) values.remove(0);
        if (values.size() > n) {
            flags.add(Flag.of(Cells.PARSE_AMBIGUOUS, "row prints " + values.size() + " values for " + n + " columns; extra cells dropped"));
            values.subList(n, values.size()).clear();
        }
    }

    static int dataStart(List<RawRow> rows, SchemaDef schema) {
        for (int i = 0; i < rows.size(); i++) {
            RawRow r = rows.get(i);
            if (HeaderMatcher.columnNumberRow(r)) return i + 1;
            int f = firstNonBlank(r.cells());
            if (f < 0) continue;
            String first = r.cells().get(f).text();
            if (CodeNameSplitter.isCode(first, schema.codeLevels()) || isTotal(first, schema)) return i;
        }
        return rows.size();
    }

    static boolean isTotal(String text, SchemaDef schema) {
        String k = Labels.key(text);
        return schema.totalLabels().stream().anyMatch(t -> Labels.key(t).equals(k));
    }

    static int firstNonBlank(List<RawCell> cells) {
        for (int i = 0; i < cells.size(); i++) if (!Labels.blank(cells.get(i).text())) return i;
        return -1;
    }

    /** Cells whose print is all header words OCR read (本年文出 for 本年支出), not one digit among them: no amount is lost. */
    private static boolean headerDebris(Collection<CellValue> cells, SchemaDef schema) {
        List<String> printed = cells.stream().map(CellValue::raw).filter(t -> t != null && !Labels.blank(t)).toList();
        return !printed.isEmpty() && printed.stream().allMatch(t -> t.chars().noneMatch(Character::isDigit) && HeaderMatcher.nearHeaderWord(t, schema));
    }
}
