package reportingest.reconcile.budget;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import reportingest.reconcile.ExtractedDocument;
import reportingest.reconcile.ExtractedTable;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Jiangsu departments publish a machine-extracted 收支预算总表.csv beside their budget PDFs: one row per
 * year with 收入合计 and 支出合计 (万元). Each year's PDF that prints the 收支预算总表 must read the same
 * totals: 收入合计 on the income side, 支出合计 under 支出用途, where Jiangsu prints it.
 */
class JiangsuSummaryTotalsTest {

    @ParameterizedTest
    @ValueSource(strings = {"江苏省人大办公厅", "江苏省人民检察院", "江苏省委办公厅"})
    void theSummaryTotalsOfEveryYearEqualTheDepartmentsCsv(String department) throws IOException {
        Path dir = RealBudgets.EXTERNAL.resolve(RealBudgets.JIANGSU + department);
        Path csv = dir.resolve("收支预算总表.csv");
        assumeTrue(Files.isRegularFile(csv), "test data not present: " + csv);
        Map<Integer, Map<String, String>> expected = readCsv(csv);
        Map<Integer, ExtractedTable> summaries = new LinkedHashMap<>();
        List<Path> pdfs;
        try (Stream<Path> s = Files.list(dir)) {
            pdfs = s.filter(p -> p.toString().endsWith(".pdf")).sorted().toList();
        }
        for (Path pdf : pdfs) {
            ExtractedDocument doc = RealBudgets.read(RealBudgets.JIANGSU + department + "/" + pdf.getFileName());
            List<ExtractedTable> t = RealBudgets.tables(doc, "budget_income_expenditure_summary");
            if (t.isEmpty()) continue; // the narrative-only 文件 PDFs print no tables
            assertThat(summaries.put(doc.fiscalYear(), t.get(0))).as("one summary for %s", doc.fiscalYear()).isNull();
        }
        assertThat(summaries.keySet()).containsExactlyInAnyOrderElementsOf(expected.keySet());
        expected.forEach((year, totals) -> {
            ExtractedTable t = summaries.get(year);
            assertThat(amount(RealBudgets.value(t, "收入:收入合计", "预算数"))).as("%s %d 收入合计", department, year)
                    .isEqualByComparingTo(totals.get("收入合计"));
            assertThat(amount(RealBudgets.value(t, "支出用途:支出合计", "预算数"))).as("%s %d 支出合计", department, year)
                    .isEqualByComparingTo(totals.get("支出合计"));
        });
    }

    private static BigDecimal amount(String v) {
        return v == null ? null : new BigDecimal(v);
    }

    /** year → column → value, from the header row and one row per year (first cell 2017-01-01). */
    private static Map<Integer, Map<String, String>> readCsv(Path csv) throws IOException {
        List<String> lines = Files.readAllLines(csv);
        String[] header = lines.get(0).split(",", -1);
        Map<Integer, Map<String, String>> out = new LinkedHashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank()) continue;
            String[] cells = line.split(",", -1);
            Map<String, String> row = new LinkedHashMap<>();
            for (int i = 1; i < header.length && i < cells.length; i++) row.put(header[i].strip(), cells[i].strip());
            out.put(Integer.parseInt(cells[0].substring(0, 4)), row);
        }
        return out;
    }
}
