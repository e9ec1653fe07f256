package reportingest.reconcile.fin;

import reportingest.reconcile.Flag;
import reportingest.catalog.ColumnDef;
import reportingest.catalog.SchemaDef;
import reportingest.tables.RawCell;
import reportingest.tables.RawRow;
import reportingest.tables.RawTable;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A recognised table as a ruled grid: every row has the same number of cells, header rows first,
 * a spanning header cell's text at its top-left with the positions it covers left empty (what
 * Tabula gives for born-digital PDFs and what OCR'd scans give once their rulings are found).
 * On such a table the canonical column of every value is known by its position, so the parsers
 * read grids by position instead of by the order of printed cells.
 * <p>
 * Each column gets a header path: the header texts above it, top to bottom, including the
 * spanning parents that cover it (a parent covers the columns up to the next header text of its
 * row, never beyond the parent above it, never into a column where a header text above it starts). The path decides the column's role (code, 类/款/项 part
 * of a code, name, label, 行次, value) and, for values, the canonical column: a column alias
 * must appear in the path, and the catalog's parent levels (预算数/决算数, 本年支出) break ties.
 */
public final class Grid {

    public enum Role { CODE, CODE_CLASS, CODE_SECTION, CODE_ITEM, NAME, LABEL, LINE_NO, VALUE, UNMATCHED, NONE }

    /** One grid column: its role, the canonical column it holds (values), and its header path. */
    public record Column(int index, Role role, String canonical, List<String> path) {
        public boolean codePart() {
            return role == Role.CODE || role == Role.CODE_CLASS || role == Role.CODE_SECTION || role == Role.CODE_ITEM;
        }
    }

    private static final String AMBIGUOUS = "\u0000ambiguous";

    private final List<RawRow> rows;
    private final int width;

    private Grid(List<RawRow> rows, int width) {
        this.rows = rows;
        this.width = width;
    }

    /** The table as a grid, or null when its rows are not all of one width (text-layout tables). */
    public static Grid of(RawTable raw) {
        List<RawRow> rows = raw.rows();
        if (rows.size() < 2) return null;
        int w = rows.get(0).cells().size();
        if (w < 2) return null;
        for (RawRow r : rows) if (r.cells().size() != w) return null;
        return withoutEmptyColumns(rows, w);
    }

    /**
     * The grid without columns that print nothing in any row: Word exports draw a ruled grid from
     * many short segments, and Tabula then sees empty slivers beside each real column that would
     * share its header and hide which one holds the values.
     */
    private static Grid withoutEmptyColumns(List<RawRow> rows, int w) {
        List<Integer> kept = new ArrayList<>();
        for (int c = 0; c < w; c++) {
            final int col = c;
            if (rows.stream().anyMatch(r -> !Labels.blank(r.cells().get(col).text()))) kept.add(c);
        }
        if (kept.size() == w || kept.size() < 2) return new Grid(rows, w);
        List<RawRow> out = new ArrayList<>();
        for (RawRow r : rows) {
            List<RawCell> cells = new ArrayList<>();
            for (int c : kept) cells.add(r.cells().get(c));
            out.add(new RawRow(cells));
        }
        return new Grid(out, kept.size());
    }

    public List<RawRow> rows() { return rows; }

    public int width() { return width; }

    public String text(int row, int col) {
        String t = rows.get(row).cells().get(col).text();
        return t == null ? "" : t;
    }

    public RawCell cell(int row, int col) { return rows.get(row).cells().get(col); }

    public boolean blank(int row, int col) { return Labels.blank(text(row, col)); }

    /** A cell that reads as a printed amount (a code or a 栏次 number counts too). */
    public static boolean numeric(String text) {
        if (Labels.blank(text)) return false;
        AmountParser.Amount a = AmountParser.parse(text);
        return a.value() != null && !a.guessed();
    }

    /**
     * Where the body starts: the row after a 栏次 row, else the first row printing a number or
     * starting with a total label ({@code labels}); the rows above are the header.
     */
    public int bodyStart(List<String> labels) {
        for (int r = 0; r < rows.size(); r++) {
            RawRow row = rows.get(r);
            if (HeaderMatcher.columnNumberRow(row)) return r + 1;
            int f = CodedTableParser.firstNonBlank(row.cells());
            if (f < 0) continue;
            for (RawCell c : row.cells()) if (numeric(c.text())) return r;
            if (isLabel(row.cells().get(f).text(), labels)) return r;
        }
        return rows.size();
    }

