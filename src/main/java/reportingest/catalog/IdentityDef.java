package reportingest.catalog;

import java.util.List;

/**
 * An arithmetic identity that validation checks, as data: row_sum (total column = Σ part columns),
 * hierarchy_sum (parent code = Σ child codes at the given code lengths), total_row, side_sum,
 * sides_equal, group_total, row_balance. Parts starting with '@' are symbolic selectors.
 */
public record IdentityDef(String kind, String side, String total, List<String> parts, List<Integer> levels,
                          String description) {
    public IdentityDef {
        parts = parts == null ? List.of() : List.copyOf(parts);
        levels = levels == null ? List.of() : List.copyOf(levels);
    }
}
