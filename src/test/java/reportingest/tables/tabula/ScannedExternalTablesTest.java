package reportingest.tables.tabula;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import reportingest.layout.Page;
import reportingest.layout.ocr.TesseractOcr;
import reportingest.layout.pdf.PdfPageSource;
import reportingest.tables.RawRow;
import reportingest.tables.RawTable;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The three scanned PDFs of ../shared/external whose tables only OCR reveals (ExternalPdfSmokeTest reads them
 * without an engine and finds none), each scored against truth made without this code: tabula-java's expected CSV
 * for well_image_a, for page 17 of the Jinan 2021 scan (c01) the 2021 决算数 that truth_c01_from_c03.csv takes from
 * the born-digital 2022 book, for pr-136 page 2 the rows as the page image prints them. Until these existed a broken
 * table reader went unnoticed on all three files (docs/break-on-purpose-2026-12-06.md). One page each, read in
 * place; skipped, saying what is absent, without ../shared or Tesseract's data.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScannedExternalTablesTest {
    private static final Path TESSDATA = Path.of("/usr/share/tesseract-ocr/5/tessdata");
    private static final Pattern NUMBER = Pattern.compile("\\d+");
    /**
     * Lines of truth_c01_from_c03.csv for 表01 that the scan does not print: c01 prints one 其他收入 line
     * (1198490, read off the page image) where the 2022 book splits it into these two.
     */
    private static final Set<String> NOT_ON_C01 = Set.of("国有资源(资产)有偿使用收入", "其他收入");

    @TempDir
    static Path dir;
    private TesseractOcr ocr;

    @BeforeAll
    void engine() {
        if (Files.isDirectory(TESSDATA)) ocr = new TesseractOcr(TESSDATA.toString(), "chi_sim+eng");
    }

    @AfterAll
    void close() {
        if (ocr != null) ocr.close();
    }

    /** well_image_a.pdf read by OCR: its analyte table, row by row, as tabula-java's expected CSV gives it. */
    @Test
    void theWellReportsAnalyteTableIsReadRowByRow() throws IOException {
        Path pdf = RealPdfs.require("tabula-java/batch/input/well_image_a.pdf");
        Path csv = RealPdfs.require("tabula-java/batch/expected/well_image_a.csv");
        List<List<String>> expected = new ArrayList<>();
        for (String line : Files.readAllLines(csv, StandardCharsets.UTF_8)) {
            if (line.isBlank() || line.startsWith("Table #")) continue;
            String[] f = line.split(",", -1);
            // analyte, result, allowable limit (the unit column is left out: OCR reads Zinc's "mg/L" as "ma/L")
            expected.add(List.of(RealPdfs.norm(f[0]), RealPdfs.norm(f[1]), RealPdfs.norm(f[2])));
        }
        List<List<String>> got = new ArrayList<>();
        for (RawTable t : new TabulaTableRecognizer().recognize(ocr(pdf))) {
            if (t.rows().isEmpty() || !RealPdfs.norm(t.rows().get(0).cells().get(0).text()).equals("Analyte")) continue;
            for (RawRow r : t.rows().subList(1, t.rows().size())) {
                List<String> f = r.cells().stream().map(c -> RealPdfs.norm(c.text())).toList();
                got.add(f.size() < 3 ? f : f.subList(0, 3));
            }
        }
        assertThat(got).as("Analyte, Result, Allowable Limit of each row").isEqualTo(expected);
    }

    /**
     * c01 page 17 (表01, 2021年全市一般公共预算收入决算草案表) read by OCR: the 2021 决算数 column holds, in printed order,
     * every value truth_c01_from_c03.csv gives for 表01 (from 一、税收收入 7764785 to 收入总计 17399756).
     */
    @Test
    void theJinanScansTable01HoldsThe2021FinalAccountsColumnOfTheTruth() throws IOException {
        Path scan = RealPdfs.require("city_finance_cn/c01_jinan_2021_final_scan.pdf");
        Path truth = RealPdfs.require("city_finance_cn/truth_c01_from_c03.csv");
        List<String> expected = new ArrayList<>();
        for (String line : Files.readAllLines(truth, StandardCharsets.UTF_8)) {
            String[] f = line.split(",");
            if (f[0].equals("表01") && !NOT_ON_C01.contains(f[5])) expected.add(f[6]);
        }
        assertThat(expected).hasSize(22);
        Path page = dir.resolve("c01-page-17.pdf");
        try (PDDocument doc = Loader.loadPDF(scan.toFile())) {
            for (int i = doc.getNumberOfPages() - 1; i >= 0; i--) if (i != 16) doc.removePage(i);
            doc.save(page.toFile());
        }
        List<String> column = new ArrayList<>();
        for (RawTable t : new TabulaTableRecognizer().recognize(ocr(page))) {
            if (!"表01".equals(t.formNo())) continue;
            int col = -1;
            List<String> header = t.rows().get(0).cells().stream().map(c -> RealPdfs.norm(c.text())).toList();
            for (int i = 0; i < header.size() && col < 0; i++) if (header.get(i).equals("2021年决算数")) col = i;
            assertThat(col).as("column 2021年决算数 in %s", header).isNotNegative();
            for (RawRow r : t.rows()) {
                if (r.cells().size() <= col) continue;
                Matcher m = NUMBER.matcher(r.cells().get(col).text());
                while (m.find()) column.add(m.group());
            }
        }
        assertThat(column).as("numbers of the 2021年决算数 column").containsSubsequence(expected);
    }

    /**
     * pr-136 page 2 (a scanned auditor's letter; ExternalPdfSmokeTest finds no table without OCR): the guarantee table
     * continued from page 1 prints five bank rows and 小计 15,700 (read off the page image). Today the recogniser reads
     * two of them cleanly, 浦发银行诸暨支行 and 工行诸暨支行; it takes the first row (平安杭州湖墅支行) for a title, merges
     * 招行诸暨支行 with 稠州银行杭州分行 and misses 小计. The two rows it does read are held to what the page prints.
     */
    @Test
    void theAuditorsLetterKeepsTheGuaranteeRowsItReadsAsPrinted() throws IOException {
        Path scan = RealPdfs.require("pdfplumber/pr-136-example.pdf");
        Path page = dir.resolve("pr-136-page-2.pdf");
        try (PDDocument doc = Loader.loadPDF(scan.toFile())) {
            for (int i = doc.getNumberOfPages() - 1; i >= 0; i--) if (i != 1) doc.removePage(i);
            doc.save(page.toFile());
        }
        List<List<String>> rows = new ArrayList<>();
        for (RawTable t : new TabulaTableRecognizer().recognize(ocr(page))) {
            for (RawRow r : t.rows()) rows.add(RealPdfs.filled(r).stream().map(RealPdfs::norm).toList());
        }
        assertThat(rows).containsSubsequence(
                List.of("浦发银行诸暨支行", "3,000", "2015-12-11", "2016-10-28"),
                List.of("工行诸暨支行", "2,700", "2015-12-10", "2016-10-28"));
    }

    private List<Page> ocr(Path pdf) throws IOException {
        assumeTrue(ocr != null, "Tesseract data not present: " + TESSDATA);
        List<Page> pages = new ArrayList<>();
        new PdfPageSource(ocr).pages(pdf, pages::add);
        return pages;
    }
}
