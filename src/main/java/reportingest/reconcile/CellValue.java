package reportingest.reconcile;

import reportingest.layout.BBox;
import reportingest.layout.PageOrigin;

import java.util.List;

/**
 * One value cell after reconciliation. {@code value} is the normalised decimal string
 * (thousands separators removed, printed precision kept, null for blank); {@code raw} is the text
 * as recognised. {@code proposal} holds a proposed repair, never applied silently.
 */
public record CellValue(String value, String raw, double confidence, List<Flag> flags,
                        int page, BBox bbox, PageOrigin origin, String proposal) {
    public CellValue {
        flags = List.copyOf(flags);
    }

    public CellValue withFlags(List<Flag> newFlags, double newConfidence) {
        return new CellValue(value, raw, newConfidence, newFlags, page, bbox, origin, proposal);
    }
}