    static boolean isLabel(String text, List<String> labels) {
        String k = Labels.key(text);
        return !k.isEmpty() && labels.stream().anyMatch(l -> Labels.key(l).equals(k));
    }

    /**
     * Header paths over rows [0, start), plus the header words of the first body row: a header row
     * and a body row can share one grid row (类 | 款 | 项 printed beside the 合计 row; 本年支出's
     * sub-headers beside an empty table's 合计). Numbers and total labels of that row stay body.
     */
    public List<List<String>> paths(int start, SchemaDef schema, List<String> totalLabels) {
        List<String[]> header = new ArrayList<>();
        for (int r = 0; r < Math.min(start, rows.size()); r++) {
            if (HeaderMatcher.columnNumberRow(rows.get(r))) continue;
            String[] t = new String[width];
            for (int c = 0; c < width; c++) t[c] = Labels.blank(text(r, c)) ? "" : text(r, c);
            header.add(t);
        }
        if (start < rows.size() && !HeaderMatcher.columnNumberRow(rows.get(start))) {
            String[] t = new String[width];
            boolean any = false;
            int label = CodedTableParser.firstNonBlank(rows.get(start).cells());
            for (int c = 0; c < width; c++) {
                String s = text(start, c);
                boolean word = !Labels.blank(s) && !numeric(s) && !(c == label && isLabel(s, totalLabels))
                        && HeaderMatcher.isHeaderWord(s, schema);
                t[c] = word ? s : "";
                any |= word;
            }
            if (any) header.add(t);
        }
        return paths(header, width);
    }

    /** The texts covering each column, top to bottom. */
    static List<List<String>> paths(List<String[]> header, int width) {
        int h = header.size();
        // end[r][c]: last column covered by the header text at (r, c)
        int[][] end = new int[h][width];
        for (int r = 0; r < h; r++) {
            String[] row = header.get(r);
            for (int c = 0; c < width; c++) {
                if (row[c].isEmpty()) { end[r][c] = -1; continue; }
                int next = c + 1;
                while (next < width && row[next].isEmpty()) next++;
                int e = next - 1;
                // a text spans no column where a header text of a row above starts: that column is ruled off
                // from it ("三公"经费 over 小计 beside a 合计 set low in its tall cell)
                for (int k = c + 1; k <= e; k++) {
                    if (startsAbove(header, r, k)) { e = k - 1; break; }
                }
                int parentEnd = coverEnd(header, end, r, c, width);
                end[r][c] = Math.min(e, parentEnd);
            }
        }
        List<List<String>> out = new ArrayList<>();
        for (int c = 0; c < width; c++) {
            List<String> path = new ArrayList<>();
            for (int r = 0; r < h; r++) {
                String[] row = header.get(r);
                if (!row[c].isEmpty()) { path.add(row[c]); continue; }
                for (int k = c - 1; k >= 0; k--) {
                    if (row[k].isEmpty()) continue;
                    if (end[r][k] >= c) path.add(row[k]);
                    break;
                }
            }
            out.add(path);
        }
        return out;
    }

    private static boolean startsAbove(List<String[]> header, int r, int c) {
        for (int up = 0; up < r; up++) if (!header.get(up)[c].isEmpty()) return true;
        return false;
    }

    /** The end of the nearest header cell above row r that covers column c (the whole width if none). */
    private static int coverEnd(List<String[]> header, int[][] end, int r, int c, int width) {
        for (int up = r - 1; up >= 0; up--) {
            String[] row = header.get(up);
            for (int k = c; k >= 0; k--) {
                if (row[k].isEmpty()) continue;
                if (end[up][k] >= c) return end[up][k];
                break;
            }
        }
        return width - 1;
    }

    // ---------------------------------------------------------------- roles

