package reportingest.catalog;

import java.util.List;

/**
 * One side (收入 or 支出) of a two-sided summary table and the value columns that side prints. An
 * optional side is one only some printings have (Jiangsu's 支出用途 beside 支出 by function): when no
 * header column names it, the table has no lines on that side.
 */
public record SideDef(String side, List<String> columns, Boolean optional) {
    public SideDef {
        columns = columns == null ? List.of() : List.copyOf(columns);
        optional = optional != null && optional;
    }

    public SideDef(String side, List<String> columns) { this(side, columns, false); }
}
