package reportingest.review;

import reportingest.reconcile.CellValue;
import reportingest.reconcile.ExtractedDocument;
import reportingest.reconcile.ExtractedTable;
import reportingest.reconcile.Flag;
import reportingest.reconcile.RowStatus;
import reportingest.reconcile.TableRow;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Stand-in for re-validation after a review action until the validate stage can be called on a
 * stored document: a row is ACCEPTED unless it carries a flag that asks for review or one of its
 * cells is flagged. Identities are not checked here.
 */
public final class SimpleRevalidator implements UnaryOperator<ExtractedDocument> {
    private static final Set<String> PROVENANCE_ONLY = Set.of("TABLE_SPLIT_ACROSS_PAGES");

    @Override
    public ExtractedDocument apply(ExtractedDocument doc) {
        List<ExtractedTable> tables = new ArrayList<>();
        for (ExtractedTable t : doc.tables()) {
            List<TableRow> rows = new ArrayList<>();
            for (TableRow r : t.rows()) {
                boolean flagged = r.flags().stream().anyMatch(SimpleRevalidator::asksForReview)
                        || r.cells().values().stream().map(CellValue::flags).anyMatch(f -> !f.isEmpty());
                rows.add(new TableRow(r.key(), r.cells(), flagged ? RowStatus.NEEDS_REVIEW : RowStatus.ACCEPTED, r.flags()));
            }
            tables.add(t.withRows(rows, t.flags()));
        }
        return new ExtractedDocument(doc.unit(), doc.fiscalYear(), doc.amountUnit(), tables, doc.facts(), doc.flags());
    }

    private static boolean asksForReview(Flag f) {
        return !PROVENANCE_ONLY.contains(f.code());
    }
}
