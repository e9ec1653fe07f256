package reportingest.reconcile.performance;

import reportingest.layout.PageOrigin;
import reportingest.layout.TextLine;
import reportingest.layout.Word;

import java.util.ArrayList;
import java.util.List;

/** One printed line with its page, addressed by cell position (merged cells arrive as empty cells). */
record SourceRow(int page, PageOrigin origin, TextLine line) {

    int size() { return line.words().size(); }

    /** The word at a cell position, or null past the end of the line. */
    Word word(int i) {
        return i >= 0 && i < size() ? line.words().get(i) : null;
    }

    String text(int i) {
        Word w = word(i);
        return w == null ? "" : w.text();
    }

    boolean filled(int i) { return !CellText.isBlank(text(i)); }

    boolean isBlank() { return firstFilled() < 0; }

    /** More than one cell: a table row rather than running text. */
    boolean isTabular() { return size() > 1; }

    int firstFilled() { return nextFilled(0); }

    int nextFilled(int from) {
        for (int i = Math.max(0, from); i < size(); i++) {
            if (filled(i)) return i;
        }
        return -1;
    }

    List<Integer> filledPositions() {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < size(); i++) if (filled(i)) out.add(i);
        return out;
    }

    /** Filled cells at or after {@code from} that are all non-numeric (a header or caption row). */
    boolean onlyWordsFrom(int from) {
        boolean any = false;
        for (int i = from; i < size(); i++) {
            if (!filled(i)) continue;
            if (CellText.isNumeric(text(i))) return false;
            any = true;
        }
        return any;
    }

    boolean anyNumberFrom(int from) {
        for (int i = from; i < size(); i++) {
            if (filled(i) && CellText.isNumeric(text(i))) return true;
        }
        return false;
    }
}
