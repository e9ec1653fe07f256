package reportingest.reconcile.document;

import reportingest.layout.Page;
import reportingest.reconcile.DocumentFamily;
import reportingest.reconcile.ExtractedDocument;
import reportingest.reconcile.ExtractedTable;
import reportingest.reconcile.NarrativeFact;
import reportingest.reconcile.Reconciler;
import reportingest.reconcile.narrative.NarrativeExtractor;
import reportingest.reconcile.performance.PerformanceTableReader;
import reportingest.tables.RawTable;

import java.util.ArrayList;
import java.util.List;

/**
 * The whole reconcile stage for one document: the standard financial tables matched to the catalog,
 * the semi-structured performance forms, and the figures stated in the narrative text.
 */
public final class DocumentReconciler implements Reconciler {
    private final Reconciler financialTables;
    private final PerformanceTableReader performanceForms;
    private final NarrativeExtractor narrative;

    public DocumentReconciler(Reconciler financialTables, PerformanceTableReader performanceForms,
                              NarrativeExtractor narrative) {
        this.financialTables = financialTables;
        this.performanceForms = performanceForms;
        this.narrative = narrative;
    }

    @Override
    public ExtractedDocument reconcile(List<Page> pages, List<RawTable> tables) {
        ExtractedDocument financial = financialTables.reconcile(pages, tables);
        List<ExtractedTable> all = new ArrayList<>(financial.tables());
        // performance forms are appended to the reports, after the disclosure tables
        all.addAll(performanceForms.read(pages));
        List<NarrativeFact> facts = new ArrayList<>(financial.facts());
        facts.addAll(narrative.extract(pages, financial.fiscalYear(), financial.kind()));
        ExtractedDocument doc = DocumentFacts.settle(pages, financial.with(all, facts, financial.flags()));
        if (DocumentFamily.UNKNOWN.equals(doc.kind()) && all.stream().anyMatch(t -> t.schema().startsWith("performance_"))) {
            // performance forms are read here, after the financial tables named the family
            doc = doc.withFamily(DocumentFamily.PERFORMANCE, doc.level());
        }
        return doc;
    }
}
