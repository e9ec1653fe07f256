package reportingest.reconcile.fin;

import reportingest.reconcile.ExtractedTable;
import reportingest.reconcile.catalog.SchemaDef;
import reportingest.tables.RawTable;

/** Turns a recognised table into canonical rows for one kind of schema layout. */
public interface TableParser {
    ExtractedTable parse(SchemaDef schema, RawTable raw);
}