    /** The role of a coded or grouped table's column: code parts, name, or a value column of the schema. */
    static Column codedRole(int index, List<String> path, SchemaDef schema, List<ColumnDef> candidates) {
        if (!path.isEmpty()) {
            String leaf = Labels.key(path.get(path.size() - 1));
            if (leaf.equals("类")) return new Column(index, Role.CODE_CLASS, null, path);
            if (leaf.equals("款")) return new Column(index, Role.CODE_SECTION, null, path);
            if (leaf.equals("项")) return new Column(index, Role.CODE_ITEM, null, path);
        }
        for (String p : path) if (Labels.key(p).contains("名称")) return new Column(index, Role.NAME, null, path);
        for (String p : path) {
            String k = Labels.key(p);
            if (k.contains("编码") || k.contains("代码")) return new Column(index, Role.CODE, null, path);
        }
        return valueRole(index, path, schema, candidates);
    }

    private static final java.util.regex.Pattern BUDGET_CODE = java.util.regex.Pattern.compile("\\d{3}(\\d{2}){0,2}");

    /**
     * When the header does not tell the code column from the name column (an OCR'd header cell
     * "科目编码|科目名称" run together over both), the body does: a column of 3/5/7-digit codes is the
     * code, and the text column right after it the name.
     */
    public static List<Column> labelRolesFromContent(List<Column> cols, List<RawRow> body) {
        if (cols.stream().anyMatch(Column::codePart)) return nameAfterCode(cols, body);
        List<Column> out = new ArrayList<>(cols);
        for (int i = 0; i < out.size(); i++) {
            Column c = out.get(i);
            boolean open = c.role() == Role.NAME || c.role() == Role.NONE || c.role() == Role.UNMATCHED;
            if (!open || share(body, c.index(), true) < 0.6) continue;
            out.set(i, new Column(c.index(), Role.CODE, null, c.path()));
            boolean hasName = out.stream().anyMatch(o -> o.role() == Role.NAME);
            if (!hasName && i + 1 < out.size()) {
                Column n = out.get(i + 1);
                if ((n.role() == Role.NONE || n.role() == Role.UNMATCHED) && share(body, n.index(), false) >= 0.6) {
                    out.set(i + 1, new Column(n.index(), Role.NAME, null, n.path()));
                }
            }
            return out;
        }
        return cols;
    }

    /**
     * The name column whose heading OCR misread (科目名区 for 科目名称) while the code column's it read: the column right
     * after the codes, without a role, whose filled body cells are mostly text, holds the names.
     */
    private static List<Column> nameAfterCode(List<Column> cols, List<RawRow> body) {
        if (cols.stream().anyMatch(c -> c.role() == Role.NAME)) return cols;
        int last = -1;
        for (int i = 0; i < cols.size(); i++) if (cols.get(i).codePart()) last = i;
        if (last < 0 || last + 1 >= cols.size()) return cols;
        Column n = cols.get(last + 1);
        if ((n.role() != Role.NONE && n.role() != Role.UNMATCHED) || share(body, n.index(), false) < 0.6) return cols;
        List<Column> out = new ArrayList<>(cols);
        out.set(last + 1, new Column(n.index(), Role.NAME, null, n.path()));
        return out;
    }

    /**
     * A code printed over 类 | 款 | 项 columns whose 款 heading OCR lost: the column between the 类 and 项 columns then
     * carries the 类 heading spread from its left (or only 科目编码 above) and its parts were dropped (208 | 05 | 01 read
     * as 20801). Such a column, holding one- or two-digit parts in most filled body cells, is the 款.
     */
    public static List<Column> sectionBetweenClassAndItem(List<Column> cols, List<RawRow> body) {
        if (cols.stream().anyMatch(c -> c.role() == Role.CODE_SECTION)) return cols;
        List<Column> out = new ArrayList<>(cols);
        for (int i = 0; i + 2 < out.size(); i++) {
            Column mid = out.get(i + 1);
            boolean open = mid.role() == Role.CODE || mid.role() == Role.CODE_CLASS || mid.role() == Role.NONE || mid.role() == Role.UNMATCHED;
            if (out.get(i).role() != Role.CODE_CLASS || out.get(i + 2).role() != Role.CODE_ITEM || !open) continue;
            int filled = 0, parts = 0;
            for (RawRow r : body) {
                if (mid.index() >= r.cells().size()) continue;
                String t = r.cells().get(mid.index()).text().replaceAll("\\s", "");
                if (t.isEmpty()) continue;
                filled++;
                if (t.length() <= 2 && Labels.digitsFromConfusions(t).matches("\\d{1,2}")) parts++;
            }
            if (filled >= 2 && parts * 10 >= filled * 6) out.set(i + 1, new Column(mid.index(), Role.CODE_SECTION, null, mid.path()));
            return out;
        }
        return cols;
    }

