package reportingest.reconcile;

import reportingest.layout.Page;
import reportingest.tables.RawTable;

import java.util.List;

/** Matches recognised tables to catalog schemas and returns clean tables plus narrative figures. */
public interface Reconciler {
    ExtractedDocument reconcile(List<Page> pages, List<RawTable> tables);
}
