package reportingest.reconcile.fin;

import reportingest.reconcile.CellValue;
import reportingest.reconcile.ExtractedTable;
import reportingest.reconcile.Flag;
import reportingest.reconcile.TableRow;
import reportingest.catalog.ColumnDef;
import reportingest.catalog.SchemaDef;
import reportingest.catalog.SideDef;
import reportingest.tables.RawCell;
import reportingest.tables.RawRow;
import reportingest.tables.RawTable;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Two-sided summary tables (收入 ‖ 支出). With 行次 printed, each side of a line is read as
 * [label] line-number values…, so blank labels, gap columns and blank value cells need no fixed
 * positions; without 行次 the sides are read by position. Every printed line is kept, blank labels
 * as item null; all 收入 lines come first, then 支出.
 */
public final class TwoSidedTableParser implements TableParser {

    /**
     * One line of a side. {@code group}: the text of the left of two label columns (a group of lines, see
     * {@link LabelGroups}); {@code leftOnly}: the line's label is printed there alone (收入总计 across both).
     */
    private record SideRow(String side, String item, String group, boolean leftOnly, Integer lineNo,
                           Map<String, CellValue> cells, List<Flag> flags) {
        SideRow(String side, String item, Integer lineNo, Map<String, CellValue> cells, List<Flag> flags) {
            this(side, item, null, false, lineNo, cells, flags);
        }

        SideRow withItem(String item) { return new SideRow(side, item, group, leftOnly, lineNo, cells, flags); }

        SideRow withGroup(String group) { return new SideRow(side, item, group, false, lineNo, cells, flags); }
    }

    @Override
    public ExtractedTable parseText(SchemaDef schema, RawTable raw) {
        List<RawRow> rows = raw.rows();
        int start = dataStart(rows, schema);
        List<RawRow> header = rows.subList(0, start);
        List<Flag> tableFlags = new ArrayList<>();
        List<Flag> rowFlags = new ArrayList<>();
        Set<String> named = HeaderMatcher.columnsNamed(header, schema);
        if (named.size() < schema.columns().size()) {
            List<String> missing = schema.columnNames().stream().filter(c -> !named.contains(c)).toList();
            Flag f = Flag.of(Cells.HEADER_UNMATCHED, "header does not name " + missing + "; catalog columns assumed");
            tableFlags.add(f);
            rowFlags.add(f);
        }
        boolean lineNumbers = schema.lineNumbers() && header.stream()
                .anyMatch(r -> HeaderMatcher.nonBlank(r).stream().anyMatch(t -> Labels.key(t).equals("行次")));
        SideDef a = schema.sides().get(0);
        SideDef b = schema.sides().size() > 1 ? schema.sides().get(1) : null; // a one-sided list (收入预算总表 by source)
        List<SideRow> left = new ArrayList<>();
        List<SideRow> right = new ArrayList<>();
        for (RawRow r : rows.subList(start, rows.size())) {
            if (HeaderMatcher.columnNumberRow(r) || HeaderMatcher.headerLike(r, schema)) continue;
            if (HeaderMatcher.nonBlank(r).isEmpty()) continue;
            if (lineNumbers) readWithLineNumbers(r.cells(), a, b, left, right, rowFlags);
            else readByPosition(r.cells(), a, b, left, right, rowFlags);
        }
        List<TableRow> out = new ArrayList<>();
        for (SideRow s : left) out.add(toRow(s));
        for (SideRow s : right) out.add(toRow(s));
        return new ExtractedTable(schema.id(), raw.title(), raw.formNo(), schema.columnNames(), out,
                raw.context(), tableFlags, raw.pageFrom(), raw.pageTo());
    }

    /**
     * A ruled grid: each column belongs to the side whose name (收入/支出) heads it, and is that
     * side's label (项目), line number (行次) or one of its value columns. Null when the header
     * places no value column.
     */
    /** How a line number read from letters OCR confuses with digits is flagged: its neighbours may vouch for it. */
    static final String CONFUSED_LINE_NUMBER = "line number printed ";