    /**
     * A code printed over 类 | 款 | 项 columns whose 类 heading OCR read into the line above (支出功能分类科目编码类 over
     * the three, nothing over the first): the column left of the 款 and 项 columns, holding three-digit codes in most
     * filled body cells (208, 210, 212), is the 类. Without it the class codes are dropped (208 | 05 | 01 read as 0501).
     */
    public static List<Column> classBeforeSectionAndItem(List<Column> cols, List<RawRow> body) {
        if (cols.stream().anyMatch(c -> c.role() == Role.CODE_CLASS)) return cols;
        List<Column> out = new ArrayList<>(cols);
        for (int i = 0; i + 2 < out.size(); i++) {
            Column first = out.get(i);
            boolean open = first.role() == Role.CODE || first.role() == Role.NONE || first.role() == Role.UNMATCHED;
            if (!open || out.get(i + 1).role() != Role.CODE_SECTION || out.get(i + 2).role() != Role.CODE_ITEM) continue;
            int filled = 0, classes = 0;
            for (RawRow r : body) {
                if (first.index() >= r.cells().size()) continue;
                String t = r.cells().get(first.index()).text().replaceAll("\\s", "");
                if (t.isEmpty() || t.contains("合计") || t.contains("总计")) continue;
                filled++;
                if (Labels.digitsFromConfusions(t).matches("\\d{3}")) classes++;
            }
            if (filled >= 2 && classes * 10 >= filled * 6) out.set(i, new Column(first.index(), Role.CODE_CLASS, null, first.path()));
            return out;
        }
        return cols;
    }

    /** Share of the column's filled body cells that are budget codes ({@code codes}) or non-numeric text. */
    private static double share(List<RawRow> body, int col, boolean codes) {
        int filled = 0, hits = 0;
        for (RawRow r : body) {
            if (col >= r.cells().size()) continue;
            String t = r.cells().get(col).text().replaceAll("\\s", "");
            if (t.isEmpty() || t.contains("合计") || t.contains("总计")) continue;
            filled++;
            boolean code = BUDGET_CODE.matcher(t).matches();
            boolean text = !t.matches("[-\\d.,，。%]+");
            if (codes ? code : text) hits++;
        }
        return filled < 2 ? 0 : (double) hits / filled;
    }

    /** A value column matched against {@code candidates}; UNMATCHED when none or several fit, NONE without header. */
    static Column valueRole(int index, List<String> path, SchemaDef schema, List<ColumnDef> candidates) {
        if (path.isEmpty()) return new Column(index, Role.NONE, null, path);
        String m = match(path, schema, candidates);
        if (m == null || m.equals(AMBIGUOUS)) return new Column(index, Role.UNMATCHED, null, path);
        return new Column(index, Role.VALUE, m, path);
    }

    /**
     * The candidate one of whose aliases is in the path; among several, the one with most of its
     * parents in the path and fewest parents of other columns; null for none, AMBIGUOUS for a tie.
     */
    static String match(List<String> path, SchemaDef schema, List<ColumnDef> candidates) {
        // a year printed before a header (2024年“三公”经费预算数) names no other column
        List<String> keys = path.stream().map(p -> Labels.key(p).replaceFirst("^20\\d{2}年度?", "")).toList();
        String m = match(keys, schema, candidates, false);
        if (m != null) return m;
        // Failing that, a header wrapped over grid rows of its own (a tall cell Word splits with its fills:
        // 因公出国 | （境）费, 公务接 | 待费) is read joined: consecutive texts of the path as one
        List<String> joined = new ArrayList<>(keys);
        for (int i = 0; i < keys.size(); i++) {
            StringBuilder sb = new StringBuilder(keys.get(i));
            for (int j = i + 1; j < keys.size(); j++) joined.add(sb.append(keys.get(j)).toString());
        }
        return joined.size() > keys.size() ? match(joined, schema, candidates, true) : null;
    }

