package reportingest.reconcile.fin;

import reportingest.layout.PageOrigin;
import reportingest.reconcile.CellValue;
import reportingest.reconcile.ExtractedTable;
import reportingest.reconcile.Flag;
import reportingest.reconcile.TableRow;
import reportingest.catalog.GroupDef;
import reportingest.catalog.SchemaDef;
import reportingest.tables.RawCell;
import reportingest.tables.RawRow;
import reportingest.tables.RawTable;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The basic-expenditure detail table: side-by-side column groups of (code, name, amount),
 * flattened left group first, then the next groups, then the footer totals (人员经费合计,
 * 公用经费合计). Cells are read as a stream of triplets so that an empty group (three blank cells),
 * a name wrapped over lines, or page debris inside a name cell does not shift the groups.
 * Text found where an amount is due is a continuation of the name; when it repeats the name's own
 * fragments it is debris, and the row is flagged.
 */
public final class GroupedTableParser implements TableParser {

    private static final class Triplet {
        final int slot;
        String code;
        final List<String> nameParts = new ArrayList<>();
        final List<String> extras = new ArrayList<>();
        boolean nameSeen;
        RawCell value;
        final List<Flag> flags = new ArrayList<>();
        RawCell anchor;

        Triplet(int slot) { this.slot = slot; }
    }

    private record Footer(String label, GroupDef group, RawCell value, RawCell anchor, List<Flag> flags) {}

    @Override
    public ExtractedTable parseText(SchemaDef schema, RawTable raw) {
        List<RawRow> rows = raw.rows();
        int start = dataStart(rows, schema);
        List<RawRow> header = rows.subList(0, start);
        int groups = groupCount(header, schema);
        String column = schema.columnNames().get(0);
        List<Flag> tableFlags = new ArrayList<>();
        if (HeaderMatcher.columnsNamed(header, schema).isEmpty()) {
            tableFlags.add(Flag.of(Cells.HEADER_UNMATCHED, "header does not name the amount column " + column));
        }
        List<Triplet> done = new ArrayList<>();
        List<Footer> footers = new ArrayList<>();
        Triplet pending = null;
        int slot = 0;
        for (RawRow r : rows.subList(start, rows.size())) {
            if (HeaderMatcher.columnNumberRow(r) || HeaderMatcher.headerLike(r, schema)) continue;
            if (readFooters(r, schema, footers)) {
                if (pending != null) { finish(pending, done, "amount missing before the totals row"); pending = null; }
                continue;
            }
            if (pending == null) slot = 0;
            List<RawCell> t = r.cells();
            int i = 0;
            while (i < t.size()) {
                RawCell c = t.get(i);
                String text = c.text();
                if (pending != null) {
                    if (!pending.nameSeen) {
                        pending.nameSeen = true;
                        if (!Labels.blank(text)) pending.nameParts.addAll(lines(text));
                    } else if (Labels.blank(text) || AmountParser.amountOrBlank(text)
                            && !startsTriplet(t, i, schema)) {
                        pending.value = c;
                        done.add(pending);
                        pending = null;
                        slot++;
                    } else if (startsTriplet(t, i, schema)) {
                        finish(pending, done, "no amount cell before the next code");
                        pending = null;
                        slot++;
                        continue;
                    } else {
                        pending.extras.addAll(lines(text));
                    }
                    i++;
                    continue;
                }
                CodeNameSplitter.CodeName cn = CodeNameSplitter.split(text, schema.codeLevels());
                if (cn != null) {
                    pending = new Triplet(slot);
                    pending.anchor = c;
                    pending.code = cn.code();
                    if (cn.name() != null) { pending.nameParts.add(cn.name()); pending.nameSeen = true; }
                    i++;
                } else if (Labels.blank(text)) {
                    // An empty group: up to three blank cells.
                    int j = i;
                    while (j < t.size() && j < i + 3 && Labels.blank(t.get(j).text())) j++;
                    i = j;
                    slot++;
                } else {
                    pending = new Triplet(slot);
                    pending.anchor = c;
                    pending.nameSeen = true;
                    pending.nameParts.addAll(lines(text));
                    pending.flags.add(Flag.of(Cells.PARSE_AMBIGUOUS, "name printed without an economic code"));
                    i++;
                }
            }
        }
        if (pending != null) finish(pending, done, "table ends before the amount cell");
        List<TableRow> out = new ArrayList<>();
        for (int s = 0; s < Math.max(groups, maxSlot(done) + 1); s++) {
            for (Triplet tr : done) if (tr.slot == s) out.add(toRow(tr, schema, column, groups));
        }
        for (Footer f : footers) {
            Map<String, CellValue> cells = new LinkedHashMap<>();
            List<Flag> flags = new ArrayList<>();
            cells.put(column, f.value() != null ? Cells.value(f.value())
                    : Cells.missing(f.anchor().page(), f.anchor().origin(), f.label() + " prints no amount"));
            flags.addAll(f.flags());
            out.add(Cells.row(Cells.key("code", null, "name", f.label(), "group", f.group().name()), cells, flags));
        }
        return new ExtractedTable(schema.id(), raw.title(), raw.formNo(), schema.columnNames(), out,
                raw.context(), tableFlags, raw.pageFrom(), raw.pageTo());
    }

