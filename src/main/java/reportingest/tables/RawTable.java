package reportingest.tables;

import java.util.List;

/**
 * A table found on one or more pages: the title and form number printed above it, the lines
 * around it (部门, 单位：万元, 注：…) and its rows, header rows included.
 * {@code continued} is true when it was stitched from parts on consecutive pages; {@code titleReading}
 * says which characters of an OCR'd title nothing vouches for (null for a text layer's title, or none).
 */
public record RawTable(String title, String formNo, List<String> context, List<RawRow> rows,
                       int pageFrom, int pageTo, boolean continued, TitleReading titleReading) {
    public RawTable(String title, String formNo, List<String> context, List<RawRow> rows, int pageFrom, int pageTo,
                    boolean continued) {
        this(title, formNo, context, rows, pageFrom, pageTo, continued, null);
    }

    /** The same table under another reading of its title (the book's contents list's). */
    public RawTable withTitle(String newTitle, TitleReading reading) {
        return new RawTable(newTitle, formNo, context, rows, pageFrom, pageTo, continued, reading);
    }

    /** The same table with its title's reading (after other readings of the book confirmed some of its characters). */
    public RawTable withTitleReading(TitleReading reading) {
        return new RawTable(title, formNo, context, rows, pageFrom, pageTo, continued, reading);
    }
}
