package reportingest.tables;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;
import technology.tabula.ObjectExtractor;
import technology.tabula.Page;
import technology.tabula.RectangularTextContainer;
import technology.tabula.Table;
import technology.tabula.extractors.SpreadsheetExtractionAlgorithm;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Tabula 1.0.5 is built for PDFBox 2 but runs here on the PDFBox 3 that Tika brings (its own PDFBox
 * is excluded in the pom). This test runs it on a real PDF, so a linkage break shows at once.
 */
class TabulaOnPdfBox3Test {
    static final Path SAMPLES = Path.of("../shared/external/tabula-java");

    @Test
    void onlyPdfBox3IsOnTheClassPath() {
        assertThat(org.apache.pdfbox.util.Version.getVersion()).isEqualTo("3.0.8");
        assertThat(PDDocument.class.getResource("PDDocument.class").toString()).contains("pdfbox-3.0.8.jar");
    }

    @Test
    void latticeExtractionOfARealPdfMatchesTabulasExpectedCsv() throws Exception {
        Path pdf = SAMPLES.resolve("spanning_cells.pdf");
        assumeTrue(Files.exists(pdf), "shared external samples are not present");
        List<List<String>> expected = readCsv(SAMPLES.resolve("csv/spanning_cells.csv"));

        List<List<String>> actual;
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            Page page = new ObjectExtractor(doc).extract(1);
            List<Table> tables = new SpreadsheetExtractionAlgorithm().extract(page);
            actual = new ArrayList<>();
            for (Table t : tables) actual.addAll(texts(t));
        }
        assertThat(actual).containsSubsequence(expected.get(2), expected.get(3), expected.get(4));
        assertThat(actual).contains(List.of("Server closets", "1,505", "1,580", "1,643", "1,673", "1,689"));
    }

    private static List<List<String>> texts(Table t) {
        List<List<String>> rows = new ArrayList<>();
        for (List<RectangularTextContainer> row : t.getRows()) {
            List<String> cells = new ArrayList<>();
            for (RectangularTextContainer c : row) cells.add(c.getText().replace('\r', ' ').trim());
            rows.add(cells);
        }
        return rows;
    }

    private static List<List<String>> readCsv(Path csv) throws Exception {
        List<List<String>> rows = new ArrayList<>();
        try (Reader r = Files.newBufferedReader(csv)) {
            for (CSVRecord rec : CSVFormat.DEFAULT.parse(r)) rows.add(rec.toList());
        }
        return rows;
    }
}
