package reportingest.reconcile.fin;

import reportingest.layout.BBox;
import reportingest.layout.PageOrigin;
import reportingest.tables.RawCell;
import reportingest.tables.RawRow;
import reportingest.tables.RawTable;

import java.util.ArrayList;
import java.util.List;

/** Raw tables as OCR hands them over (page 1, a 60 x 20 pt box per cell, confidence 95), for reconciler tests. */
final class OcrTables {
    private OcrTables() {}

    static String[] row(String... cells) {
        return cells;
    }

    static RawTable table(String title, String[]... rows) {
        List<RawRow> out = new ArrayList<>();
        for (int i = 0; i < rows.length; i++) {
            List<RawCell> cells = new ArrayList<>();
            for (int j = 0; j < rows[i].length; j++) {
                cells.add(new RawCell(rows[i][j], 1, new BBox(50 + 60 * j, 100 + 20 * i, 60, 20), 95.0, PageOrigin.OCR));
            }
            out.add(new RawRow(cells));
        }
        return new RawTable(title, null, List.of(), out, 1, 1, false);
    }
}
