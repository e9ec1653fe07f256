package reportingest.reconcile.performance;

import reportingest.reconcile.performance.PerformanceCatalog.FormSpec;

import java.util.List;

/** The lines of one printed form, from the line after its title to its last row. */
record FormRegion(FormSpec form, String title, List<SourceRow> rows, int pageFrom, int pageTo) {
    FormRegion {
        rows = List.copyOf(rows);
    }
}
