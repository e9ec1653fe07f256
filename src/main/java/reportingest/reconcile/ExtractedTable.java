package reportingest.reconcile;

import java.util.List;

/** A table matched to a catalog schema (or SCHEMA_UNKNOWN), with canonical columns and rows. */
public record ExtractedTable(String schema, String title, String formNo, List<String> columns,
                             List<TableRow> rows, List<String> notes, List<Flag> flags,
                             int pageFrom, int pageTo) {
    public ExtractedTable {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
        notes = List.copyOf(notes);
        flags = List.copyOf(flags);
    }

    public ExtractedTable withRows(List<TableRow> newRows, List<Flag> newFlags) {
        return new ExtractedTable(schema, title, formNo, columns, newRows, notes, newFlags, pageFrom, pageTo);
    }
}
