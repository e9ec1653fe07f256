package reportingest.reconcile;

import java.util.List;

/**
 * A table matched to a catalog schema (or {@code unknown}), with canonical columns and rows.
 * {@code unit}: the amount unit its unit line states (元, 千元, 万元; null when it prints none); values
 * are stored as printed in that unit, never rescaled.
 */
public record ExtractedTable(String schema, String title, String formNo, List<String> columns,
                             List<TableRow> rows, List<String> notes, List<Flag> flags,
                             int pageFrom, int pageTo, String unit) {
    public ExtractedTable {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
        notes = List.copyOf(notes);
        flags = List.copyOf(flags);
    }

    public ExtractedTable(String schema, String title, String formNo, List<String> columns, List<TableRow> rows,
                          List<String> notes, List<Flag> flags, int pageFrom, int pageTo) {
        this(schema, title, formNo, columns, rows, notes, flags, pageFrom, pageTo, null);
    }

    public ExtractedTable withRows(List<TableRow> newRows, List<Flag> newFlags) {
        return new ExtractedTable(schema, title, formNo, columns, newRows, notes, newFlags, pageFrom, pageTo, unit);
    }

    public ExtractedTable withUnit(String newUnit) {
        return new ExtractedTable(schema, title, formNo, columns, rows, notes, flags, pageFrom, pageTo, newUnit);
    }
}