    @Override
    public ExtractedTable parseGrid(SchemaDef schema, RawTable raw, Grid grid) {
        int start = dataStart(grid.rows(), schema);
        List<List<String>> paths = grid.paths(start, schema, List.of());
        int n = grid.width();
        int[] sideOf = new int[n];
        boolean anySide = false;
        for (int c = 0; c < n; c++) {
            sideOf[c] = sideNamed(paths.get(c), schema);
            anySide |= sideOf[c] >= 0;
        }
        if (anySide) {
            for (int c = 1; c < n; c++) if (sideOf[c] < 0) sideOf[c] = sideOf[c - 1];
            for (int c = n - 2; c >= 0; c--) if (sideOf[c] < 0) sideOf[c] = sideOf[c + 1];
            secondLabelStartsTheNextSide(paths, sideOf, schema.sides().size());
            valuesFollowTheirLabel(paths, sideOf);
        } else {
            // No 收入/支出 row: each 项目 column starts the next side.
            int side = -1;
            for (int c = 0; c < n; c++) {
                if (labelHeader(paths.get(c))) side = Math.min(side + 1, schema.sides().size() - 1);
                sideOf[c] = Math.max(side, 0);
            }
        }
        List<Grid.Column> cols = new ArrayList<>();
        for (int c = 0; c < n; c++) {
            List<String> path = paths.get(c);
            if (labelHeader(path)) cols.add(new Grid.Column(c, Grid.Role.LABEL, null, path));
            else if (path.stream().anyMatch(p -> Labels.key(p).equals("行次")) || cutLineNumberHeading(path, grid, start, c)) {
                cols.add(new Grid.Column(c, Grid.Role.LINE_NO, null, path));
            }
            else {
                SideDef side = schema.sides().get(sideOf[c]);
                List<ColumnDef> candidates = schema.columns().stream().filter(d -> side.columns().contains(d.name())).toList();
                cols.add(Grid.valueRole(c, path, schema, candidates));
            }
        }
        List<Flag> tableFlags = new ArrayList<>();
        List<List<Grid.Column>> perSide = new ArrayList<>();
        for (int s = 0; s < schema.sides().size(); s++) {
            final int side = s;
            List<ColumnDef> wanted = schema.columns().stream().filter(d -> schema.sides().get(side).columns().contains(d.name())).toList();
            List<Grid.Column> sc = Grid.byElimination(Grid.dropDuplicates(cols.stream().filter(c -> sideOf[c.index()] == side).toList()), wanted);
            perSide.add(sc);
            if (sc.isEmpty() && schema.sides().get(s).optional()) continue; // a side this printing does not have
            tableFlags.addAll(Grid.headerFlags(sc, schema.sides().get(s).columns().stream().filter(c -> !schema.optional(c)).toList()).stream()
                    .map(f -> Flag.of(f.code(), schema.sides().get(side).side() + ": " + f.message())).toList());
        }
        if (perSide.stream().flatMap(List::stream).noneMatch(c -> c.role() == Grid.Role.VALUE)) return null;
        // the form numbers its lines on both sides or on neither: a side whose 行次 column was not found while
        // another side's was (its header misread) has its line numbers printed but not read
        boolean numberedElsewhere = schema.lineNumbers()
                && perSide.stream().anyMatch(sc -> CodedTableParser.find(sc, Grid.Role.LINE_NO) != null);
        List<List<SideRow>> read = new ArrayList<>();
        for (int s = 0; s < perSide.size(); s++) read.add(new ArrayList<>());
        for (int r = start; r < grid.rows().size(); r++) {
            RawRow row = grid.rows().get(r);
            if (HeaderMatcher.columnNumberRow(row) || HeaderMatcher.headerLike(row, schema)) continue;
            if (HeaderMatcher.nonBlank(row).isEmpty()) continue;
            boolean hasLineNo = cols.stream().anyMatch(c -> c.role() == Grid.Role.LINE_NO);
            boolean numbered = cols.stream().anyMatch(c -> c.role() == Grid.Role.LINE_NO && Labels.smallInteger(row.cells().get(c.index()).text()));
            boolean values = cols.stream().anyMatch(c -> c.role() == Grid.Role.VALUE && !Labels.blank(row.cells().get(c.index()).text()));
            if (hasLineNo && !numbered && !values) {
                // A label wrapped onto a grid row of its own continues the lines above.
                for (int s = 0; s < perSide.size(); s++) {
                    Grid.Column label = CodedTableParser.find(perSide.get(s), Grid.Role.LABEL);
                    if (label != null) appendWrapped(read.get(s), Labels.clean(row.cells().get(label.index()).text()));
                }
                continue;
            }
            SideRow[] printed = new SideRow[perSide.size()];
            for (int s = 0; s < perSide.size(); s++) {
                SideDef side = schema.sides().get(s);
                List<Grid.Column> sc = perSide.get(s);
                if (sc.isEmpty() && side.optional()) continue;
                List<Grid.Column> labels = sc.stream().filter(c -> c.role() == Grid.Role.LABEL).toList();
                Grid.Column line = CodedTableParser.find(sc, Grid.Role.LINE_NO);
                RawCell anchor = row.cells().get(sc.isEmpty() ? 0 : sc.get(0).index());
                List<Flag> flags = new ArrayList<>(Grid.strayValues(row, sc));
                Integer lineNo = null;
                if (line == null && numberedElsewhere && !sc.isEmpty()) {
                    flags.add(Flag.of(Cells.PARSE_AMBIGUOUS, side.side() + ": the line numbers (行次) of this side were not read"));
                }
                if (line != null) {
                    String t = row.cells().get(line.index()).text();
                    String repaired = Labels.blank(t) ? null : Labels.digitsFromConfusions(Labels.key(t));
                    if (Labels.smallInteger(t)) lineNo = Integer.parseInt(Labels.key(t));
                    else if (repaired != null && Labels.smallInteger(repaired)) {
                        // ll for 11: its neighbours may vouch for it (RowLabelReconciler)
                        lineNo = Integer.parseInt(repaired);
                        flags.add(Flag.of(Cells.LABEL_REPAIRED, CONFUSED_LINE_NUMBER + "'" + t.strip() + "' read as " + lineNo
                                + " (letters OCR confuses with digits)"));
                    } else if (!Labels.blank(t)) flags.add(Flag.of(Cells.PARSE_AMBIGUOUS, "line number '" + t.strip() + "' is not a number"));
                }
                Map<String, CellValue> cells = new LinkedHashMap<>();
                for (String col : side.columns()) {
                    Grid.Column at = sc.stream().filter(c -> c.role() == Grid.Role.VALUE && col.equals(c.canonical())).findFirst().orElse(null);
                    if (at == null && schema.optional(col)) continue; // this printing leaves the column out
                    cells.put(col, at == null ? Cells.missing(anchor.page(), anchor.origin(), "the header names no column for " + col)
                            : Cells.value(row.cells().get(at.index())));
                }
                String item = labels.isEmpty() ? null : Labels.clean(row.cells().get(labels.get(labels.size() - 1).index()).text());
                String left = labels.size() < 2 ? null : Labels.clean(row.cells().get(labels.get(0).index()).text());
                printed[s] = new SideRow(side.side(), item == null ? left : item, item == null ? null : left,
                        item == null && left != null, lineNo, cells, flags);
            }
            mergedLabels(printed);
            for (int s = 0; s < printed.length; s++) {
                if (printed[s] == null) continue;
                boolean grouped = perSide.get(s).stream().filter(c -> c.role() == Grid.Role.LABEL).count() > 1;
                if (!read.get(s).isEmpty() && wrappedTail(printed[s], read.get(s).get(read.get(s).size() - 1), grouped)) {
                    appendWrapped(read.get(s), printed[s].item());
                }
                else read.get(s).add(printed[s]);
            }
        }
        List<TableRow> out = new ArrayList<>();
        for (List<SideRow> side : read) for (SideRow s : grouped(side)) out.add(toRow(s));
        List<Grid.Column> all = perSide.stream().flatMap(List::stream).toList();
        return new ExtractedTable(schema.id(), raw.title(), raw.formNo(), Grid.presentColumns(all, schema), out,
                raw.context(), tableFlags, raw.pageFrom(), raw.pageTo());
    }

