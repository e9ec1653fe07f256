package reportingest.catalog;

import java.util.List;

/**
 * An identity between tables of one document, as data. Kinds: equal (left = right[0], two printings
 * of one figure), sum (left = Σ right), at_least (left ≥ right[0]), lines_match_classes (each line of
 * {@code lines} equals the level-3 row of {@code rows} with the same name), rows_by_code (the rows
 * of left's and right[0]'s tables with the same code agree, column pairs from {@code columns}).
 * {@code when} restricts the identity to documents where it holds. {@code tolerance}, when set, is how
 * far two printings may differ (figures converted to 万元 separately can differ in the last digit).
 */
public record CrossIdentityDef(String id, String kind, String description, CellSelector left,
                               List<CellSelector> right, CellSelector lines, CellSelector rows,
                               List<List<String>> columns, ConditionDef when, java.math.BigDecimal tolerance) {
    public CrossIdentityDef {
        right = right == null ? List.of() : List.copyOf(right);
        columns = columns == null ? List.of() : List.copyOf(columns);
    }
}
