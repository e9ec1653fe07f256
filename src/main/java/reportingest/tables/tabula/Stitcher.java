package reportingest.tables.tabula;

import reportingest.layout.BBox;
import reportingest.tables.RawCell;
import reportingest.tables.RawRow;
import reportingest.tables.RawTable;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Joins tables continued over a page break. A fragment continues the previous table when it is
 * the first table of the next page, the previous one was the last of its page and ended without a
 * note, it brings no new title (none, a 续表 marker, or the same title again), and its columns
 * line up with the previous table's. Header rows repeated on the new page are dropped, and a row
 * cut by the break (its first cell empty, no amount on both sides) is joined to the row before.
 */
final class Stitcher {
    /** Header rows are looked for among the first rows of a table. */
    private static final int HEADER_ROWS = 8;
    /** How far (points) a page's margin may move a continued table sideways against the page before. */
    private static final double MARGIN_SHIFT = 36;
    /** 十四、, （三）, 3., 2080505 (a subject code) at the start of a cell. */
    private static final Pattern ITEM_START = Pattern.compile("^(?:[一二三四五六七八九十百]+[、.．]|[（(][一二三四五六七八九十\\d]+[)）]|\\d+[、.．](?!\\d)|\\d{3,}\\b)");
    private static final Pattern AMOUNT = Pattern.compile("^[-+(（]?[0-9０-９][0-9０-９,，.．]*[)）%]?$");

    private Stitcher() {}

    static List<RawTable> stitch(List<Fragment> fragments) {
        List<RawTable> out = new ArrayList<>();
        Chain chain = null;
        for (Fragment f : fragments) {
            if (chain != null && continues(chain, f)) {
                chain.add(f);
                continue;
            }
            if (chain != null) out.add(chain.table());
            chain = new Chain(f);
        }
        if (chain != null) out.add(chain.table());
        return out;
    }

    private static boolean continues(Chain chain, Fragment f) {
        Fragment last = chain.last;
        if (f.page() != last.page() + 1 || !f.firstOnPage() || !last.lastOnPage()) return false;
        if (!last.caption().notes().isEmpty()) return false;
        Caption c = f.caption();
        boolean sameTitle = c.title() != null && chain.first.caption().title() != null
                && CaptionText.base(c.title()).equals(CaptionText.base(chain.first.caption().title()));
        if (c.title() != null && !c.continuation() && !sameTitle) return false;
        return columnMap(chain.reference(), f) != null;
    }

    /** For each column of {@code next}, the matching column of {@code prev}; null when they do not line up. */
    static int[] columnMap(Fragment prev, Fragment next) {
        double tol = Math.max(4.0, 0.012 * Math.max(prev.box().width(), next.box().width()));
        List<Double> a = prev.columnLefts();
        List<Double> b = next.columnLefts();
        if (Math.abs(prev.box().x() - next.box().x()) <= tol && Math.abs(prev.box().right() - next.box().right()) <= tol) {
            int[] m = map(a, b, 0, tol);
            // unruled parts in the same box with as many columns: a part whose header is not repeated (or not read
            // as one) has its separators for column positions, the part before its headers' centres; each centre
            // must then fall between the separators of its column
            if (m == null && !prev.lattice() && !next.lattice() && a.size() == b.size() && centresWithin(a, b, next.box().right())) {
                m = java.util.stream.IntStream.range(0, b.size()).toArray();
            }
            return m;
        }
        // An unruled part without a header has its columns where its text is: its column positions are separators,
        // not the header's centres, and columns that print nothing on it (the last ones, often) are not there at all.
        // Each of its columns continues the column of the part before whose span holds its middle.
        // A part of a line or two (a table's last line spilled onto the next page) may start right of the table's
        // left edge (a 合计 label centred over the code and name columns): it only needs to lie within the table.
        boolean spill = next.rows().size() <= 2 && next.box().x() >= prev.box().x() - tol && next.box().right() <= prev.box().right() + tol;
        if (!prev.lattice() && !next.lattice() && (Math.abs(prev.box().x() - next.box().x()) <= tol || spill)) {
            int[] bySpan = spanMap(prev, next);
            if (bySpan != null) return bySpan;
        }
        // The same columns moved sideways: a book's odd and even pages have their own margins, and the outer edges of
        // a label column or an unruled last column follow their text. The second column tells the shift.
        if (a.size() < 2 || b.size() != a.size()) return null;
        double shift = b.get(1) - a.get(1);
        if (Math.abs(shift) > MARGIN_SHIFT) return null;
        return map(a, b, shift, tol);
    }