    /**
     * A total line whose label cell is merged over the next side's label (Jiangsu's 当年支出小计 and
     * 支出合计 span 功能分类 and 支出用途 and print their amount under 支出用途): the label is read in the
     * first side, the amount in the next, which prints no label. The line belongs to the side with
     * the amount; the first side keeps no empty line for it.
     */
    private static void mergedLabels(SideRow[] line) {
        for (int s = 1; s < line.length; s++) {
            SideRow prev = line[s - 1], cur = line[s];
            if (prev == null || cur == null || prev.item() == null || prev.item().isBlank() || (cur.item() != null && !cur.item().isBlank())) continue;
            boolean prevBlank = prev.cells().values().stream().allMatch(v -> v.value() == null && Labels.blank(v.raw()));
            boolean curValues = cur.cells().values().stream().anyMatch(v -> v.value() != null);
            if (!prevBlank || !curValues) continue;
            line[s] = cur.withItem(prev.item());
            line[s - 1] = null;
        }
    }

    private static final java.util.regex.Pattern ORDINAL = java.util.regex.Pattern.compile("^([一二三四五六七八九十]+|\\d+)[、.．]");

    /**
     * The end of a label wrapped onto a grid row of its own in a table without 行次 (1.一般公共预 / 算,
     * 三、单位预留机动 / 经费, 当年收入 / 小计): a fragment of a few characters, no ordinal, no amount, and
     * a total word only as the end of a line above that has none (收入合 / 计).
     */
    private static boolean wrappedTail(SideRow r, SideRow above, boolean grouped) {
        // where labels span two columns, a group's name or a 小计 starts a line of its own
        if (r.group() != null || r.leftOnly() || grouped && LabelGroups.subtotal(r.item())) return false;
        String k = r.item() == null ? "" : Labels.key(r.item());
        if (k.isEmpty() || k.length() > 3 || ORDINAL.matcher(k).find()) return false;
        if (k.contains("计") && (above.item() == null || above.item().isBlank() || Labels.key(above.item()).contains("计"))) return false;
        return r.cells().values().stream().allMatch(v -> v.value() == null && Labels.blank(v.raw()));
    }

