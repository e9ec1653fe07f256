package reportingest.reconcile.performance;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import reportingest.reconcile.ExtractedTable;
import reportingest.reconcile.RowStatus;
import reportingest.reconcile.TableRow;

import java.io.IOException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PerformanceReviewStatusTest {

    @ParameterizedTest(name = "{0} {1}: only the rows printed outside their columns need review ({2})")
    @CsvSource(delimiter = '|', value = {
            "002_2cbfc221691712bf|performance_basic_data|",
            "002_2cbfc221691712bf|performance_self_evaluation|生态环境成本指标",
            "004_d2f5081e5b89099b|performance_self_evaluation|参保群众满意度"})
    void onlyGuessedRowsNeedReview(String seed, String schema, String displaced) throws IOException {
        ExtractedTable table = PerformanceTableReaderTest.onlyTable(PerformanceTableReaderTest.read(seed), schema);

        List<Object> review = table.rows().stream()
                .filter(r -> r.status() == RowStatus.NEEDS_REVIEW)
                .map(r -> r.key().get("label")).toList();
        assertThat(review).containsExactlyElementsOf(displaced == null ? List.of() : List.of(displaced));
        assertThat(table.flags()).isEmpty();
        for (TableRow r : table.rows()) {
            if (r.status() == RowStatus.NEEDS_REVIEW) {
                assertThat(r.flags()).extracting(f -> f.code()).containsOnly("PARSE_AMBIGUOUS");
            }
        }
    }
}
