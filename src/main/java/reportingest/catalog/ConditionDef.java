package reportingest.catalog;

import java.util.List;

/** When an identity applies: every selected cell blank or zero, and every pair of cells equal. */
public record ConditionDef(List<CellSelector> blank, List<List<CellSelector>> equal) {
    public ConditionDef {
        blank = blank == null ? List.of() : List.copyOf(blank);
        equal = equal == null ? List.of() : List.copyOf(equal);
    }
}
