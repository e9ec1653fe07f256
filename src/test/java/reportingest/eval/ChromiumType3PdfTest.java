package reportingest.eval;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import reportingest.fixtures.foreign.ChromiumReport;
import reportingest.fixtures.foreign.ForeignProducers;
import reportingest.store.Json;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Class 1 of issue 11: 004's coded tables printed by headless Chromium in Noto Sans and Noto Serif CJK SC,
 * which it embeds as Type 3 fonts whose glyphs are drawn paths, with thousands separators. Before the fix:
 * Noto Sans 0 of 288 cells, Noto Serif 163 of 288 with every cell in review.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ChromiumType3PdfTest {
    private static final String DOC = "004_d2f5081e5b89099b";
    @TempDir
    static Path dir;
    private EvalReport report;

    @BeforeAll
    void printAndRun() throws Exception {
        Assumptions.assumeTrue(ForeignProducers.missing("chromium").isEmpty(), "chromium is not installed (bin/setup installs it)");
        Assumptions.assumeTrue(ForeignProducers.run("fc-list", ":family=Noto Sans CJK SC").contains("Noto"),
                "fonts-noto-cjk is not installed (bin/setup installs it)");
        Path in = Files.createDirectories(dir.resolve("in")), truth = Files.createDirectories(dir.resolve("truth"));
        JsonNode full = Json.MAPPER.readTree(Path.of("fixtures/pdf-truth/" + DOC + ".json").toFile());
        Files.writeString(truth.resolve(DOC + ".json"), Json.pretty(ChromiumReport.printedTruth(full)));
        ChromiumReport.print(full, "Noto Sans CJK SC", in, DOC + ".chromium-sans");
        ChromiumReport.print(full, "Noto Serif CJK SC", in, DOC + ".chromium-serif");
        for (String f : new String[] {"sans", "serif"}) Files.delete(in.resolve(DOC + ".chromium-" + f + ".html"));
        report = EvalRun.run(in, truth, true).report();
        report.lines(0, 0).forEach(System.out::println);
    }

    private EvalCounts counts(String variant) {
        return report.documents().stream().filter(d -> d.document().equals(DOC + ".chromium-" + variant + ".pdf")).findFirst()
                .orElseThrow(() -> new AssertionError("no score for " + variant)).counts();
    }

    @Test
    void everyCellIsReadWithoutReview() {
        for (String variant : new String[] {"sans", "serif"}) {
            EvalCounts c = counts(variant);
            assertThat(c.tablesFound()).as(variant).isEqualTo(3);
            assertThat(c.cellsExpected()).as(variant).isEqualTo(288);
            assertThat(c.cellsCorrect()).as(variant).isEqualTo(288);
            assertThat(c.cellsWrongUnflagged()).as(variant).isZero();
            assertThat(c.cellsFlagged()).as(variant).isZero();
        }
    }
}
