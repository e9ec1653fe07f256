package reportingest.reconcile.performance;

import java.util.List;

/** A run of rows under one header of the 自评表; rows are handed out when the block ends. */
interface RowBlock {
    void accept(SourceRow row);

    List<RowDraft> finish();
}