    /**
     * A side prints its label column first and its amounts right of it. A value column whose header cell
     * names a side whose label column only comes further right (a Word form drawing 支出用途 over the
     * function side's 金额 as well as its own 项目名称 | 金额) is the amount of the label on its left.
     */
    /**
     * A side prints one 项目 column. Where a side name was set off-centre over its columns (an unruled table
     * whose 支出 lands over its 合计, not its 项目), the columns up to it were filled in as the side before: a
     * second 项目 column of one side starts the next side, with the columns after it up to the next side's name.
     */
    private static void secondLabelStartsTheNextSide(List<List<String>> paths, int[] sideOf, int sides) {
        boolean[] labelled = new boolean[sides];
        for (int c = 0; c < sideOf.length; c++) {
            if (!labelHeader(paths.get(c))) continue;
            int side = sideOf[c];
            if (labelled[side] && side + 1 < sides) {
                for (int k = c; k < sideOf.length && sideOf[k] == side; k++) sideOf[k] = side + 1;
                side++;
            }
            labelled[side] = true;
        }
    }

    private static void valuesFollowTheirLabel(List<List<String>> paths, int[] sideOf) {
        int n = sideOf.length;
        int label = -1;
        for (int c = 0; c < n; c++) {
            if (labelHeader(paths.get(c))) {
                label = c;
                continue;
            }
            if (label < 0 || sideOf[c] == sideOf[label]) continue;
            int own = -1;
            for (int k = 0; k < n && own < 0; k++) if (labelHeader(paths.get(k)) && sideOf[k] == sideOf[c]) own = k;
            if (own > c) sideOf[c] = sideOf[label];
        }
    }

