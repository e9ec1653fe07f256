package reportingest.validate;

import org.junit.jupiter.api.Test;
import reportingest.layout.PageOrigin;
import reportingest.reconcile.CellValue;
import reportingest.reconcile.ExtractedDocument;
import reportingest.reconcile.ExtractedTable;
import reportingest.reconcile.Flag;
import reportingest.reconcile.RowStatus;
import reportingest.reconcile.TableRow;
import reportingest.catalog.Catalog;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class IdentityEvaluationTest {
    private static final Evaluator EVAL = new Evaluator(new BigDecimal("0.005"));

    private static Check sum(String total, String... parts) {
        List<Term> terms = java.util.Arrays.stream(parts).map(p -> Term.figure(p.split("=")[0], p.split("=")[1])).toList();
        return new Check("t", "ROW_SUM_MISMATCH", Check.Kind.SUM, Check.Source.TABLE, "expenditure row 合计",
                Term.figure(total.split("=")[0], total.split("=")[1]), terms, null, true);
    }

    @Test
    void aSumOfRoundedTermsMayDifferByHalfACentPerTerm() {
        assertThat(EVAL.evaluate(sum("本年支出合计=1196.83", "基本支出=1109.33", "项目支出=87.51"), r -> null).holds()).isTrue();
        assertThat(EVAL.evaluate(sum("本年支出合计=1196.85", "基本支出=1109.33", "项目支出=87.50"), r -> null).holds()).isFalse();
    }

    @Test
    void theMessageNamesTheIdentityAndItsNumbers() {
        Outcome o = EVAL.evaluate(sum("本年支出合计=1196.86", "基本支出=1109.33", "项目支出=87.51"), r -> null);
        assertThat(o.holds()).isFalse();
        assertThat(o.message()).isEqualTo(
                "expenditure row 合计: 本年支出合计 1196.86 ≠ 基本支出 1109.33 + 项目支出 87.51 = 1196.84 (diff 0.02 > tolerance 0.01)");
    }

    @Test
    void aTotalOfOneNonZeroTermMustEqualItExactly() {
        assertThat(EVAL.evaluate(sum("合计=72.16", "财政拨款收入=72.15", "事业收入=0.00", "其他收入=0.00"), r -> null).holds()).isFalse();
        assertThat(EVAL.evaluate(sum("合计=72.16", "财政拨款收入=72.16", "事业收入=0.00"), r -> null).holds()).isTrue();
    }

    @Test
    void twoPrintingsAgreeToTheCoarserPrecision() {
        Check c = new Check("e", "CROSS_TABLE_MISMATCH", Check.Kind.EQUAL, Check.Source.CROSS, "eq", Term.figure("a", "56.2"),
                List.of(Term.figure("b", "56.20")), null, true);
        assertThat(EVAL.evaluate(c, r -> null).holds()).isTrue();
        Check d = new Check("e", "CROSS_TABLE_MISMATCH", Check.Kind.EQUAL, Check.Source.CROSS, "eq", Term.figure("a", "485.94"),
                List.of(Term.figure("b", "485.95")), null, true);
        assertThat(EVAL.evaluate(d, r -> null).holds()).isFalse();
    }

    private static Check ratio(String rate, String executed, String budget) {
        return new Check("r", "ROW_SUM_MISMATCH", Check.Kind.RATIO, Check.Source.TABLE, "执行率", Term.figure("执行率", rate),
                List.of(Term.figure("全年执行数", executed), Term.figure("全年预算数", budget)), null, true);
    }

    @Test
    void aRateAgreesWithItsQuotientToThePrecisionItIsPrintedWith() {
        assertThat(EVAL.evaluate(ratio("100%", "1196.83", "1196.83"), r -> null).holds()).isTrue();
        assertThat(EVAL.evaluate(ratio("98%", "1172.89", "1196.83"), r -> null).holds()).isTrue(); // 98.0%
        assertThat(EVAL.evaluate(ratio("97%", "1172.89", "1196.83"), r -> null).holds()).isFalse();
        assertThat(EVAL.evaluate(ratio("98.00%", "1172.89", "1196.83"), r -> null).holds()).isTrue();
        assertThat(EVAL.evaluate(ratio("98.10%", "1172.89", "1196.83"), r -> null).holds()).isFalse();
        assertThat(EVAL.evaluate(ratio("1.00", "756.78", "756.78"), r -> null).holds()).isTrue(); // a fraction of one
        assertThat(EVAL.evaluate(ratio("100%", "0", "0"), r -> null)).isNull();
    }

    @Test
    void ocrRepairCandidatesIncludeDigitSwapsAndDecimalPointMoves() {
        assertThat(RepairCandidates.of("485.35")).contains("485.95", "486.35", "48535", "48.535");
        assertThat(RepairCandidates.of("485.35")).doesNotContain("485.35", "085.35");
        assertThat(RepairCandidates.likely("485.35", "485.85")).isTrue();
        assertThat(RepairCandidates.likely("485.35", "485.45")).isFalse();
    }

    // ---- a one-row table under a schema defined only in catalog data

    private static final String CATALOG = """
            {"schemas": [{"id": "demo", "title": "演示表", "kind": "one_row", "columns": [{"name": "合计"}, {"name": "甲"}, {"name": "乙"}],
              "identities": [{"kind": "row_sum", "total": "合计", "parts": ["甲", "乙"], "description": "合计 = 甲 + 乙"}]}]}
            """;

    private static CellValue cell(String v) {
        return new CellValue(v, v, 90.0, List.of(), 1, null, PageOrigin.OCR_TEXT, null);
    }

    private static ExtractedDocument demo(String total, String a, String b) {
        Map<String, CellValue> cells = new LinkedHashMap<>();
        cells.put("合计", cell(total));
        cells.put("甲", cell(a));
        cells.put("乙", cell(b));
        TableRow row = new TableRow(Map.of(), cells, RowStatus.ACCEPTED, List.of());
        ExtractedTable t = new ExtractedTable("demo", "演示表", null, List.of("合计", "甲", "乙"), List.of(row), List.of(), List.of(), 1, 1);
        return new ExtractedDocument(null, 2024, "万元", List.of(t), List.of(), List.of());
    }

    private static Validator validator() throws Exception {
        return new Validator(Catalog.load(new ByteArrayInputStream(CATALOG.getBytes(StandardCharsets.UTF_8))));
    }

    @Test
    void anIdentityAddedAsCatalogDataIsCheckedWithoutNewCode() throws Exception {
        Validation ok = validator().validate(demo("30.00", "10.00", "20.00"), List.of());
        TableRow row = ok.document().tables().get(0).rows().get(0);
        assertThat(row.status()).isEqualTo(RowStatus.ACCEPTED);
        assertThat(row.cells().get("甲").confidence()).isGreaterThan(90.0);

        Validation bad = validator().validate(demo("30.00", "16.00", "20.00"), List.of());
        TableRow broken = bad.document().tables().get(0).rows().get(0);
        assertThat(broken.status()).isEqualTo(RowStatus.NEEDS_REVIEW);
        assertThat(broken.flags()).extracting(Flag::code).contains("ROW_SUM_MISMATCH");
        assertThat(broken.cells().get("甲").flags()).extracting(Flag::message)
                .anyMatch(m -> m.contains("合计 30.00 ≠ 甲 16.00 + 乙 20.00"));
        assertThat(broken.cells().get("甲").confidence()).isLessThan(50.0);
        assertThat(broken.cells().get("甲").value()).isEqualTo("16.00");
    }

    @Test
    void aSingleCellThatOneOcrConfusionExplainsGetsAProposalNeverAnOverwrite() throws Exception {
        // two identities pin 甲: 合计 = 甲 + 乙 and 合计 printed again elsewhere
        String catalog = CATALOG.replace("\"description\": \"合计 = 甲 + 乙\"}]", "\"description\": \"合计 = 甲 + 乙\"},"
                + "{\"kind\": \"row_sum\", \"total\": \"甲\", \"parts\": [\"乙\"], \"description\": \"甲 = 乙\"}]");
        Validator v = new Validator(Catalog.load(new ByteArrayInputStream(catalog.getBytes(StandardCharsets.UTF_8))));
        Validation bad = v.validate(demo("40.00", "26.00", "20.00"), List.of());
        CellValue a = bad.document().tables().get(0).rows().get(0).cells().get("甲");
        assertThat(a.value()).isEqualTo("26.00");
        assertThat(a.proposal()).isEqualTo("20.00");
        assertThat(a.flags()).extracting(Flag::code).contains("REPAIR_PROPOSED");
    }
}