    /**
     * A ruled grid: each column group (code part(s), name, amount) is read by position, a group
     * ending at its amount column. Null when the header places no amount column.
     */
    @Override
    public ExtractedTable parseGrid(SchemaDef schema, RawTable raw, Grid grid) {
        List<String> footerLabels = schema.groups().stream().map(GroupDef::totalLabel).filter(l -> l != null).toList();
        int start = grid.bodyStart(footerLabels);
        List<List<String>> paths = grid.paths(start, schema, footerLabels);
        String column = schema.columnNames().get(0);
        List<List<Grid.Column>> groups = new ArrayList<>();
        List<Grid.Column> current = new ArrayList<>();
        List<Grid.Column> all = new ArrayList<>();
        for (int c = 0; c < grid.width(); c++) {
            Grid.Column col = Grid.codedRole(c, paths.get(c), schema, schema.columns());
            all.add(col);
            current.add(col);
            if (col.role() == Grid.Role.VALUE) {
                groups.add(current);
                current = new ArrayList<>();
            }
        }
        if (groups.isEmpty()) return null;
        List<Flag> tableFlags = new ArrayList<>(Grid.headerFlags(all, List.of(column)));
        for (int g = 0; g < groups.size(); g++) {
            List<Grid.Column> grp = groups.get(g);
            if (grp.stream().noneMatch(Grid.Column::codePart) || CodedTableParser.find(grp, Grid.Role.NAME) == null) {
                tableFlags.add(Flag.of(Cells.HEADER_UNMATCHED, "column group " + (g + 1) + " has no code or no name column"));
            }
        }
        List<Triplet> done = new ArrayList<>();
        List<Footer> footers = new ArrayList<>();
        List<CodeReader> readers = new ArrayList<>();
        for (int g = 0; g < groups.size(); g++) readers.add(new CodeReader(schema.codeLevels()));
        for (int r = start; r < grid.rows().size(); r++) {
            RawRow row = grid.rows().get(r);
            if (HeaderMatcher.columnNumberRow(row)) continue;
            if (CodedTableParser.firstNonBlank(row.cells()) < 0) continue;
            if (r > start && HeaderMatcher.headerLike(row, schema)) continue;
            // Footer totals: each label, then the first amount before the next label (a merged
            // footer cell may put it under another group's amount column).
            if (readFooters(row, schema, footers)) continue;
            List<Flag> stray = Grid.strayValues(row, all);
            for (int g = 0; g < groups.size(); g++) {
                List<Grid.Column> grp = groups.get(g);
                Grid.Column valueCol = grp.get(grp.size() - 1);
                RawCell value = row.cells().get(valueCol.index());
                Grid.Column cls = CodedTableParser.find(grp, Grid.Role.CODE_CLASS), sec = CodedTableParser.find(grp, Grid.Role.CODE_SECTION),
                        item = CodedTableParser.find(grp, Grid.Role.CODE_ITEM), joined = CodedTableParser.find(grp, Grid.Role.CODE),
                        nameCol = CodedTableParser.find(grp, Grid.Role.NAME);
                CodeReader reader = readers.get(g);
                CodeReader.Read code = cls != null || sec != null || item != null
                        ? reader.split(cls == null ? null : grid.text(r, cls.index()), sec == null ? null : grid.text(r, sec.index()),
                                item == null ? null : grid.text(r, item.index()))
                        : joined == null ? CodeReader.Read.NONE : reader.joined(grid.text(r, joined.index()));
                String name = nameCol == null ? null : Labels.clean(grid.text(r, nameCol.index()));
                if (name == null) name = code.name();
                boolean noValue = Labels.blank(value.text());
                if (code.code() == null && name == null && noValue) continue; // an empty slot
                // stamp or speckle debris: no code, no Chinese in the name, no digit in the amount
                if (code.code() == null && LabelText.han(name).isEmpty() && !value.text().matches("(?s).*\\d.*")) continue;
                final int slot = g;
                if (code.code() == null && noValue && name != null) {
                    Triplet prev = null;
                    for (Triplet t : done) if (t.slot == slot) prev = t;
                    if (prev != null) { prev.nameParts.add(name); continue; } // a wrapped name
                }
                Triplet t = new Triplet(g);
                t.anchor = grp.stream().map(c -> row.cells().get(c.index())).filter(c -> !Labels.blank(c.text()))
                        .findFirst().orElse(value);
                t.code = code.code();
                t.nameSeen = true;
                if (name != null) t.nameParts.add(name);
                t.value = value;
                t.flags.addAll(stray);
                if (code.flag() != null) t.flags.add(code.flag());
                if (code.code() == null) {
                    t.flags.add(Flag.of(Cells.PARSE_AMBIGUOUS, name == null ? "amount printed without a code or name"
                            : "name printed without an economic code"));
                } else if (name == null) {
                    t.flags.add(Flag.of(Cells.COLUMN_MISSING, "code " + code.code() + " printed without a name"));
                }
                done.add(t);
            }
        }
        List<TableRow> out = new ArrayList<>();
        for (int s = 0; s <= maxSlot(done); s++) {
            for (Triplet tr : done) if (tr.slot == s) out.add(toRow(tr, schema, column, groups.size()));
        }
        for (Footer f : footers) {
            Map<String, CellValue> cells = new LinkedHashMap<>();
            cells.put(column, f.value() != null ? Cells.value(f.value())
                    : new CellValue(null, null, f.anchor().confidence(), List.of(), f.anchor().page(), null, f.anchor().origin(), null));
            out.add(Cells.row(Cells.key("code", null, "name", f.label(), "group", f.group().name()), cells, f.flags()));
        }
        return new ExtractedTable(schema.id(), raw.title(), raw.formNo(), schema.columnNames(), out,
                raw.context(), tableFlags, raw.pageFrom(), raw.pageTo());
    }

