package reportingest.reconcile.fin;

import reportingest.catalog.LabelCatalog;
import reportingest.layout.BBox;
import reportingest.layout.Page;
import reportingest.layout.TextLine;
import reportingest.layout.Word;
import reportingest.reconcile.CellValue;
import reportingest.reconcile.ExtractedTable;
import reportingest.reconcile.Flag;
import reportingest.reconcile.TableRow;
import reportingest.tables.RawCell;
import reportingest.tables.RawRow;
import reportingest.tables.RawTable;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A table with amounts that no catalog schema fits, kept as printed rather than dropped or forced
 * into a form: schema {@code unknown}, its header texts as column paths (levels joined by "/"), each
 * body row keyed by its label (the text columns), the subject code where one is printed (joined
 * or over 类/款/项 columns) and the code's level, every other column a value cell with its
 * confidence and flags. Nothing is validated against a form, so the table carries SCHEMA_UNKNOWN.
 */
public final class UnknownTableReader {
    public static final String SCHEMA = "unknown";
    private static final Pattern CODE = Pattern.compile("\\d{3}(\\d{2}){0,2}");
    private static final Pattern MARKER = Pattern.compile("其中[:：]?");
    private static final Pattern CODE_PART = Pattern.compile("\\d{2}");

    private UnknownTableReader() {}

    /**
     * Every row asks for review: no form's identities checked its figures or the columns they were read
     * into, so none of them is presented as an accepted fact.
     */
    public static ExtractedTable read(RawTable raw, Flag unknown) {
        return read(raw, unknown, unverified(unknown));
    }

    /** The row flag of a table no form fits: nothing checked its columns or figures. */
    public static List<Flag> unverified(Flag unknown) {
        return List.of(Flag.of(unknown.code(), "row of a table that matches no known form: its columns and figures were not checked"));
    }

    /** As {@link #read(RawTable, Flag)}, every row also carrying {@code rowFlags} (why it needs a look). */
    public static ExtractedTable read(RawTable raw, Flag unknown, List<Flag> rowFlags) {
        return read(raw, unknown, rowFlags, List.of());
    }

