package reportingest.tables.tabula;

import reportingest.layout.Page;
import reportingest.layout.TextLine;
import reportingest.tables.RawRow;
import technology.tabula.Cell;
import technology.tabula.Rectangle;
import technology.tabula.extractors.SpreadsheetExtractionAlgorithm;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Finds the tables of one page: Tabula's lattice (cells from the ruling lines) where the page has
 * rulings, our whitespace grid ({@link WhitespaceGrid}) where it has none or lattice finds nothing.
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
