package reportingest.tables;

import reportingest.layout.BBox;
import reportingest.layout.PageOrigin;

import java.util.ArrayList;
import java.util.List;

/**
 * Raw tables written as text for reconcile and validate tests: one string a row, cells split on
 * '|', laid out as a recognizer hands them over (rows of equal width, a spanning cell's text at its
 * top-left, 10-unit cells).
 */
public final class RawGrids {
    private RawGrids() {}

    public static List<RawRow> rows(PageOrigin origin, double confidence, String... rows) {
        List<RawRow> out = new ArrayList<>();
        int y = 0;
        for (String r : rows) {
            List<RawCell> cells = new ArrayList<>();
            int x = 0;
            for (String c : r.split("\\|", -1)) cells.add(new RawCell(c.strip(), 1, new BBox(x++ * 10, y, 10, 10), confidence, origin));
            out.add(new RawRow(cells));
            y += 10;
        }
        return out;
    }

    /** A table as an OCR'd scan gives it (confidence 90). */
    public static RawTable ocr(String title, String... rows) {
        return new RawTable(title, null, List.of(), rows(PageOrigin.OCR, 90.0, rows), 1, 1, false);
    }

    /** A table as a born-digital text layer gives it. */
    public static RawTable textLayer(String title, List<String> context, String... rows) {
        return new RawTable(title, null, context, rows(PageOrigin.TEXT_LAYER, 100.0, rows), 1, 1, false);
    }
}