    private static String match(List<String> keys, SchemaDef schema, List<ColumnDef> candidates, boolean exactOnly) {
        Set<String> allParents = new LinkedHashSet<>();
        for (ColumnDef c : schema.columns()) allParents.addAll(c.parents());
        String best = null;
        int bestScore = Integer.MIN_VALUE, bestUnprinted = Integer.MAX_VALUE;
        boolean tie = false;
        // An alias printed exactly outranks one that is a single edit away (年初… / 年末…).
        boolean exactSomewhere = exactOnly
                || candidates.stream().anyMatch(c -> c.aliases().stream().anyMatch(a -> keys.contains(Labels.key(a))));
        for (ColumnDef c : candidates) {
            boolean alias = exactSomewhere
                    ? c.aliases().stream().anyMatch(a -> keys.contains(Labels.key(a)))
                    : c.aliases().stream().anyMatch(a -> keys.stream().anyMatch(k -> HeaderMatcher.close(k, Labels.key(a))));
            if (!alias) continue;
            int score = 0;
            for (String p : allParents) {
                boolean in = keys.stream().anyMatch(k -> HeaderMatcher.close(k, Labels.key(p)));
                if (!in) continue;
                score += c.parents().contains(p) ? 1 : -1;
            }
            // On equal scores the column whose parents are all printed above it is the nearer one:
            // 小计 under “三公”经费 is the 三公 subtotal, not the 公务用车 小计 printed one level deeper.
            int unprinted = (int) c.parents().stream().filter(p -> keys.stream().noneMatch(k -> HeaderMatcher.close(k, Labels.key(p)))).count();
            if (score > bestScore || score == bestScore && unprinted < bestUnprinted) {
                best = c.name(); bestScore = score; bestUnprinted = unprinted; tie = false;
            } else if (score == bestScore && unprinted == bestUnprinted) tie = true;
        }
        if (best == null) return null;
        return tie ? AMBIGUOUS : best;
    }

    /**
     * A header name set apart by OCR (上缴上级 | 支出, its characters spaced wide on an unruled page) falls into two grid
     * columns, neither naming a column: two neighbours, both unmatched, whose texts run together name exactly one
     * wanted column that no other grid column holds are that column. It is read from whichever of the two prints
     * values; they are joined only when the other prints none in the body, so no printed value is dropped. Likewise
     * a part that names nothing (上) beside the column its rest names (级补助收入), when together they are its name.
     */
    static List<Column> joinSplitHeaders(List<Column> cols, List<ColumnDef> candidates, List<RawRow> body) {
        List<Column> out = new ArrayList<>(cols);
        for (int i = 0; i + 1 < out.size(); i++) {
            Column a = out.get(i), b = out.get(i + 1);
            if (a.path().isEmpty() || b.path().isEmpty() || b.index() != a.index() + 1) continue;
            String joined = Labels.key(a.path().get(a.path().size() - 1) + b.path().get(b.path().size() - 1));
            Column part = a.role() == Role.UNMATCHED && b.role() == Role.VALUE ? a : b.role() == Role.UNMATCHED && a.role() == Role.VALUE ? b : null;
            if (part != null && !printsInBody(body, part.index())) {
                // a column named by most of its header (级补助收入) beside the part OCR set apart (上): the two texts
                // together are exactly its name
                Column whole = part == a ? b : a;
                boolean exactly = candidates.stream().filter(d -> d.name().equals(whole.canonical()))
                        .anyMatch(d -> joined.equals(Labels.key(d.name())) || d.aliases().stream().anyMatch(al -> joined.equals(Labels.key(al))));
                if (exactly) {
                    List<String> path = new ArrayList<>(a.path().subList(0, a.path().size() - 1));
                    path.add(a.path().get(a.path().size() - 1) + b.path().get(b.path().size() - 1));
                    out.set(out.indexOf(whole), new Column(whole.index(), Role.VALUE, whole.canonical(), path));
                    out.set(out.indexOf(part), new Column(part.index(), Role.NONE, null, part.path()));
                    i++;
                    continue;
                }
            }
            if (a.role() != Role.UNMATCHED || b.role() != Role.UNMATCHED) continue;
            Set<String> held = new LinkedHashSet<>();
            for (Column c : out) if (c.role() == Role.VALUE) held.add(c.canonical());
            List<ColumnDef> named = candidates.stream().filter(d -> !held.contains(d.name()))
                    .filter(d -> d.aliases().stream().anyMatch(al -> HeaderMatcher.close(joined, Labels.key(al)))
                            || HeaderMatcher.close(joined, Labels.key(d.name())))
                    .toList();
            if (named.size() != 1) continue;
            boolean aPrints = printsInBody(body, a.index()), bPrints = printsInBody(body, b.index());
            if (aPrints && bPrints) continue;
            Column keep = bPrints ? b : a, drop = bPrints ? a : b;
            List<String> path = new ArrayList<>(a.path().subList(0, a.path().size() - 1));
            path.add(a.path().get(a.path().size() - 1) + b.path().get(b.path().size() - 1));
            out.set(out.indexOf(keep), new Column(keep.index(), Role.VALUE, named.get(0).name(), path));
            out.set(out.indexOf(drop), new Column(drop.index(), Role.NONE, null, drop.path()));
            i++;
        }
        return out;
    }