    /** The side (收入/支出) a header path names, the deepest naming level first (支出 › 支出用途), or -1. */
    private static int sideNamed(List<String> path, SchemaDef schema) {
        for (int i = path.size() - 1; i >= 0; i--) {
            String k = Labels.key(path.get(i));
            for (int s = 0; s < schema.sides().size(); s++) {
                String side = Labels.key(schema.sides().get(s).side());
                if (k.equals(side) || k.endsWith(side) && k.length() <= side.length() + 4) return s;
            }
        }
        return -1;
    }

    private static boolean labelHeader(List<String> path) {
        if (path.isEmpty()) return false;
        String leaf = Labels.key(path.get(path.size() - 1));
        // 功能科目名称: Jiangsu labels its expenditure lines by the function subject's name
        return leaf.equals("项目") || leaf.equals("项目名称") || leaf.endsWith("科目名称");
    }

    /** The lines of a side whose labels span two columns, each with its group; other sides as read. */
    private static List<SideRow> grouped(List<SideRow> side) {
        if (side.stream().noneMatch(s -> s.group() != null || s.leftOnly())) return side;
        List<String> texts = side.stream().map(s -> s.leftOnly() ? s.item() : s.group()).toList();
        List<String> items = side.stream().map(s -> s.leftOnly() ? null : s.item()).toList();
        List<String> groups = LabelGroups.of(texts, items);
        List<SideRow> out = new ArrayList<>();
        for (int i = 0; i < side.size(); i++) out.add(side.get(i).withGroup(groups.get(i)));
        return out;
    }

    private static TableRow toRow(SideRow s) {
        Map<String, Object> key = s.group() == null ? Cells.key("side", s.side(), "item", s.item(), "line_no", s.lineNo())
                : Cells.key("side", s.side(), "group", s.group(), "item", s.item(), "line_no", s.lineNo());
        return Cells.row(key, s.cells(), s.flags());
    }

    private static void readWithLineNumbers(List<RawCell> t, SideDef a, SideDef b,
                                            List<SideRow> left, List<SideRow> right, List<Flag> rowFlags) {
        int[] pos = {0};
        SideRow first = readSide(t, pos, a, rowFlags);
        if (first == null) {
            // No line number at all: a label wrapped onto its own line continues the lines above.
            List<String> texts = new ArrayList<>();
            for (RawCell c : t) if (!Labels.blank(c.text())) texts.add(Labels.clean(c.text()));
            appendWrapped(left, texts.size() > 0 ? texts.get(0) : null);
            appendWrapped(right, texts.size() > 1 ? texts.get(1) : null);
            return;
        }
        left.add(first);
        if (b == null) return;
        SideRow second = readSide(t, pos, b, rowFlags);
        if (second != null) right.add(second);
    }

    private static void appendWrapped(List<SideRow> side, String text) {
        if (text == null || side.isEmpty()) return;
        SideRow last = side.remove(side.size() - 1);
        side.add(last.withItem((last.item() == null ? "" : last.item()) + text));
    }