    /** Each position of {@code a} lies between separator {@code b[j]} and the next one (or the right edge). */
    private static boolean centresWithin(List<Double> a, List<Double> b, double right) {
        for (int j = 0; j < a.size(); j++) {
            double hi = j + 1 < b.size() ? b.get(j + 1) : right;
            if (a.get(j) < b.get(j) || a.get(j) > hi) return false;
        }
        return true;
    }

    private static int[] spanMap(Fragment prev, Fragment next) {
        if (prev.rows().isEmpty() || next.rows().isEmpty()) return null;
        List<RawCell> a = prev.rows().get(prev.rows().size() - 1).cells();
        List<RawCell> b = next.rows().get(0).cells();
        if (b.size() > a.size()) return null;
        int[] map = new int[b.size()];
        int from = 0;
        for (int j = 0; j < b.size(); j++) {
            double mid = b.get(j).bbox().x() + b.get(j).bbox().width() / 2;
            int match = -1;
            // two of its columns may fall in one span: a label its few rows set apart at a wide glyph gap (政府 | 性基金…)
            int first = j == 0 ? 0 : map[j - 1];
            for (int k = first; k < a.size(); k++) {
                BBox s = a.get(k).bbox();
                if (mid >= s.x() && mid <= s.right()) { match = k; break; }
            }
            // a column of a few rows spans the blank columns beside its text, so its middle may lie in a label column
            // before it: a column of figures continues the column of figures its span overlaps, not a label column
            if (match >= 0 && figures(next, j) && !figures(prev, match)) {
                BBox span = b.get(j).bbox();
                for (int k = match + 1; k < a.size(); k++) {
                    BBox s = a.get(k).bbox();
                    if (s.x() >= span.right()) break;
                    if (figures(prev, k)) { match = k; break; }
                }
            }
            if (match < 0) return null;
            map[j] = match;
            from = match + 1;
        }
        return map;
    }

    /** Whether the column's printed cells on this part are figures (amounts, line numbers) rather than text. */
    private static boolean figures(Fragment f, int column) {
        int numbers = 0, texts = 0;
        for (RawRow r : f.rows()) {
            if (column >= r.cells().size()) continue;
            String t = r.cells().get(column).text().strip();
            if (t.isEmpty()) continue;
            if (amount(t)) numbers++;
            else texts++;
        }
        return numbers > texts;
    }

    private static int[] map(List<Double> a, List<Double> b, double shift, double tol) {
        if (b.size() > a.size()) return null;
        int[] map = new int[b.size()];
        int from = 0;
        for (int j = 0; j < b.size(); j++) {
            int match = -1;
            // the first column holds the row labels: its left edge is the least indented label's on that page
            if (j == 0 && a.size() >= 2 && b.size() >= 2 && b.get(0) < a.get(1) + shift - tol) match = 0;
            for (int k = from; k < a.size() && match < 0; k++) {
                if (Math.abs(a.get(k) + shift - b.get(j)) <= tol) { match = k; break; }
            }
            if (match < 0) return null;
            map[j] = match;
            from = match + 1;
        }
        return map;
    }

    /** The fragments of one table so far. */
    private static final class Chain {
        final Fragment first;
        Fragment last;
        /** For each column of {@code last} (of {@code full}), the column of the table so far it continues. */
        int[] lastColumns;
        int[] fullColumns;
        final List<RawRow> rows;
        final Set<String> headerKeys = new HashSet<>();
        final List<RawRow> headerRows = new ArrayList<>();

