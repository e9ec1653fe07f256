package reportingest.route;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import reportingest.config.IngestConfig;
import reportingest.detect.DetectedFile;
import reportingest.detect.TypeDetector;
import reportingest.layout.Page;
import reportingest.reconcile.CellValue;
import reportingest.reconcile.ExtractedDocument;
import reportingest.reconcile.ExtractedTable;
import reportingest.reconcile.Flag;
import reportingest.reconcile.RowStatus;
import reportingest.reconcile.TableRow;
import reportingest.tables.RawTable;
import reportingest.tables.TableRecognizer;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Both OCR engines on a real fixture scan, through the service's own stages (issue #19): the stamped scan in
 * fixtures/scans, where a 财务专用章 covers the 住房保障支出 row of the 支出决算表. Tesseract reads its two amounts
 * as 227339 and 一 一 203.39, PP-OCR both as 223.39 (the truth); the row sum and the 类 = Σ款 identities referee,
 * so the printed values are stored, each with ENGINES_DISAGREED, and nothing asks for review there.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TwoEnginesOnAScanTest {
    static final Path STAMPED = Path.of("fixtures/scans/gen03_e94b0d1a6c8f2357-t02-03-06.stamped.pdf");

    Pipeline pipeline;
    ExtractedDocument validated;

    @BeforeAll
    void read() throws Exception {
        pipeline = Pipeline.standard(IngestConfig.withOverrides(Map.of("ingest.ocr.engines", "tesseract,ppocr", "ingest.ocr.workers", "1")));
        DetectedFile file = new TypeDetector().detect(STAMPED, STAMPED.getFileName().toString());
        List<Page> pages = new ArrayList<>();
        pipeline.pageSources().sourceFor(file).orElseThrow().pages(file, pages::add);
        List<RawTable> raw = new ArrayList<>();
        for (TableRecognizer r : pipeline.recognizers()) {
            List<Page> readable = pages.stream().filter(p -> r.reads(p.origin())).toList();
            if (!readable.isEmpty()) raw.addAll(r.recognize(readable));
        }
        validated = pipeline.validator().validate(pipeline.reconciler().reconcile(pages, raw), pages).document();
    }

    @AfterAll
    void close() throws Exception {
        pipeline.close();
    }

    @Test
    void bothEnginesRunAndTheIdentitiesTakeTheReadingsThatAddUp() {
        assertThat(pipeline.ocrEngines()).isEqualTo("tesseract,ppocr");
        ExtractedTable expenditure = validated.tables().stream().filter(t -> t.schema().equals("expenditure")).findFirst().orElseThrow();
        TableRow housing = expenditure.rows().stream().filter(r -> "住房保障支出".equals(r.key().get("name"))).findFirst().orElseThrow();
        for (String column : List.of("本年支出合计", "基本支出")) {
            CellValue c = housing.cells().get(column);
            assertThat(c.value()).as(column).isEqualTo("223.39");
            assertThat(c.flags()).as(column).extracting(Flag::code).containsExactly("ENGINES_DISAGREED");
            assertThat(c.flags().get(0).message()).contains("Tesseract read", "PP-OCR read '223.39'");
        }
        assertThat(housing.status()).isEqualTo(RowStatus.ACCEPTED);
    }
}
