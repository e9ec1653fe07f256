package reportingest.tables.text;

import reportingest.layout.TextLine;
import reportingest.layout.Word;
import reportingest.layout.text.SpaceAlignedCells;
import reportingest.catalog.TextKey;
import reportingest.tables.RawCell;

import java.util.ArrayList;
import java.util.List;

/**
 * The cells of one text line as the recognizer sees them: tab-separated words as they are, or the
 * cells of a space-aligned line ({@link SpaceAlignedCells}).
 */
record LineCells(int page, int lineNo, List<RawCell> cells, boolean leadingEmpty) {

    static LineCells of(int page, TextLine line, reportingest.layout.PageOrigin origin) {
        boolean spaceSplit = SpaceAlignedCells.applies(line);
        List<RawCell> cells = new ArrayList<>();
        for (Word w : SpaceAlignedCells.cells(line).words()) {
            cells.add(new RawCell(w.text(), page, w.bbox(), w.confidence(), origin));
        }
        // Only a tab marks the one-cell-per-line layout; leading spaces are indentation.
        boolean leadingEmpty = !spaceSplit && cells.size() >= 2 && cells.get(0).text().isEmpty();
        return new LineCells(page, line.lineNo(), cells, leadingEmpty);
    }

    /** A separator line: nothing printed on it. */
    boolean blank() {
        return cells.stream().allMatch(c -> TextKey.blank(c.text()));
    }

    /** The one-cell-per-line layout: a leading empty cell and exactly one cell after it. */
    boolean singleCellLine() {
        return leadingEmpty && cells.size() == 2;
    }

    /** Several non-blank cells on one line: a tab- or space-separated row. */
    boolean multiCellLine() {
        return cells.stream().filter(c -> !TextKey.blank(c.text())).count() >= 2;
    }

    String joined() {
        StringBuilder sb = new StringBuilder();
        for (RawCell c : cells) {
            if (TextKey.blank(c.text())) continue;
            if (sb.length() > 0) sb.append(' ');
            sb.append(c.text().strip());
        }
        return sb.toString();
    }
}