        /** The last part with every column of the table: a page whose last column prints nothing may lack it. */
        Fragment full;

        Chain(Fragment f) {
            first = f;
            last = f;
            full = f;
            rows = new ArrayList<>(f.rows());
            lastColumns = java.util.stream.IntStream.range(0, rows.isEmpty() ? f.columnLefts().size() : rows.get(0).cells().size()).toArray();
            fullColumns = lastColumns;
            for (int i = 0; i < Math.min(HEADER_ROWS, f.rows().size()); i++) {
                headerKeys.add(key(f.rows().get(i)));
                headerRows.add(f.rows().get(i));
            }
        }

        /**
         * A header row repeated on a new page as OCR read it there: no amount in it, at least two of its printed cells
         * the same as those of one of the first page's header rows in the same columns, and each other printed cell
         * a misreading of that row's cell (a few edits: one page reads 占调整后预算%, the other 后预算%), not another
         * text (a form's 项目名称 | 就业援助基地补贴 row is no header of the next page's 项目名称 | 社区环境整治和建设经费).
         */
        boolean repeatedHeader(RawRow r) {
            if (headerKeys.contains(key(r))) return true;
            if (r.cells().stream().anyMatch(c -> amount(c.text()))) return false;
            for (RawRow h : headerRows) {
                int same = 0;
                boolean misread = true;
                for (int j = 0; j < r.cells().size() && misread; j++) {
                    String a = CaptionText.compact(r.cells().get(j).text());
                    if (a.isEmpty()) continue;
                    String b = j < h.cells().size() ? CaptionText.compact(h.cells().get(j).text()) : "";
                    if (a.equals(b)) same++;
                    else misread = !b.isEmpty() && reportingest.catalog.EditDistance.within(a, b, 3) <= Math.min(3, Math.max(a.length(), b.length()) / 2);
                }
                if (misread && same >= 2) return true;
            }
            return false;
        }

        /** The part the next one's columns are matched with: the last, unless it lacks columns the table has. */
        Fragment reference() {
            return last.columnLefts().size() < full.columnLefts().size() ? full : last;
        }

        void add(Fragment f) {
            // the new page's columns line up with a page before's (the last, unless it lacks columns the table has),
            // whose columns are those of the table so far only through that page's own map (a page whose grid lacks a
            // sliver column the first page has)
            Fragment ref = reference();
            int[] refColumns = ref == last ? lastColumns : fullColumns;
            int[] toRef = columnMap(ref, f);
            int[] map = new int[toRef.length];
            for (int j = 0; j < toRef.length; j++) map[j] = refColumns[toRef[j]];
            int width = rows.isEmpty() ? f.columnLefts().size() : rows.get(0).cells().size();
            List<RawRow> incoming = new ArrayList<>();
            for (RawRow r : f.rows()) incoming.add(widen(r, map, width));
            int skip = 0;
            while (skip < incoming.size() && !blank(incoming.get(skip)) && repeatedHeader(incoming.get(skip))) skip++;
            incoming = incoming.subList(skip, incoming.size());
            if (!incoming.isEmpty() && !rows.isEmpty() && cutByBreak(rows.get(rows.size() - 1), incoming.get(0))) {
                rows.set(rows.size() - 1, join(rows.get(rows.size() - 1), incoming.get(0)));
                incoming = incoming.subList(1, incoming.size());
            }
            rows.addAll(incoming);
            if (f.columnLefts().size() >= full.columnLefts().size()) {
                full = f;
                fullColumns = map;
            }
            last = f;
            lastColumns = map;
        }

        RawTable table() {
            Caption c = first.caption();
            List<String> context = new ArrayList<>(c.context());
            if (last != first) context.addAll(last.caption().notes());
            String title = c.title() == null ? null : c.title();
            return new RawTable(title, c.formNo(), context, List.copyOf(rows), first.page(), last.page(), last != first,
                    c.reading());
        }
    }

