package reportingest.tables.tabula;

import reportingest.layout.BBox;
import reportingest.layout.Page;
import reportingest.layout.PageOrigin;
import reportingest.layout.TextLine;
import reportingest.layout.Word;
import reportingest.tables.RawCell;
import reportingest.tables.RawRow;
import technology.tabula.Cell;
import technology.tabula.Rectangle;
import technology.tabula.RectangularTextContainer;
import technology.tabula.Table;
import technology.tabula.TextElement;
import technology.tabula.extractors.BasicExtractionAlgorithm;
import technology.tabula.extractors.SpreadsheetExtractionAlgorithm;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Finds the tables of one page with Tabula: lattice (cells from the ruling lines) where the page
 * has rulings, stream (columns from text alignment) where it has none or lattice finds nothing.
 * Lattice cells take their text from our own words (by the word's centre), so that fullwidth
 * punctuation survives (Tabula's own text is NFKC-normalised) and a cell's wrapped lines are one
 * text. Rows come out as full grids: spanned and empty positions are empty cells with the box of
 * their grid position.
 */
final class PageTables {
    /** Stream tables on pages without rulings must look like tables, not paragraphs. */
    private static final int MIN_STREAM_ROWS = 3;
    private static final Pattern NUMBER = Pattern.compile("^[-+(（]?[0-9０-９][0-9０-９,，.．]*[)）%]?$");

    private PageTables() {}

    /** The page's tables, top to bottom, without captions. */
    static List<Fragment> find(Page page) {
        if (page.lines().isEmpty()) return List.of();
        TabulaPages.Built built = TabulaPages.of(page);
        List<Fragment> found = new ArrayList<>();
        if (!page.rulings().isEmpty()) {
            // Tabula's lattice steps (snapped, collapsed rulings; cells; table areas), laid out by LatticeGrid.
            technology.tabula.Page tp = built.page();
            List<Cell> cells = SpreadsheetExtractionAlgorithm.findCells(tp.getHorizontalRulings(), tp.getVerticalRulings());
            for (Rectangle area : SpreadsheetExtractionAlgorithm.findSpreadsheetsFromCells(cells)) {
                Fragment f = LatticeGrid.build(page, area, cells);
                if (f != null && f.columnLefts().size() >= 2 && !f.rows().isEmpty()) found.add(f);
            }
        }
        if (found.isEmpty()) {
            // Unruled: our own whitespace grid (columns from body words and header leaves), not
            // Tabula stream, whose columns come from every line alike and lose empty columns.
            for (List<TextLine> lines : StreamAreas.tables(page)) {
                Fragment f = WhitespaceGrid.build(page, lines);
                if (f != null && looksTabular(f)) found.add(f);
            }
        }
        found.sort(Comparator.comparingDouble(f -> f.box().y()));
        List<Fragment> out = new ArrayList<>();
        for (int i = 0; i < found.size(); i++) {
            Fragment f = found.get(i);
            out.add(new Fragment(f.page(), f.box(), f.columnLefts(), f.rows(), f.caption(), f.lattice(),
                    i == 0, i == found.size() - 1));
        }
        return out;
    }

    private static Fragment fragment(Page page, Table t, boolean lattice, Map<TextElement, Word> wordOf) {
        List<List<RectangularTextContainer>> grid = t.getRows();
        if (grid.isEmpty()) return null;
        int cols = grid.stream().mapToInt(List::size).max().orElse(0);
        if (cols == 0) return null;
        double[] colLeft = new double[cols + 1];
        double[] rowTop = new double[grid.size() + 1];
        java.util.Arrays.fill(colLeft, Double.NaN);
        java.util.Arrays.fill(rowTop, Double.NaN);
        for (int i = 0; i < grid.size(); i++) {
            for (int j = 0; j < grid.get(i).size(); j++) {
                RectangularTextContainer c = grid.get(i).get(j);
                if (!real(c)) continue;
                colLeft[j] = Double.isNaN(colLeft[j]) ? c.getLeft() : Math.min(colLeft[j], c.getLeft());
                rowTop[i] = Double.isNaN(rowTop[i]) ? c.getTop() : Math.min(rowTop[i], c.getTop());
            }
        }
        colLeft[cols] = t.getRight();
        rowTop[grid.size()] = t.getBottom();
        fillGaps(colLeft, t.getLeft());
        fillGaps(rowTop, t.getTop());

        List<RectangularTextContainer> realCells = new ArrayList<>();
        for (List<RectangularTextContainer> r : grid) for (RectangularTextContainer c : r) if (real(c)) realCells.add(c);
        Map<RectangularTextContainer, List<Word>> cellWords = lattice
                ? wordsByCentre(page, realCells)
                : wordsOfChunks(realCells, wordOf);

        List<RawRow> rows = new ArrayList<>();
        for (int i = 0; i < grid.size(); i++) {
            List<RawCell> cells = new ArrayList<>(cols);
            for (int j = 0; j < cols; j++) {
                RectangularTextContainer c = j < grid.get(i).size() ? grid.get(i).get(j) : null;
                if (c != null && real(c)) {
                    List<Word> words = cellWords.getOrDefault(c, List.of());
                    cells.add(new RawCell(CellText.join(words), page.number(),
                            new BBox(c.getLeft(), c.getTop(), c.getWidth(), c.getHeight()),
                            confidence(words, page.origin()), page.origin()));
                } else {
                    cells.add(new RawCell("", page.number(),
                            new BBox(colLeft[j], rowTop[i], colLeft[j + 1] - colLeft[j], rowTop[i + 1] - rowTop[i]),
                            confidence(List.of(), page.origin()), page.origin()));
                }
            }
            rows.add(new RawRow(cells));
        }
        List<Double> lefts = new ArrayList<>();
        for (int j = 0; j < cols; j++) lefts.add(colLeft[j]);
        BBox box = new BBox(t.getLeft(), t.getTop(), t.getWidth(), t.getHeight());
        return new Fragment(page.number(), box, lefts, rows, Caption.NONE, lattice, false, false);
    }

    private static boolean real(RectangularTextContainer c) {
        return c != null && c.getWidth() > 0 && c.getHeight() > 0;
    }

    /** Positions no real cell starts at take the previous position (or the table's edge). */
    private static void fillGaps(double[] edges, double start) {
        double last = start;
        for (int i = 0; i < edges.length; i++) {
            if (Double.isNaN(edges[i])) edges[i] = last;
            last = edges[i];
        }
    }

    private static Map<RectangularTextContainer, List<Word>> wordsByCentre(Page page, List<RectangularTextContainer> cells) {
        Map<RectangularTextContainer, List<Word>> out = new java.util.IdentityHashMap<>();
        for (TextLine line : page.lines()) {
            for (Word w : line.words()) {
                if (w.text().isBlank()) continue;
                double cx = w.bbox().x() + w.bbox().width() / 2;
                double cy = w.bbox().y() + w.bbox().height() / 2;
                for (RectangularTextContainer c : cells) {
                    if (cx >= c.getLeft() && cx <= c.getRight() && cy >= c.getTop() && cy <= c.getBottom()) {
                        out.computeIfAbsent(c, k -> new ArrayList<>()).add(w);
                        break;
                    }
                }
            }
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Map<RectangularTextContainer, List<Word>> wordsOfChunks(List<RectangularTextContainer> cells,
                                                                           Map<TextElement, Word> wordOf) {
        Map<RectangularTextContainer, List<Word>> out = new java.util.IdentityHashMap<>();
        for (RectangularTextContainer c : cells) {
            List<Word> words = new ArrayList<>();
            collect(c.getTextElements(), wordOf, words);
            out.put(c, words);
        }
        return out;
    }

    /** Stream cells hold text chunks, which hold the text elements we made from words. */
    private static void collect(List<?> elements, Map<TextElement, Word> wordOf, List<Word> into) {
        if (elements == null) return;
        for (Object o : elements) {
            if (o instanceof TextElement te) {
                Word w = wordOf.get(te);
                if (w != null && !into.contains(w)) into.add(w);
            } else if (o instanceof RectangularTextContainer<?> inner) {
                collect(inner.getTextElements(), wordOf, into);
            }
        }
    }

    private static double confidence(List<Word> words, PageOrigin origin) {
        if (words.isEmpty()) return 100.0;
        return words.stream().mapToDouble(Word::confidence).min().orElse(100.0);
    }

    private static boolean looksTabular(Fragment f) {
        if (f.columnLefts().size() < 2) return false;
        int multi = 0;
        int numeric = 0;
        for (RawRow r : f.rows()) {
            long filled = r.cells().stream().filter(c -> !c.text().isBlank()).count();
            if (filled >= 2) multi++;
            if (filled >= 2 && r.cells().stream().anyMatch(c -> NUMBER.matcher(c.text().strip()).matches())) numeric++;
        }
        // An empty table (header and 合计 only) prints no number; its header rows still have several cells.
        return numeric >= 1 ? multi >= MIN_STREAM_ROWS : multi >= 2 && multi >= f.rows().size() - 1;
    }
}
