package reportingest.layout.pdf;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import reportingest.layout.Page;
import reportingest.layout.PageOrigin;
import reportingest.layout.Word;
import reportingest.layout.ocr.TesseractOcr;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A real scan with a bad earlier OCR layer (pdfplumber's pr-136 example, used in place): page 1 is
 * read again by Tesseract, and what the page prints replaces what the old layer guessed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EarlierOcrLayerRealScanTest {
    private static final Path PR_136 = Path.of("..", "shared", "external", "pdfplumber", "pr-136-example.pdf");
    private static final String TESSDATA = "/usr/share/tesseract-ocr/5/tessdata";

    @TempDir
    static Path dir;
    TesseractOcr ocr;
    Page page;

    @BeforeAll
    void readPageOne() throws IOException {
        if (!Files.isRegularFile(PR_136)) return;
        // page 1 alone, in a temporary file, keeps one OCR'd page within the test's time
        Path one = dir.resolve("pr-136-page-1.pdf");
        try (PDDocument doc = Loader.loadPDF(PR_136.toFile())) {
            while (doc.getNumberOfPages() > 1) doc.removePage(doc.getNumberOfPages() - 1);
            doc.save(one.toFile());
        }
        ocr = new TesseractOcr(TESSDATA, "chi_sim+eng");
        List<Page> pages = new ArrayList<>();
        long start = System.nanoTime();
        new PdfPageSource(ocr).pages(one, pages::add);
        System.out.printf("pr-136 page 1 read again in %d ms%n", (System.nanoTime() - start) / 1_000_000);
        page = pages.get(0);
    }

    /** Skips every test, saying why (an aborted @BeforeAll is reported as no test at all). */
    @BeforeEach
    void documentPresent() {
        assumeTrue(Files.isRegularFile(PR_136), "test document not present: " + PR_136);
    }

    @AfterAll
    void close() {
        if (ocr != null) ocr.close();
    }

    @Test
    void anInvisibleEarlierOcrLayerIsReadAgainFromTheImage() {
        assertThat(page.origin()).isEqualTo(PageOrigin.OCR);
        // the OCR's own confidences, not the flat 100 of a trusted text layer
        assertThat(words()).extracting(Word::confidence).allMatch(c -> c >= 0 && c <= 100).anyMatch(c -> c < 100);
    }

    @Test
    void theYearIsReadAsPrintedWhereTheOldLayerSaidZOq5And20I5() {
        assertThat(lines()).anyMatch(l -> l.contains("2015年年度报告中有关财务事项的说明"));
        assertThat(lines()).anyMatch(l -> l.contains("《关于对2015年浙江菲达环保科技股份有限公司年度报告"));
        assertThat(words()).extracting(Word::text).noneMatch(t -> t.contains("ZOq5") || t.contains("20I5"));
    }

    @Test
    void amountsAndDatesAreReadAsPrinted() {
        // the old layer said "孔 500 万元", "大 57 亿元" and "2, 000"
        assertThat(lines()).anyMatch(l -> l.contains("9,500万元担保损失"));
        assertThat(lines()).anyMatch(l -> l.contains("1.57亿元"));
        // the page is turned 0.9° (its lines rise 23 px over 1600); read straightened, Tesseract sets 2,000's comma
        // apart ("2," "000"), which a line's words, run together, and an amount cell (spaces dropped) read as printed
        assertThat(lines()).anyMatch(l -> l.contains("2,000"));
        assertThat(words()).extracting(Word::text).contains("2015-09-07", "2016-03-07", "[2016]0512");
    }

    private List<Word> words() {
        return page.lines().stream().flatMap(l -> l.words().stream()).toList();
    }

    /** Each line's words run together, so that assertions do not depend on how OCR split them. */
    private List<String> lines() {
        return page.lines().stream().map(l -> l.text().replace("\t", "")).toList();
    }
}
