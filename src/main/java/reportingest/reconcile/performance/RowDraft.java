package reportingest.reconcile.performance;

import reportingest.layout.Word;
import reportingest.reconcile.CellValue;
import reportingest.reconcile.Flag;
import reportingest.reconcile.RowStatus;
import reportingest.reconcile.TableRow;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A performance row being assembled; keys follow the ground-truth names and order. */
final class RowDraft {
    private final String label;
    private String kind;
    private String section;
    private String parent;
    private String parentColumn;
    private final Map<String, CellValue> cells = new LinkedHashMap<>();
    private final List<Flag> flags = new ArrayList<>();

    RowDraft(String label) {
        this.label = label;
    }

    String label() { return label; }

    RowDraft kind(String k) { kind = k; return this; }
    RowDraft section(String s) { section = s; return this; }
    RowDraft parent(String p) { parent = p; return this; }
    RowDraft parentColumn(String c) { parentColumn = c; return this; }

    /** Sets a column from a printed cell; a missing cell (line too short) is a blank one. */
    RowDraft cell(String column, SourceRow row, int position) {
        Word w = row.word(position);
        String raw = w == null ? null : w.text();
        double confidence = w == null ? row.line().words().get(0).confidence() : w.confidence();
        cells.put(column, new CellValue(CellText.value(raw), raw, confidence, List.of(),
                row.page(), w == null ? null : w.bbox(), row.origin(), null));
        return this;
    }

    /** Sets a column from text that is not one printed cell (joined or repaired text). */
    RowDraft text(String column, String value, String raw, SourceRow row, int position) {
        Word w = row.word(position);
        cells.put(column, new CellValue(value, raw, w == null ? 0 : w.confidence(), List.of(),
                row.page(), w == null ? null : w.bbox(), row.origin(), null));
        return this;
    }

    boolean has(String column) { return cells.containsKey(column); }

    CellValue get(String column) { return cells.get(column); }

    RowDraft flag(String code, String message) {
        flags.add(Flag.of(code, message));
        return this;
    }

    TableRow toRow() {
        Map<String, Object> key = new LinkedHashMap<>();
        key.put("label", label);
        if (kind != null) key.put("kind", kind);
        if (section != null) key.put("section", section);
        if (parent != null) key.put("parent", parent);
        if (parentColumn != null) key.put("parent_column", parentColumn);
        RowStatus status = flags.isEmpty() ? RowStatus.ACCEPTED : RowStatus.NEEDS_REVIEW;
        return new TableRow(key, cells, status, flags);
    }
}
