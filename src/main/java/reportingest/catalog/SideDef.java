package reportingest.catalog;

import java.util.List;

/** One side (收入 or 支出) of a two-sided summary table and the value columns that side prints. */
public record SideDef(String side, List<String> columns) {
    public SideDef {
        columns = columns == null ? List.of() : List.copyOf(columns);
    }
}