    private static boolean printsInBody(List<RawRow> body, int col) {
        for (RawRow r : body) {
            if (col < r.cells().size() && !Labels.blank(r.cells().get(col).text())) return true;
        }
        return false;
    }

    /**
     * A value column whose header text OCR garbled, placed by elimination: exactly one wanted column
     * is held by no grid column and exactly one grid column with header text matches none, and either
     * that text holds most characters of the wanted column's name or an alias, in any order (a header
     * wrapped over several lines is read out of order), and fewer of every other candidate's, or the
     * text is unreadable (no Chinese, or some of the name's characters) and the column stands between
     * the two value columns the catalog order puts around the wanted one.
     */
    static List<Column> byElimination(List<Column> cols, List<ColumnDef> candidates) {
        cols = byMostOfTheirName(cols, candidates);
        Set<String> held = new LinkedHashSet<>();
        for (Column c : cols) if (c.role() == Role.VALUE) held.add(c.canonical());
        List<ColumnDef> missing = candidates.stream().filter(d -> !held.contains(d.name())).toList();
        List<Column> unmatched = cols.stream().filter(c -> c.role() == Role.UNMATCHED && !c.path().isEmpty()).toList();
        if (missing.size() != 1 || unmatched.size() != 1) return byPlace(cols, candidates);
        Column u = unmatched.get(0);
        String leaf = Labels.key(u.path().get(u.path().size() - 1));
        double want = overlap(leaf, missing.get(0));
        boolean byText = want >= 0.7;
        for (ColumnDef other : candidates) {
            if (other != missing.get(0) && overlap(leaf, other) >= want) byText = false;
        }
        // by place only when the text is OCR gibberish or part of the name, never another printed word (备注)
        boolean garbled = LabelText.han(leaf).isEmpty() || want >= 0.3;
        if (!byText && !(garbled && inCatalogPlace(cols, u, candidates, missing.get(0)))) return cols;
        List<Column> out = new ArrayList<>(cols);
        out.set(out.indexOf(u), new Column(u.index(), Role.VALUE, missing.get(0).name(), u.path()));
        return out;
    }

    /**
     * Where several wanted columns are held by none and several header texts are garbled (预算数/Dis i and
     * 预算数/公务用车购置及运行维护费/nit over the 合计 and 小计 of a 150-dpi 三公 table), each garbled text standing
     * between the two value columns the catalog puts around exactly one missing column, and alone there, is that column; repeated, since
     * one placed column is the neighbour that places the next. By place only, as {@link #byElimination} for one: the
     * table's identities then check what the columns hold.
     */
    private static List<Column> byPlace(List<Column> cols, List<ColumnDef> candidates) {
        List<Column> out = new ArrayList<>(cols);
        boolean placed = true;
        while (placed) {
            placed = false;
            Set<String> held = new LinkedHashSet<>();
            for (Column c : out) if (c.role() == Role.VALUE) held.add(c.canonical());
            for (Column u : List.copyOf(out)) {
                if (u.role() != Role.UNMATCHED || u.path().isEmpty()) continue;
                String leaf = Labels.key(u.path().get(u.path().size() - 1));
                List<ColumnDef> fits = candidates.stream()
                        .filter(d -> !held.contains(d.name()) && (LabelText.han(leaf).isEmpty() || overlap(leaf, d) >= 0.3))
                        .filter(d -> inCatalogPlace(out, u, candidates, d)).toList();
                if (fits.size() != 1 || !aloneBetweenValues(out, u)) continue;
                out.set(out.indexOf(u), new Column(u.index(), Role.VALUE, fits.get(0).name(), u.path()));
                held.add(fits.get(0).name());
                placed = true;
            }
        }
        return out;
    }