    /** A code-length integer is a code, not an amount, when a name follows it. */
    private static boolean startsTriplet(List<RawCell> t, int i, SchemaDef schema) {
        CodeNameSplitter.CodeName cn = CodeNameSplitter.split(t.get(i).text(), schema.codeLevels());
        if (cn == null) return false;
        if (cn.name() != null) return true;
        if (i + 1 >= t.size()) return false;
        String next = t.get(i + 1).text();
        return !Labels.blank(next) && !AmountParser.amountOrBlank(next);
    }

    private static int maxSlot(List<Triplet> done) {
        return done.stream().mapToInt(t -> t.slot).max().orElse(-1);
    }

    private static void finish(Triplet t, List<Triplet> done, String why) {
        t.flags.add(Flag.of(Cells.COLUMN_MISSING, why));
        done.add(t);
    }

    private static List<String> lines(String text) {
        List<String> out = new ArrayList<>();
        for (String l : text.split("\n")) {
            String c = Labels.clean(l);
            if (c != null) out.add(c);
        }
        return out;
    }

    private static TableRow toRow(Triplet t, SchemaDef schema, String column, int groups) {
        List<Flag> flags = new ArrayList<>(t.flags);
        List<String> parts = new ArrayList<>(t.nameParts);
        String name;
        boolean debris = t.extras.stream().anyMatch(parts::contains)
                || parts.stream().distinct().count() < parts.size();
        if (debris) {
            name = parts.isEmpty() ? null : parts.get(0);
            flags.add(Flag.of(Cells.PARSE_AMBIGUOUS, "name cell holds repeated fragments " + t.extras
                    + "; taken as page debris, name read as " + name));
        } else {
            parts.addAll(t.extras);
            name = parts.isEmpty() ? null : String.join("", parts);
        }
        Map<String, CellValue> cells = new LinkedHashMap<>();
        cells.put(column, t.value != null ? Cells.value(t.value)
                : Cells.missing(t.anchor.page(), t.anchor.origin(), "no amount cell for " + t.code));
        return Cells.row(Cells.key("code", t.code, "name", name, "group", group(t, schema, groups).name()), cells, flags);
    }

    /** By the code's 3-digit head when the catalog knows it, else by the printed column group. */
    private static GroupDef group(Triplet t, SchemaDef schema, int groups) {
        if (t.code != null && t.code.length() >= 3) {
            String head = t.code.substring(0, 3);
            for (GroupDef g : schema.groups()) if (g.codePrefixes().contains(head)) return g;
        }
        int wanted = t.slot == 0 ? 0 : 1;
        for (GroupDef g : schema.groups()) {
            if (g.defaultForColumnGroup() != null && g.defaultForColumnGroup() == wanted) return g;
        }
        return schema.groups().get(0);
    }