    /** [label…] line-number value×k starting at pos; null when no line number follows. */
    private static SideRow readSide(List<RawCell> t, int[] pos, SideDef side, List<Flag> rowFlags) {
        StringBuilder label = new StringBuilder();
        int p = pos[0];
        while (p < t.size() && !Labels.smallInteger(t.get(p).text())) {
            if (!Labels.blank(t.get(p).text())) label.append(t.get(p).text());
            p++;
        }
        if (p >= t.size()) return null;
        int lineNo = Integer.parseInt(Labels.key(t.get(p).text()));
        RawCell lineCell = t.get(p);
        p++;
        List<Flag> flags = new ArrayList<>(rowFlags);
        Map<String, CellValue> cells = new LinkedHashMap<>();
        for (String col : side.columns()) {
            if (p < t.size() && AmountParser.amountOrBlank(t.get(p).text())) {
                cells.put(col, Cells.value(t.get(p)));
                p++;
            } else {
                cells.put(col, Cells.missing(lineCell.page(), lineCell.origin(),
                        "line " + lineNo + " prints no cell for " + col));
            }
        }
        pos[0] = p;
        return new SideRow(side.side(), Labels.clean(label.toString()), lineNo, cells, flags);
    }

    private static void readByPosition(List<RawCell> cells, SideDef a, SideDef b,
                                       List<SideRow> left, List<SideRow> right, List<Flag> rowFlags) {
        List<RawCell> t = new ArrayList<>(cells);
        int need = 1 + a.columns().size() + (b == null ? 0 : 1 + b.columns().size());
        while (t.size() > need && Labels.blank(t.get(t.size() - 1).text())) t.remove(t.size() - 1);
        int gapAt = 1 + a.columns().size();
        if (b != null && t.size() > need && Labels.blank(t.get(gapAt).text())) t.remove(gapAt);
        List<Flag> flags = new ArrayList<>(rowFlags);
        if (t.size() != need) {
            flags.add(Flag.of(Cells.PARSE_AMBIGUOUS, "line prints " + t.size() + " cells where " + need + " are expected"));
        }
        int[] pos = {0};
        left.add(positional(t, pos, a, flags));
        if (b != null && pos[0] < t.size()) right.add(positional(t, pos, b, flags));
    }

    private static SideRow positional(List<RawCell> t, int[] pos, SideDef side, List<Flag> flags) {
        RawCell labelCell = t.get(pos[0]++);
        Map<String, CellValue> cells = new LinkedHashMap<>();
        for (String col : side.columns()) {
            cells.put(col, pos[0] < t.size() ? Cells.value(t.get(pos[0]++))
                    : Cells.missing(labelCell.page(), labelCell.origin(), "no cell for " + col));
        }
        return new SideRow(side.side(), Labels.clean(labelCell.text()), null, cells, flags);
    }

    /**
     * A 行次 heading OCR read in part (行, 次) or as marks without a Chinese character ({TR) over a column of line
     * numbers: most of its filled body cells are small integers, and for marks they rise down the column, as line
     * numbers do and no amounts would. Unread, its side lost its line numbers and the columns after it their side.
     */
    private static boolean cutLineNumberHeading(List<String> path, Grid grid, int start, int c) {
        if (path.isEmpty()) return false;
        String leaf = Labels.key(path.get(path.size() - 1));
        boolean marks = !leaf.isEmpty() && LabelText.han(leaf).isEmpty();
        if (!leaf.equals("行") && !leaf.equals("次") && !marks) return false;
        int filled = 0, numbers = 0, last = 0;
        boolean rising = true;
        for (int r = start; r < grid.rows().size(); r++) {
            String t = grid.text(r, c);
            if (Labels.blank(t)) continue;
            filled++;
            if (!Labels.smallInteger(t)) continue;
            numbers++;
            int n = Integer.parseInt(Labels.key(t));
            rising &= n > last;
            last = n;
        }
        return filled >= 3 && numbers * 10 >= filled * 8 && (!marks || rising);
    }

    static int dataStart(List<RawRow> rows, SchemaDef schema) {
        for (int i = 0; i < rows.size(); i++) {
            if (HeaderMatcher.columnNumberRow(rows.get(i))) return i + 1;
        }
        for (int i = 0; i < rows.size(); i++) {
            RawRow r = rows.get(i);
            if (!HeaderMatcher.nonBlank(r).isEmpty() && !HeaderMatcher.headerLikeAbove(r, schema)) return i;
        }
        return rows.size();
    }
}
