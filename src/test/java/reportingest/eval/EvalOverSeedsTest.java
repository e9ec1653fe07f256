package reportingest.eval;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The five seed reports through the real service (routes, H2, export), scored against their truth:
 * every table found, every truth cell correct, none invented, none wrong without a flag.
 */
class EvalOverSeedsTest {
    @Test
    void everySeedTableAndCellIsRecoveredThroughTheService() throws Exception {
        EvalRun.Result result = EvalRun.run(Path.of("fixtures/seeds"), Path.of("fixtures/truth"), true);
        EvalCounts total = result.report().total();

        assertThat(total.documents()).isEqualTo(5);
        assertThat(total.tablesExpected()).isEqualTo(20); // ground-truth README: 20 tables, 1410 value cells
        assertThat(total.cellsExpected()).isEqualTo(1410);
        assertThat(total.tablesFound()).isEqualTo(total.tablesExpected());
        assertThat(total.tablesExtra()).isZero();
        assertThat(total.cellsCorrect()).isEqualTo(total.cellsExpected());
        assertThat(total.cellsWrongUnflagged()).isZero();
        assertThat(total.cellsMissing()).isZero();
        assertThat(result.pages()).isEqualTo(5);
    }
}
