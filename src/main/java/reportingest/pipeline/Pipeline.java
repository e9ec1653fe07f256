package reportingest.pipeline;

import reportingest.config.IngestConfig;
import reportingest.layout.PageSources;
import reportingest.layout.text.OcrTextPageSource;
import reportingest.reconcile.DocumentReconciler;
import reportingest.reconcile.CatalogReconciler;
import reportingest.reconcile.catalog.Catalog;
import reportingest.tables.text.TextTableRecognizer;
import reportingest.reconcile.narrative.NarrativeExtractor;
import reportingest.reconcile.performance.PerformanceTableReader;
import reportingest.reconcile.Reconciler;
import reportingest.tables.TableRecognizer;
import reportingest.validate.Validator;

import java.util.List;

/**
 * The stage implementations the service runs, in one place, so that the Camel service and
 * {@code bin/eval} run exactly the same pipeline.
 */
public record Pipeline(PageSources pageSources, List<TableRecognizer> recognizers, Reconciler reconciler,
                       Validator validator) {

    public static Pipeline standard(IngestConfig config) {
        PageSources sources = new PageSources(List.of(new OcrTextPageSource()));
        Catalog catalog = Catalog.load();
        Reconciler reconciler = new DocumentReconciler(new CatalogReconciler(catalog), new PerformanceTableReader(),
                new NarrativeExtractor());
        return new Pipeline(sources, List.of(new TextTableRecognizer(catalog)), reconciler, new Validator(catalog));
    }
}
