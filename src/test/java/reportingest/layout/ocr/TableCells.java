package reportingest.layout.ocr;

import reportingest.layout.Page;
import reportingest.layout.Word;

import java.util.List;
import java.util.stream.Collectors;

/** Reads back what OCR put into each cell of {@link RuledTableScan}'s table, by word position. */
final class TableCells {
    private TableCells() {}

    /** Words whose centre lies in the cell (row 0 = header), joined left to right without spaces. */
    static String text(Page page, int row, int col) {
        return wordsIn(page, row, col).stream().map(Word::text).collect(Collectors.joining());
    }

    static List<Word> wordsIn(Page page, int row, int col) {
        return page.lines().stream().flatMap(l -> l.words().stream())
                .filter(w -> inside(w, row, col))
                .sorted(java.util.Comparator.comparingDouble(w -> w.bbox().x()))
                .toList();
    }

    static boolean inside(Word w, int row, int col) {
        double cx = w.bbox().x() + w.bbox().width() / 2, cy = w.bbox().y() + w.bbox().height() / 2;
        return cx > RuledTableScan.colLeftPt(col) && cx < RuledTableScan.colRightPt(col)
                && cy > RuledTableScan.rowTopPt(row) && cy < RuledTableScan.rowBottomPt(row);
    }

    static String expected(int row, int col) {
        return row == 0 ? RuledTableScan.HEADER.get(col) : RuledTableScan.ROWS.get(row - 1).get(col);
    }

    /** Cells read exactly, over all non-blank cells; {numbers right, numbers, labels right, labels}. */
    static int[] score(Page page) {
        int[] s = new int[4];
        for (int r = 0; r <= RuledTableScan.ROWS.size(); r++) {
            for (int c = 0; c < RuledTableScan.HEADER.size(); c++) {
                String want = expected(r, c);
                if (want.isEmpty()) continue;
                boolean numeric = want.matches("[0-9,.]+");
                int base = numeric ? 0 : 2;
                s[base + 1]++;
                if (want.equals(text(page, r, c))) s[base]++;
            }
        }
        return s;
    }
}
