package reportingest.eval.books;

import com.fasterxml.jackson.core.type.TypeReference;
import reportingest.config.IngestConfig;
import reportingest.detect.DetectedFile;
import reportingest.detect.TypeDetector;
import reportingest.layout.Page;
import reportingest.layout.PageOrigin;
import reportingest.layout.PageSource;
import reportingest.reconcile.ExtractedDocument;
import reportingest.route.Pipeline;
import reportingest.store.Json;
import reportingest.tables.RawTable;
import reportingest.tables.TableRecognizer;
import reportingest.validate.Validation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A book read by the service's own stages ({@link Pipeline#standard}: detection, page source with Tesseract, the table
 * recognizers, the document reconciler, the validator), without the Camel routes and the store: a 210-page scan takes
 * about 15 minutes of OCR, so its pages can be kept in a cache file and a rerun starts after OCR.
 */
public final class BookPipeline implements AutoCloseable {
    private final Pipeline pipeline;
    private final TypeDetector detector;

    /** @param settings service settings over the defaults (e.g. {@code ingest.ocr.engines}) */
    public BookPipeline(Map<String, String> settings) {
        IngestConfig config = IngestConfig.withOverrides(settings);
        this.pipeline = Pipeline.standard(config);
        this.detector = new TypeDetector(config.maxTextBytes(), config.maxStreamBytes());
    }

    /** What the stages made of a book: the validated document and every check's outcome. */
    public record Read(List<Page> pages, ExtractedDocument document, Validation validation) {}

    /**
     * The book's pages: from {@code cache} when it exists, else read (OCR for a scan) and, when any page was OCR'd and
     * {@code cache} is not null, written there for the next run.
     */
    public List<Page> pages(Path pdf, Path cache) throws IOException {
        if (cache != null && Files.isRegularFile(cache))
            return Json.MAPPER.readValue(Files.readString(cache), new TypeReference<List<Page>>() {});
        DetectedFile file = detector.detect(pdf, pdf.getFileName().toString());
        PageSource source = pipeline.pageSources().sourceFor(file)
                .orElseThrow(() -> new IOException("no page source reads " + pdf));
        List<Page> pages = new ArrayList<>();
        source.pages(file, pages::add);
        if (cache != null && pages.stream().anyMatch(p -> p.origin() == PageOrigin.OCR))
            Files.writeString(cache, Json.MAPPER.writeValueAsString(pages));
        return pages;
    }

    /** Tables recognised, reconciled and validated as the service's table, reconcile and validate steps do. */
    public Read read(List<Page> pages) {
        List<RawTable> raw = new ArrayList<>();
        for (TableRecognizer r : pipeline.recognizers()) {
            List<Page> readable = pages.stream().filter(p -> r.reads(p.origin())).toList();
            if (!readable.isEmpty()) raw.addAll(r.recognize(readable));
        }
        ExtractedDocument doc = pipeline.reconciler().reconcile(pages, raw);
        Validation v = pipeline.validator().validate(doc, pages);
        return new Read(pages, v.document(), v);
    }

    public Read read(Path pdf, Path cache) throws IOException {
        return read(pages(pdf, cache));
    }

    @Override
    public void close() throws Exception {
        pipeline.close();
    }
}
