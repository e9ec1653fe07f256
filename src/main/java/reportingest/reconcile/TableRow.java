package reportingest.reconcile;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A reconciled row. {@code key} holds the row's key fields in export order, exactly as the
 * ground-truth format names them: side/item/line_no, code/name (+group), or label/kind/section/
 * parent/parent_column. {@code cells} maps canonical column names to values, in column order.
 */
public record TableRow(Map<String, Object> key, Map<String, CellValue> cells, RowStatus status, List<Flag> flags) {
    public TableRow {
        key = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(key));
        cells = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(cells));
        flags = List.copyOf(flags);
    }
}
