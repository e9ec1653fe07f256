package reportingest.reconcile.performance;

import reportingest.reconcile.Flag;

import java.util.List;

/** Reads the rows of one layout of performance form; table-level problems go to {@code tableFlags}. */
interface FormReader {
    List<RowDraft> read(FormRegion region, List<Flag> tableFlags);
}
