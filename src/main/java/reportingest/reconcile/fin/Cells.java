package reportingest.reconcile.fin;

import reportingest.layout.PageOrigin;
import reportingest.reconcile.CellValue;
import reportingest.reconcile.Flag;
import reportingest.reconcile.RowStatus;
import reportingest.reconcile.TableRow;
import reportingest.tables.RawCell;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds value cells and rows with provenance and flags. */
public final class Cells {
    public static final String PARSE_AMBIGUOUS = "PARSE_AMBIGUOUS";
    public static final String COLUMN_MISSING = "COLUMN_MISSING";
    public static final String HEADER_UNMATCHED = "HEADER_UNMATCHED";
    public static final String SCHEMA_UNKNOWN = "SCHEMA_UNKNOWN";
    /** An OCR'd title with characters OCR was unsure of that no other reading of the book confirms (table). */
    public static final String TITLE_UNCERTAIN = "TITLE_UNCERTAIN";
    /** An OCR'd title taken from the contents list's reading, vouched for where the caption's was not (table, provenance). */
    public static final String TITLE_RECONCILED = "TITLE_RECONCILED";
    public static final String TABLE_SPLIT_ACROSS_PAGES = "TABLE_SPLIT_ACROSS_PAGES";
    /** A standard table the document lists (table of contents) that is not among the tables found. */
    public static final String TABLE_MISSING = "TABLE_MISSING";
    /** A row label read through OCR noise or a slip to the catalog's label, which the code or the form's lines vouch for (provenance only). */
    public static final String LABEL_RECONCILED = "LABEL_RECONCILED";
    /**
     * A one-row table's figures placed where its sums hold, its header naming none of their columns (table and row,
     * provenance only: a column the sums leave open is flagged on its cell).
     */
    public static final String COLUMNS_BY_SUMS = "COLUMNS_BY_SUMS";
    /** A row label inferred from the form's line order, or a code digit corrected by the name: the key needs a reviewer's look. */
    public static final String LABEL_REPAIRED = "LABEL_REPAIRED";

    /** Confidence given to a value that had to be guessed. */
    private static final double GUESSED_CONFIDENCE = 40.0;

    private Cells() {}

    public static CellValue value(RawCell rc) {
        AmountParser.Amount a = AmountParser.parse(rc.text());
        List<Flag> flags = new ArrayList<>();
        double conf = rc.confidence();
        if (a.guessed()) {
            flags.add(Flag.of(PARSE_AMBIGUOUS, a.reason()));
            conf = Math.min(conf, GUESSED_CONFIDENCE);
        }
        return new CellValue(a.value(), rc.text(), conf, flags, rc.page(), rc.bbox(), rc.origin(), null);
    }

    /** A column the row did not print where the schema says one must be. */
    public static CellValue missing(int page, PageOrigin origin, String why) {
        return new CellValue(null, null, 0.0, List.of(Flag.of(COLUMN_MISSING, why)), page, null, origin, null);
    }

    public static TableRow row(Map<String, Object> key, Map<String, CellValue> cells, List<Flag> rowFlags) {
        boolean review = rowFlags.stream().anyMatch(Flag::asksForReview) || cells.values().stream().anyMatch(c -> !c.flags().isEmpty());
        return new TableRow(key, cells, review ? RowStatus.NEEDS_REVIEW : RowStatus.ACCEPTED, rowFlags);
    }

    /** Maps values to columns in order; missing trailing values are flagged. */
    public static Map<String, CellValue> assign(List<String> columns, List<RawCell> values, int page, PageOrigin origin) {
        Map<String, CellValue> out = new LinkedHashMap<>();
        for (int i = 0; i < columns.size(); i++) {
            out.put(columns.get(i), i < values.size() ? value(values.get(i))
                    : missing(page, origin, "row prints fewer values than the schema's " + columns.size() + " columns"));
        }
        return out;
    }

    public static Map<String, Object> key(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) m.put((String) kv[i], kv[i + 1]);
        return m;
    }
}
