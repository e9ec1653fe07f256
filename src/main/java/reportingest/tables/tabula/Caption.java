package reportingest.tables.tabula;

import java.util.List;

/**
 * What is printed around a table: the title (null when none), the form number (公开01表, 表3),
 * context lines (部门：…, 单位：万元) above and notes (注：…, 说明：…) below, and whether a
 * continuation marker (续表, （续）) says the table goes on from the previous page.
 */
record Caption(String title, String formNo, List<String> context, List<String> notes, boolean continuation) {
    static final Caption NONE = new Caption(null, null, List.of(), List.of(), false);
}