    /**
     * Footer totals: each label followed by the first amount before the next label. On a row that
     * prints one group's total label, a single unreadable text cell with an amount after it is the
     * one other total label the schema has (an OCR-garbled label), flagged for review.
     */
    private static boolean readFooters(RawRow r, SchemaDef schema, List<Footer> footers) {
        List<RawCell> t = r.cells();
        List<Integer> at = new ArrayList<>();
        List<GroupDef> which = new ArrayList<>();
        List<Boolean> slipped = new ArrayList<>();
        for (int i = 0; i < t.size(); i++) {
            String k = Labels.key(t.get(i).text());
            GroupDef near = null;
            int nearCount = 0;
            for (GroupDef g : schema.groups()) {
                if (g.totalLabel() == null) continue;
                if (Labels.key(g.totalLabel()).equals(k)) { at.add(i); which.add(g); slipped.add(false); near = null; nearCount = -1; break; }
                if (recognised(t.get(i)) && withinSlip(t.get(i).text(), g.totalLabel())) { near = g; nearCount++; }
            }
            // an OCR'd total label with a slip (人员经经费合计): the one total label it is near
            if (nearCount == 1) { at.add(i); which.add(near); slipped.add(true); }
        }
        if (at.isEmpty()) return false;
        List<GroupDef> unprinted = schema.groups().stream().filter(g -> g.totalLabel() != null && !which.contains(g)).toList();
        Flag inferred = null;
        if (unprinted.size() == 1) {
            List<Integer> unreadable = new ArrayList<>();
            for (int i = at.get(at.size() - 1) + 1; i < t.size(); i++) {
                String text = t.get(i).text();
                if (!Labels.blank(text) && !AmountParser.amountOrBlank(text) && !text.matches("(?s).*\\d.*")) unreadable.add(i);
            }
            boolean amountAfter = !unreadable.isEmpty() && t.subList(unreadable.get(0) + 1, t.size()).stream()
                    .anyMatch(c -> !Labels.blank(c.text()));
            if (unreadable.size() == 1 && amountAfter) {
                String label = unprinted.get(0).totalLabel();
                at.add(unreadable.get(0));
                which.add(unprinted.get(0));
                inferred = Flag.of(Cells.LABEL_REPAIRED, "printed '" + t.get(unreadable.get(0)).text().strip()
                        + "' is unreadable; the other total beside " + which.get(0).totalLabel() + " is " + label);
            }
        }
        for (int n = 0; n < at.size(); n++) {
            int end = n + 1 < at.size() ? at.get(n + 1) : t.size();
            RawCell value = null;
            for (int i = at.get(n) + 1; i < end; i++) {
                if (!Labels.blank(t.get(i).text())) { value = t.get(i); break; }
            }
            boolean guessed = inferred != null && n == at.size() - 1;
            boolean slip = n < slipped.size() && slipped.get(n);
            String printed = Labels.clean(t.get(at.get(n)).text());
            String label = guessed || slip ? which.get(n).totalLabel() : printed;
            List<Flag> flags = guessed ? List.of(inferred) : slip ? List.of(Flag.of(Cells.LABEL_RECONCILED, "printed '" + printed
                    + "' read as the form's total line '" + label + "'")) : List.of();
            footers.add(new Footer(label, which.get(n), value, t.get(at.get(n)), flags));
        }
        return true;
    }

    private static boolean recognised(RawCell c) {
        return c.origin() == PageOrigin.OCR || c.origin() == PageOrigin.OCR_TEXT;
    }

    /** The printed text's Chinese characters within the OCR budget of the label's (one slip in six or more). */
    private static boolean withinSlip(String printed, String label) {
        String p = LabelText.han(printed), l = LabelText.han(label);
        if (p.isEmpty() || l.isEmpty()) return false;
        int limit = LabelText.freeBudget(l.length());
        return limit > 0 && LabelText.distance(p, l, limit) <= limit;
    }

    private static int groupCount(List<RawRow> header, SchemaDef schema) {
        int best = 0;
        String alias = schema.groupHeaderAlias() == null ? null : Labels.key(schema.groupHeaderAlias());
        for (RawRow r : header) {
            int n = 0;
            for (RawCell c : r.cells()) if (alias != null && Labels.key(c.text()).equals(alias)) n++;
            best = Math.max(best, n);
        }
        if (best > 0) return best;
        return schema.defaultGroupCount() == null ? 1 : schema.defaultGroupCount();
    }

    static int dataStart(List<RawRow> rows, SchemaDef schema) {
        for (int i = 0; i < rows.size(); i++) {
            RawRow r = rows.get(i);
            if (HeaderMatcher.columnNumberRow(r)) return i + 1;
            int f = CodedTableParser.firstNonBlank(r.cells());
            if (f >= 0 && CodeNameSplitter.isCode(r.cells().get(f).text(), schema.codeLevels())) return i;
        }
        return rows.size();
    }
}