    /** No other unmatched header text stands between the value columns on either side of {@code u}. */
    private static boolean aloneBetweenValues(List<Column> cols, Column u) {
        int at = cols.indexOf(u);
        for (int step : new int[] {-1, 1}) {
            for (int i = at + step; i >= 0 && i < cols.size() && cols.get(i).role() != Role.VALUE; i += step) {
                if (cols.get(i).role() == Role.UNMATCHED && !cols.get(i).path().isEmpty()) return false;
            }
        }
        return true;
    }

    /**
     * Where several header texts are garbled (项目出 for 项目支出 beside 经营支出 read 'a= aa'), each text that holds
     * most of one wanted column's name (70%), more of it than of any other candidate's under the same upper header
     * texts (公务用车运行维PR under 预算数 is 预算数's), is that column; the one left may then be placed by elimination.
     */
    private static List<Column> byMostOfTheirName(List<Column> cols, List<ColumnDef> candidates) {
        Set<String> held = new LinkedHashSet<>();
        for (Column c : cols) if (c.role() == Role.VALUE) held.add(c.canonical());
        List<Column> out = new ArrayList<>(cols);
        for (Column u : cols) {
            if (u.role() != Role.UNMATCHED || u.path().isEmpty()) continue;
            String leaf = Labels.key(u.path().get(u.path().size() - 1));
            ColumnDef best = null;
            double want = 0;
            boolean tie = false;
            for (ColumnDef d : candidates) {
                if (!underItsParents(u, d)) continue;
                double o = overlap(leaf, d);
                if (o > want) { best = d; want = o; tie = false; } else if (o == want) tie = true;
            }
            if (best == null || tie || want < 0.7 || held.contains(best.name())) continue;
            held.add(best.name());
            out.set(out.indexOf(u), new Column(u.index(), Role.VALUE, best.name(), u.path()));
        }
        return out;
    }

    /** The grid column's upper header texts name each parent of the wanted column (预算数 for 预算数.公务用车运行维护费). */
    private static boolean underItsParents(Column u, ColumnDef d) {
        List<String> above = u.path().subList(0, u.path().size() - 1);
        for (String p : d.parents()) {
            if (above.stream().noneMatch(a -> HeaderMatcher.close(Labels.key(a), Labels.key(p)))) return false;
        }
        return true;
    }

    /**
     * Nothing is printed where the catalog puts a column the header names none for: its two neighbours in catalog
     * order are value columns of the grid with no column between them that prints in the body (OCR lost a wrapped
     * 附属单位上缴收入 heading, and the department printed nothing under it). Print there would have made a column of
     * its own, or two figures in a neighbour's cell, which is flagged there. A column at either end of the catalog
     * order is never known so.
     */
    static boolean nothingPrintedInItsPlace(List<Column> cols, List<ColumnDef> candidates, String missing, List<RawRow> body) {
        int w = -1;
        for (int i = 0; i < candidates.size(); i++) if (candidates.get(i).name().equals(missing)) w = i;
        if (w <= 0 || w + 1 >= candidates.size()) return false;
        Column before = valueColumn(cols, candidates.get(w - 1).name()), after = valueColumn(cols, candidates.get(w + 1).name());
        if (before == null || after == null || after.index() <= before.index()) return false;
        for (int c = before.index() + 1; c < after.index(); c++) if (printsInBody(body, c)) return false;
        return true;
    }

    private static Column valueColumn(List<Column> cols, String name) {
        return cols.stream().filter(c -> c.role() == Role.VALUE && name.equals(c.canonical())).findFirst().orElse(null);
    }

