package reportingest.tables.tabula;

import reportingest.tables.TitleReading;

import java.util.List;

/**
 * What is printed around a table: the title (null when none), the form number (公开01表, 表3),
 * context lines (部门：…, 单位：万元) above and notes (注：…, 说明：…) below, and whether a
 * continuation marker (续表, （续）) says the table goes on from the previous page; {@code reading}: how sure OCR
 * is of the title's characters (null for a text layer).
 */
record Caption(String title, String formNo, List<String> context, List<String> notes, boolean continuation,
               TitleReading reading) {
    static final Caption NONE = new Caption(null, null, List.of(), List.of(), false);

    /** A caption whose title is no OCR reading (a text layer's, or none). */
    Caption(String title, String formNo, List<String> context, List<String> notes, boolean continuation) {
        this(title, formNo, context, notes, continuation, null);
    }
}
