package reportingest.eval;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The born-digital fixtures (fixtures/pdf: seeds and generated documents of other departments, years and codes,
 * in layout variants) through the real service: every layout, ruled or unruled, is recovered exactly, and no
 * variant stores a wrong number without a flag.
 */
class EvalOverPdfFixturesTest {
    @Test
    void everyVariantRuledOrUnruledIsRecoveredExactlyWithoutSilentError() throws Exception {
        EvalRun.Result result = EvalRun.run(Path.of("fixtures/pdf"), Path.of("fixtures/pdf-truth"), true);

        assertThat(result.report().documents()).hasSize(35);
        assertThat(result.report().total().cellsWrongUnflagged()).isZero();
        assertThat(result.report().documents()).allSatisfy(d -> {
            EvalCounts c = d.counts();
            assertThat(c.cellsWrongUnflagged()).as(d.document()).isZero();
            // Every variant, unruled (whitespace-only) included: all tables found, every cell right.
            assertThat(c.tablesFound()).as(d.document()).isEqualTo(c.tablesExpected());
            assertThat(c.cellsCorrect()).as(d.document()).isEqualTo(c.cellsExpected());
        });
    }
}
