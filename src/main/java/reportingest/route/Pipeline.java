package reportingest.route;

import reportingest.config.IngestConfig;
import reportingest.layout.PageSources;
import reportingest.layout.PageWorkers;
import reportingest.layout.ocr.ImagePageSource;
import reportingest.layout.ocr.PixelBudget;
import reportingest.layout.ocr.OcrEngines;
import reportingest.layout.ocr.TesseractOcr;
import reportingest.layout.pdf.PdfPageSource;
import reportingest.layout.text.OcrTextPageSource;
import reportingest.tables.tabula.TabulaTableRecognizer;
import reportingest.reconcile.document.DocumentReconciler;
import reportingest.reconcile.fin.CatalogReconciler;
import reportingest.catalog.Catalog;
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
                       Validator validator, List<AutoCloseable> resources) implements AutoCloseable {

    public static Pipeline standard(IngestConfig config) {
        PixelBudget budget = PixelBudget.ofMegapixels(config.maxPageMegapixels());
        TesseractOcr ocr = new TesseractOcr(config.tessdata(), config.ocrLanguages(), budget, OcrEngines.parse(config.ocrEngines()),
                config.ocrSecondReadingDoubtfulOnly());
        PageWorkers workers = PageWorkers.parallel(config.ocrWorkers());
        PageSources sources = new PageSources(List.of(
                new OcrTextPageSource(), new PdfPageSource(ocr, workers, budget),
                new ImagePageSource(ocr, ImagePageSource.DEFAULT_DPI, workers, budget)));
        Catalog catalog = Catalog.load();
        Reconciler reconciler = new DocumentReconciler(new CatalogReconciler(catalog), new PerformanceTableReader(),
                new NarrativeExtractor());
        return new Pipeline(sources, List.of(new TextTableRecognizer(catalog), new TabulaTableRecognizer()), reconciler,
                new Validator(catalog), List.of(workers, ocr)); // workers stop before their engines close
    }

    /** Which OCR engines read scans, in words for readiness (e.g. "tesseract,ppocr"). */
    public String ocrEngines() {
        for (AutoCloseable r : resources) if (r instanceof TesseractOcr ocr) return ocr.enginesDetail();
        return null;
    }

    /** Releases native engines (Tesseract) when the service stops. */
    @Override
    public void close() throws Exception {
        for (AutoCloseable r : resources) r.close();
    }
}
