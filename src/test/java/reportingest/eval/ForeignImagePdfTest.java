package reportingest.eval;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import reportingest.fixtures.foreign.ForeignProducers;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Class 2 of issue 11: a 300-dpi scan (the committed A4 landscape page of 001's 支出决算表) packed as a PDF by
 * img2pdf and by ImageMagick from a JPEG that states 72 or 96 dpi, so that the page is 35–49 inches wide.
 * Read from the embedded image at its real resolution, each must give the table the PNG itself gives.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ForeignImagePdfTest {
    private static final String DOC = "001_a8898a713e576bc4-t03";
    private static final Path PAGE = Path.of("fixtures/scans/" + DOC + ".page.png");
    @TempDir
    static Path dir;
    private EvalReport report;

    @BeforeAll
    void produceAndRun() throws Exception {
        Assumptions.assumeTrue(ForeignProducers.missing("img2pdf", "convert").isEmpty(),
                "img2pdf or ImageMagick is not installed (bin/setup installs them): " + ForeignProducers.missing("img2pdf", "convert"));
        Path in = Files.createDirectories(dir.resolve("in")), truth = Files.createDirectories(dir.resolve("truth"));
        Files.copy(Path.of("fixtures/scans-truth/" + DOC + ".json"), truth.resolve(DOC + ".json"));
        Path jpeg72 = ForeignProducers.jpegStating(PAGE, 72, 85, dir.resolve("page72.jpg"));
        Path jpeg96 = ForeignProducers.jpegStating(PAGE, 96, 85, dir.resolve("page96.jpg"));
        ForeignProducers.img2pdf(jpeg72, in.resolve(DOC + ".img2pdf72.pdf"));
        ForeignProducers.img2pdf(jpeg96, in.resolve(DOC + ".img2pdf96.pdf"));
        ForeignProducers.magickPdf(jpeg72, in.resolve(DOC + ".magick72.pdf"));
        report = EvalRun.run(in, truth, true).report();
        report.lines(0, 0).forEach(System.out::println);
    }

    private EvalCounts counts(String variant) {
        return report.documents().stream().filter(d -> d.document().equals(DOC + "." + variant + ".pdf")).findFirst()
                .orElseThrow(() -> new AssertionError("no score for " + variant)).counts();
    }

    @Test
    void everyCellOfEveryPackingIsReadWithoutReview() {
        for (String variant : new String[] {"img2pdf72", "img2pdf96", "magick72"}) {
            EvalCounts c = counts(variant);
            assertThat(c.tablesFound()).as(variant).isEqualTo(1);
            assertThat(c.cellsExpected()).as(variant).isEqualTo(EXPECTED_CELLS);
            assertThat(c.cellsCorrect()).as(variant).isEqualTo(EXPECTED_CELLS);
            assertThat(c.cellsWrongUnflagged()).as(variant).isZero();
            assertThat(c.cellsFlagged()).as(variant).isZero();
        }
    }

    private static final int EXPECTED_CELLS = 102;
}
