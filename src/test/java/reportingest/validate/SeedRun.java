package reportingest.validate;

import reportingest.config.IngestConfig;
import reportingest.layout.Page;
import reportingest.layout.text.OcrTextPageSource;
import reportingest.route.Pipeline;
import reportingest.reconcile.ExtractedDocument;
import reportingest.tables.RawTable;
import reportingest.tables.TableRecognizer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Runs OCR'd text through the service's own layout → tables → reconcile → validate objects. */
final class SeedRun {
    static final Path FIXTURES = Path.of("fixtures");
    private static Pipeline pipeline;

    private SeedRun() {}

    static synchronized Pipeline pipeline() {
        if (pipeline == null) pipeline = Pipeline.standard(IngestConfig.withOverrides(Map.of()));
        return pipeline;
    }

    static String seedText(String seed) throws IOException {
        return Files.readString(FIXTURES.resolve("seeds/" + seed + ".txt"), StandardCharsets.UTF_8);
    }

    static List<Page> pages(String text) {
        List<Page> pages = new ArrayList<>();
        new OcrTextPageSource().split(text, pages::add);
        return pages;
    }

    static ExtractedDocument reconcile(List<Page> pages) {
        List<RawTable> raw = new ArrayList<>();
        for (TableRecognizer r : pipeline().recognizers()) raw.addAll(r.recognize(pages));
        return pipeline().reconciler().reconcile(pages, raw);
    }

    static Validation validate(String text) {
        List<Page> pages = pages(text);
        return pipeline().validator().validate(reconcile(pages), pages);
    }
}
