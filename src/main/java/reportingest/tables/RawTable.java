package reportingest.tables;

import java.util.List;

/**
 * A table found on one or more pages: the title and form number printed above it, the lines
 * around it (部门, 单位：万元, 注：…) and its rows, header rows included.
 * {@code continued} is true when it was stitched from parts on consecutive pages.
 */
public record RawTable(String title, String formNo, List<String> context, List<RawRow> rows,
                       int pageFrom, int pageTo, boolean continued) {}