    /**
     * As {@link #read(RawTable, Flag, List)}, with the pages the table is printed on: where a row prints no code, its
     * level comes from its label's indentation (the first line's, read off the page's words), a (款)/(项) suffix or
     * the standard subject names ({@link RowOutline}).
     */
    public static ExtractedTable read(RawTable raw, Flag unknown, List<Flag> rowFlags, List<Page> pages) {
        List<RawRow> rows = raw.rows();
        int width = rows.stream().mapToInt(r -> r.cells().size()).max().orElse(0);
        int start = bodyStart(rows);
        List<String[]> header = new ArrayList<>();
        for (RawRow r : rows.subList(0, start)) {
            String[] t = new String[width];
            for (int c = 0; c < width; c++) t[c] = c < r.cells().size() && !Labels.blank(r.cells().get(c).text()) ? r.cells().get(c).text().strip() : "";
            header.add(t);
        }
        List<List<String>> paths = Grid.paths(header, width);
        List<RawRow> body = rows.subList(start, rows.size());
        boolean[] text = new boolean[width];
        int codeCol = -1;
        List<Integer> codeParts = new ArrayList<>();
        for (int c = 0; c < width; c++) {
            String leaf = paths.get(c).isEmpty() ? "" : Labels.key(paths.get(c).get(paths.get(c).size() - 1));
            if (leaf.equals("款") || leaf.equals("项")) { codeParts.add(c); continue; }
            text[c] = textColumn(body, c);
            boolean codeHeader = paths.get(c).stream().anyMatch(h -> h.contains("编码") || h.contains("代码"));
            // codes unnamed by the header come before the row labels: after them, a column of 3- and 5-digit
            // integers (2021年决算数 35970, 314, 395 in 万元) is amounts
            boolean afterLabels = false;
            for (int k = 0; k < c; k++) afterLabels |= text[k];
            if (codeCol < 0 && (codeHeader || !afterLabels && codeColumn(body, c))) codeCol = c;
        }
        List<String> names = new ArrayList<>();
        List<Integer> valueCols = new ArrayList<>();
        Set<String> used = new HashSet<>();
        for (int ci = 0; ci < width; ci++) {
            final int c = ci;
            if (text[c] || c == codeCol || codeParts.contains(c)) continue;
            if (body.stream().allMatch(r -> c >= r.cells().size() || Labels.blank(r.cells().get(c).text()))
                    && paths.get(c).isEmpty()) continue; // a layout gap
            String name = paths.get(c).isEmpty() ? "列" + (c + 1) : String.join("/", paths.get(c).stream().map(Labels::clean).toList());
            String unique = name;
            for (int k = 2; !used.add(unique); k++) unique = name + "#" + k;
            names.add(unique);
            valueCols.add(c);
        }
        List<TableRow> out = new ArrayList<>();
        List<RowOutline.Line> lines = new ArrayList<>();
        for (RawRow r : body) {
            if (HeaderMatcher.nonBlank(r).isEmpty() || HeaderMatcher.columnNumberRow(r)) continue;
            StringBuilder label = new StringBuilder();
            String code = null;
            for (int c = 0; c < width && c < r.cells().size(); c++) {
                String t = r.cells().get(c).text();
                if (Labels.blank(t)) continue;
                if (c == codeCol && CODE.matcher(Labels.key(t)).matches()) {
                    code = Labels.key(t);
                } else if (codeParts.contains(c) && code != null && CODE_PART.matcher(Labels.key(t)).matches()) {
                    code += Labels.key(t);
                } else if (text[c] || c == codeCol) {
                    if (label.length() > 0) label.append(' ');
                    label.append(Labels.clean(t));
                }
            }
            Map<String, CellValue> cells = new LinkedHashMap<>();
            RawCell anchor = r.cells().get(0);
            RawCell first = null;
            for (int c = 0; c < width && c < r.cells().size() && first == null; c++) {
                if (text[c] && !Labels.blank(r.cells().get(c).text())) first = r.cells().get(c);
            }
            lines.add(new RowOutline.Line(label.length() == 0 ? null : label.toString(), code,
                    first == null ? null : firstLineX(first, pages)));
            for (int i = 0; i < valueCols.size(); i++) {
                int c = valueCols.get(i);
                cells.put(names.get(i), c < r.cells().size() ? Cells.value(r.cells().get(c))
                        : Cells.missing(anchor.page(), anchor.origin(), "row prints no cell here"));
            }
            Map<String, Object> key = Cells.key("code", code, "label", label.length() == 0 ? null : label.toString(),
                    "level", code == null ? null : (code.length() - 1) / 2 + 1);
            out.add(Cells.row(key, cells, rowFlags));
        }
        List<Integer> levels = RowOutline.levels(lines, SUBJECT_LEVELS.get());
        for (int i = 0; i < out.size(); i++) {
            TableRow r = out.get(i);
            Map<String, Object> key = new LinkedHashMap<>(r.key());
            key.put("level", levels.get(i));
            out.set(i, new TableRow(key, r.cells(), r.status(), r.flags()));
        }
        return new ExtractedTable(SCHEMA, raw.title(), raw.formNo(), names, out, raw.context(), List.of(unknown),
                raw.pageFrom(), raw.pageTo());
    }

    private static final java.util.function.Supplier<Map<String, java.util.Set<Integer>>> SUBJECT_LEVELS =
            new java.util.function.Supplier<>() {
                private volatile Map<String, java.util.Set<Integer>> levels;

                @Override
                public Map<String, java.util.Set<Integer>> get() {
                    if (levels == null) levels = RowOutline.subjectLevels(LabelCatalog.load());
                    return levels;
                }
            };

    /**
     * The x of a label cell's first line: a wrapped label's union box starts at its leftmost line (a long 项 name wraps
     * back to the margin), so the page's words inside the box on its top line tell where the label starts; the box's x
     * without the page.
     */
    static Double firstLineX(RawCell cell, List<Page> pages) {
        BBox b = cell.bbox();
        if (b == null) return null;
        for (Page p : pages) {
            if (p.number() != cell.page()) continue;
            double top = Double.MAX_VALUE, h = 0;
            List<Word> insideWords = new ArrayList<>();
            for (TextLine l : p.lines()) {
                for (Word w : l.words()) {
                    BBox wb = w.bbox();
                    double cx = wb.x() + wb.width() / 2, cy = wb.y() + wb.height() / 2;
                    if (cx < b.x() - 1 || cx > b.right() + 1 || cy < b.y() - 1 || cy > b.bottom() + 1) continue;
                    insideWords.add(w);
                    if (wb.y() < top) { top = wb.y(); h = wb.height(); }
                }
            }
            // the first line's words, left to right; a "其中：" marker before the label does not indent it
            List<Word> first = new ArrayList<>();
            for (TextLine l : p.lines()) {
                for (Word w : l.words()) if (insideWords.contains(w) && w.bbox().y() < top + Math.max(h, 1) / 2) first.add(w);
            }
            first.sort(java.util.Comparator.comparingDouble(w -> w.bbox().x()));
            if (first.size() > 1 && MARKER.matcher(Labels.key(first.get(0).text())).matches()) first.remove(0);
            return first.isEmpty() ? b.x() : first.get(0).bbox().x();
        }
        return b.x();
    }

