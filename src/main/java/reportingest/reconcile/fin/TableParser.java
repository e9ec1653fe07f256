package reportingest.reconcile.fin;

import reportingest.reconcile.ExtractedTable;
import reportingest.catalog.SchemaDef;
import reportingest.tables.RawTable;

/**
 * Turns a recognised table into canonical rows for one kind of schema layout. A ruled or aligned grid
 * is read by position first; a table that is not a grid, or whose header places no value column, is
 * read as printed text.
 */
public interface TableParser {
    default ExtractedTable parse(SchemaDef schema, RawTable raw) {
        Grid grid = Grid.of(raw);
        if (grid != null) {
            ExtractedTable t = parseGrid(schema, raw, grid);
            if (t != null) return t;
        }
        return parseText(schema, raw);
    }

    /** The table read by column position; null when the header places no value column. */
    ExtractedTable parseGrid(SchemaDef schema, RawTable raw, Grid grid);

    /** The table read from its text layout (tab- or space-separated rows, one cell per line). */
    ExtractedTable parseText(SchemaDef schema, RawTable raw);
}