    /** The value columns printed just before and after {@code u} are the catalog's neighbours of {@code wanted} (or the edges). */
    private static boolean inCatalogPlace(List<Column> cols, Column u, List<ColumnDef> candidates, ColumnDef wanted) {
        int w = candidates.indexOf(wanted);
        String before = w > 0 ? candidates.get(w - 1).name() : null;
        String after = w + 1 < candidates.size() ? candidates.get(w + 1).name() : null;
        String printedBefore = null, printedAfter = null;
        int at = cols.indexOf(u);
        for (int i = at - 1; i >= 0; i--) if (cols.get(i).role() == Role.VALUE) { printedBefore = cols.get(i).canonical(); break; }
        for (int i = at + 1; i < cols.size(); i++) if (cols.get(i).role() == Role.VALUE) { printedAfter = cols.get(i).canonical(); break; }
        return java.util.Objects.equals(before, printedBefore) && java.util.Objects.equals(after, printedAfter) && candidates.size() > 1;
    }

    /** The best share of a column name's (or alias's) characters that the text holds, counted with repeats. */
    private static double overlap(String text, ColumnDef col) {
        double best = 0;
        List<String> names = new ArrayList<>(col.aliases());
        names.add(col.name());
        for (String n : names) {
            String k = Labels.key(n);
            if (k.length() < 4) continue;
            StringBuilder pool = new StringBuilder(text);
            int hits = 0;
            for (int i = 0; i < k.length(); i++) {
                int at = pool.indexOf(String.valueOf(k.charAt(i)));
                if (at >= 0) { hits++; pool.deleteCharAt(at); }
            }
            // extra characters in the text count against it, so a longer name does not match a shorter one
            best = Math.max(best, (double) hits / Math.max(k.length(), text.length() - 2));
        }
        return best;
    }

    /** Flags for the header as a whole: columns of the schema no grid column holds, header texts that name no column. */
    static List<Flag> headerFlags(List<Column> cols, List<String> wanted) {
        List<Flag> flags = new ArrayList<>();
        Set<String> held = new LinkedHashSet<>();
        for (Column c : cols) if (c.role() == Role.VALUE) held.add(c.canonical());
        List<String> missing = wanted.stream().filter(w -> !held.contains(w)).toList();
        if (!missing.isEmpty()) {
            flags.add(Flag.of(Cells.COLUMN_MISSING, "header names no column for " + missing));
        }
        for (Column c : cols) {
            if (c.role() == Role.UNMATCHED) {
                flags.add(Flag.of(Cells.HEADER_UNMATCHED, "column " + (c.index() + 1) + " headed "
                        + String.join("/", c.path()) + " matches no column of the schema, or several"));
            }
        }
        return flags;
    }

    /** The schema's columns this printing has: every required one, and the optional ones its header names. */
    static List<String> presentColumns(List<Column> cols, SchemaDef schema) {
        Set<String> held = new LinkedHashSet<>();
        for (Column c : cols) if (c.role() == Role.VALUE) held.add(c.canonical());
        return schema.columnNames().stream().filter(n -> !schema.optional(n) || held.contains(n)).toList();
    }

    /** Two grid columns claiming one canonical column: neither is trusted. */
    static List<Column> dropDuplicates(List<Column> cols) {
        List<Column> out = new ArrayList<>();
        for (Column c : cols) {
            boolean dup = c.role() == Role.VALUE && cols.stream()
                    .anyMatch(o -> o != c && o.role() == Role.VALUE && o.canonical().equals(c.canonical()));
            out.add(dup ? new Column(c.index(), Role.UNMATCHED, null, c.path()) : c);
        }
        return out;
    }

    /** Values printed in columns the header does not place: the row cannot be trusted to be complete. */
    static List<Flag> strayValues(RawRow row, List<Column> cols) {
        List<Flag> flags = new ArrayList<>();
        for (Column c : cols) {
            if (c.role() != Role.UNMATCHED && c.role() != Role.NONE) continue;
            String t = row.cells().get(c.index()).text();
            if (!Labels.blank(t)) {
                flags.add(Flag.of(Cells.HEADER_UNMATCHED, "'" + t.strip() + "' printed in column " + (c.index() + 1)
                        + (c.path().isEmpty() ? " which has no header" : " headed " + String.join("/", c.path()))
                        + " that the schema cannot place"));
            }
        }
        return flags;
    }

    /** True when the table's notes say it is empty on purpose (本表无数据, 本表为空表). */
    public static boolean emptyByNote(List<String> context) {
        if (context == null) return false;
        for (String c : context) {
            String k = Labels.key(c);
            if (k.contains("本表无数据") || k.contains("本表为空") || k.contains("故本表无") ) return true;
        }
        return false;
    }
}