    /**
     * The first row printing an amount (a number with a fraction or of four digits and more), or an earlier one that,
     * under a header naming columns, prints a numbered row label (一、 （一） 1.) or a label with small figures beside
     * it, and nothing but figures or blanks in its other cells: the first lines of a fund's table may be blank or
     * print 20 (一、文化旅游体育与传媒支出 blank, 二、社会保障和就业支出 20 above 三、城乡社区支出 2537115), and they are
     * rows, not header.
     */
    private static int bodyStart(List<RawRow> rows) {
        int amountRow = -1;
        for (int i = 0; i < rows.size() && amountRow < 0; i++) {
            if (HeaderMatcher.columnNumberRow(rows.get(i))) return i + 1;
            for (RawCell c : rows.get(i).cells()) if (amount(c.text()) || CODE.matcher(Labels.key(c.text())).matches()) { amountRow = i; break; }
        }
        if (amountRow < 0) return firstLabelRow(rows);
        boolean headed = false;
        for (int i = 0; i < amountRow; i++) {
            List<RawCell> cells = rows.get(i).cells();
            String first = cells.isEmpty() ? "" : cells.get(0).text();
            boolean label = !Labels.blank(first) && !Grid.numeric(first);
            boolean restFigures = cells.stream().skip(1).allMatch(c -> Labels.blank(c.text()) || Grid.numeric(c.text()));
            boolean figures = cells.stream().skip(1).anyMatch(c -> !Labels.blank(c.text()) && Grid.numeric(c.text()));
            if (headed && label && restFigures && (LabelText.ordinal(Labels.key(first)) != null || figures)) return i;
            headed |= cells.stream().skip(1).anyMatch(c -> !Labels.blank(c.text()) && !Grid.numeric(c.text()));
        }
        return amountRow;
    }

    /**
     * A table printing no amount of four digits (a small fund: 1, 2, 3 万元, or blanks only): its body starts at the
     * first row, under a header naming columns, that prints a row label and beside it nothing but figures or blanks.
     */
    private static int firstLabelRow(List<RawRow> rows) {
        boolean headed = false;
        for (int i = 0; i < rows.size(); i++) {
            List<RawCell> cells = rows.get(i).cells();
            boolean label = !cells.isEmpty() && !Labels.blank(cells.get(0).text()) && !Grid.numeric(cells.get(0).text());
            boolean restFigures = cells.stream().skip(1).allMatch(c -> Labels.blank(c.text()) || Grid.numeric(c.text()));
            if (headed && label && restFigures) return i;
            headed |= cells.stream().skip(1).anyMatch(c -> !Labels.blank(c.text()) && !Grid.numeric(c.text()));
        }
        return rows.size();
    }

    private static boolean amount(String text) {
        if (!Grid.numeric(text)) return false;
        String v = AmountParser.parse(text).value().replace("-", "");
        return v.contains(".") || v.length() >= 4;
    }

    /** Most filled body cells are words, not numbers. */
    private static boolean textColumn(List<RawRow> body, int c) {
        int filled = 0, words = 0;
        for (RawRow r : body) {
            if (c >= r.cells().size() || Labels.blank(r.cells().get(c).text())) continue;
            filled++;
            if (!Grid.numeric(r.cells().get(c).text())) words++;
        }
        return filled > 0 && words * 2 > filled;
    }

    /** Most filled body cells are 3/5/7-digit subject codes. */
    private static boolean codeColumn(List<RawRow> body, int c) {
        int filled = 0, codes = 0;
        for (RawRow r : body) {
            if (c >= r.cells().size() || Labels.blank(r.cells().get(c).text())) continue;
            String k = Labels.key(r.cells().get(c).text());
            if (k.contains("合计") || k.contains("总计")) continue;
            filled++;
            if (CODE.matcher(k).matches()) codes++;
        }
        return filled >= 2 && codes * 10 >= filled * 6;
    }
}
