package reportingest.tables.text;

import reportingest.layout.BBox;
import reportingest.layout.TextLine;
import reportingest.layout.Word;
import reportingest.reconcile.catalog.TextKey;
import reportingest.tables.RawCell;

import java.util.ArrayList;
import java.util.List;

/**
 * The cells of one text line as the recognizer sees them. Tab-separated words are taken as they
 * are; a line without tabs whose words are separated by runs of two or more spaces (space-aligned
 * OCR output) is split at those runs, every further two spaces of a run standing for one empty
 * cell, so that blank columns keep their position.
 */
record LineCells(int page, int lineNo, List<RawCell> cells, boolean leadingEmpty) {

    static LineCells of(int page, TextLine line, reportingest.layout.PageOrigin origin) {
        List<Word> words = line.words();
        List<RawCell> cells = new ArrayList<>();
        boolean spaceSplit = words.size() == 1 && words.get(0).text().contains("  ");
        if (spaceSplit) {
            Word w = words.get(0);
            int i = 0;
            for (String part : splitSpaceRuns(w.text())) {
                cells.add(new RawCell(part, 0, new BBox(i++, w.bbox().y(), 1, 1), w.confidence(), origin));
            }
        } else {
            for (Word w : words) cells.add(new RawCell(w.text(), 0, w.bbox(), w.confidence(), origin));
        }
        List<RawCell> paged = new ArrayList<>(cells.size());
        for (RawCell c : cells) paged.add(new RawCell(c.text(), page, c.bbox(), c.confidence(), c.origin()));
        // Only a tab marks the one-cell-per-line layout; leading spaces are indentation.
        boolean leadingEmpty = !spaceSplit && paged.size() >= 2 && paged.get(0).text().isEmpty();
        return new LineCells(page, line.lineNo(), paged, leadingEmpty);
    }

    /** Splits at runs of 2+ ASCII spaces; a run of n spaces is n/2 cell boundaries. */
    static List<String> splitSpaceRuns(String text) {
        List<String> parts = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == ' ') {
                int j = i;
                while (j < text.length() && text.charAt(j) == ' ') j++;
                int run = j - i;
                if (run >= 2) {
                    for (int k = 0; k < run / 2; k++) {
                        parts.add(cur.toString());
                        cur.setLength(0);
                    }
                } else {
                    cur.append(' ');
                }
                i = j;
            } else {
                cur.append(c);
                i++;
            }
        }
        parts.add(cur.toString());
        return parts;
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