    /** Places the cells of a continuation row under the columns of the first part. */
    private static RawRow widen(RawRow r, int[] map, int width) {
        if (map.length == width && isIdentity(map)) return r;
        RawCell[] cells = new RawCell[width];
        for (int j = 0; j < r.cells().size() && j < map.length; j++) {
            RawCell c = r.cells().get(j), before = cells[map[j]];
            cells[map[j]] = before == null || c.text().isBlank() ? (before == null ? c : before) : joined(before, c);
        }
        RawCell any = r.cells().get(0);
        for (int k = 0; k < width; k++) {
            if (cells[k] == null) {
                BBox b = any.bbox();
                cells[k] = new RawCell("", any.page(), new BBox(b.x(), b.y(), 0, b.height()), 100.0, any.origin());
            }
        }
        return new RawRow(List.of(cells));
    }

    /** Two cells of one row that continue one column: their texts in reading order, their boxes as one. */
    private static RawCell joined(RawCell a, RawCell b) {
        if (a.text().isBlank()) return b;
        StringBuilder sb = new StringBuilder(a.text());
        CellText.append(sb, b.text());
        BBox x = a.bbox(), y = b.bbox();
        double left = Math.min(x.x(), y.x()), top = Math.min(x.y(), y.y());
        BBox box = new BBox(left, top, Math.max(x.right(), y.right()) - left, Math.max(x.y() + x.height(), y.y() + y.height()) - top);
        return new RawCell(sb.toString(), a.page(), box, Math.min(a.confidence(), b.confidence()), a.origin());
    }

    private static boolean isIdentity(int[] map) {
        for (int i = 0; i < map.length; i++) if (map[i] != i) return false;
        return true;
    }

    /**
     * A row cut by the break: the part on the new page has no first cell, and nothing in it starts
     * an item of its own (an amount, a code or an enumerator such as 十四、 where the row above
     * also has text), nor stands under an amount or a blank cell of the row above.
     */
    private static boolean cutByBreak(RawRow prev, RawRow next) {
        if (next.cells().isEmpty() || !next.cells().get(0).text().isBlank() || blank(next)) return false;
        for (int j = 0; j < Math.min(prev.cells().size(), next.cells().size()); j++) {
            String a = prev.cells().get(j).text().strip();
            String b = next.cells().get(j).text().strip();
            if (!a.isEmpty() && (amount(b) || ITEM_START.matcher(b).find())) return false;
            // a printed figure does not run on over the break: text under it on the new page is another row's
            if (amount(a) && !b.isEmpty()) return false;
            // nor does a blank cell: a text under it is a row of its own (人员经费合计 under the blank left side of a
            // two-sided table's last row)
            if (a.isEmpty() && !b.isEmpty() && !amount(b)) return false;
        }
        return true;
    }

    private static RawRow join(RawRow a, RawRow b) {
        List<RawCell> cells = new ArrayList<>();
        for (int j = 0; j < a.cells().size(); j++) {
            RawCell x = a.cells().get(j);
            RawCell y = j < b.cells().size() ? b.cells().get(j) : null;
            if (y == null || y.text().isBlank()) {
                cells.add(x);
            } else if (x.text().isBlank()) {
                cells.add(y);
            } else {
                StringBuilder sb = new StringBuilder(x.text());
                CellText.append(sb, y.text());
                cells.add(new RawCell(sb.toString(), x.page(), x.bbox(), Math.min(x.confidence(), y.confidence()), x.origin()));
            }
        }
        return new RawRow(cells);
    }

    private static boolean amount(String s) {
        return AMOUNT.matcher(s.strip()).matches();
    }

    private static boolean blank(RawRow r) {
        return r.cells().stream().allMatch(c -> c.text().isBlank());
    }

    private static String key(RawRow r) {
        StringBuilder sb = new StringBuilder();
        for (RawCell c : r.cells()) sb.append(CaptionText.compact(c.text())).append('|');
        return sb.toString();
    }
}
