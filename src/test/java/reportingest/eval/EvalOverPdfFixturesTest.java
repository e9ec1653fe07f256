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
        // The same on printed amounts apart from blanks, labels and extra rows; and every narrative fact of the
        // generated text read right, none invented (the shares the text prints beside them are not judged: the
        // generated truth lists amounts only; 154 were counted invented before that, 2026-12-06).
        assertThat(result.report().documents()).allSatisfy(d -> {
            Measures m = d.measures();
            assertThat(m.printed().right()).as(d.document()).isEqualTo(m.printed().expected()).isPositive();
            assertThat(m.blanks().right()).as(d.document()).isEqualTo(m.blanks().expected());
            assertThat(m.labels().right()).as(d.document()).isEqualTo(m.labels().expected());
            assertThat(m.rowsExtra() + m.tablesExtra()).as(d.document()).isZero();
            assertThat(m.narrative().right()).as(d.document()).isEqualTo(m.narrative().expected()).isPositive();
        });
        assertThat(result.report().measures().printed().expected()).isEqualTo(6937);
        assertThat(result.report().measures().narrative().invented()).isZero();
        assertThat(result.report().errors()).isEmpty();
    }
}
