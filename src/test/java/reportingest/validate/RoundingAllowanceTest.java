package reportingest.validate;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The rounding allowance of a sum: the worst case n × 0.005, narrowed to what honest rounding of n
 * terms reaches with probability at least 1e-5 (the catalog's honestTail).
 */
class RoundingAllowanceTest {
    private static final Evaluator EVAL = new Evaluator(new BigDecimal("0.005"), 1e-5);

    /** lhs = Σ terms, with n terms of which the first carries the difference from the total. */
    private static Check sum(String total, List<String> terms) {
        List<Term> t = new ArrayList<>();
        for (int i = 0; i < terms.size(); i++) t.add(Term.figure("t" + i, terms.get(i)));
        return new Check("s", "HIERARCHY_SUM_MISMATCH", Check.Kind.SUM, Check.Source.TABLE, "302 = Σ", Term.figure("302", total), t, null, true);
    }

    private static List<String> fourteenTerms(String first) {
        List<String> t = new ArrayList<>(List.of(first));
        for (int i = 1; i < 14; i++) t.add("10.00");
        return t; // Σ = first + 130.00
    }

    @Test
    void theHonestRoundingTailIsTheExactIrwinHallProbability() {
        // two terms: |u1 + u2| ≥ 1/2 has probability 1/4; four terms reach 2 units with probability 1/192
        assertThat(RoundingTail.atLeast(2, 1)).isCloseTo(0.25, within(1e-12));
        assertThat(RoundingTail.atLeast(4, 2)).isCloseTo(1.0 / 192, within(1e-12));
        assertThat(RoundingTail.atLeast(3, 2)).isZero();
        assertThat(RoundingTail.atLeast(14, 5)).isCloseTo(8.4526e-6, within(1e-9));
    }

    @Test
    void theAllowanceNarrowsOnlyWhereHonestRoundingIsImplausible() {
        assertThat(RoundingTail.plausibleUnits(1, 1e-5)).isZero();
        assertThat(RoundingTail.plausibleUnits(2, 1e-5)).isEqualTo(1);
        assertThat(RoundingTail.plausibleUnits(6, 1e-5)).isEqualTo(3);
        assertThat(RoundingTail.plausibleUnits(14, 1e-5)).isEqualTo(4);
        assertThat(RoundingTail.plausibleUnits(40, 1e-5)).isEqualTo(8);
    }

    @Test
    void aLongSumOffByFiveCentsIsAMismatchThoughInsideTheWorstCase() {
        Outcome o = EVAL.evaluate(sum("140.05", fourteenTerms("10.00")), r -> null);
        assertThat(o.holds()).isFalse();
        assertThat(o.message()).endsWith("(diff 0.05 > tolerance 0.04: rounding 14 terms exceeds 0.04 with probability < 0.00001)");
        assertThat(new Evaluator(new BigDecimal("0.005")).evaluate(sum("140.05", fourteenTerms("10.00")), r -> null).holds()).isTrue();
    }

    @Test
    void aLongSumOffByFourCentsStillHolds() {
        Outcome o = EVAL.evaluate(sum("140.04", fourteenTerms("10.00")), r -> null);
        assertThat(o.holds()).isTrue();
        assertThat(o.message()).endsWith("(diff 0.04 ≤ tolerance 0.04)");
    }

    @Test
    void shortSumsKeepTheWorstCaseAllowance() {
        assertThat(EVAL.evaluate(sum("1501.27", List.of("893.67", "607.59")), r -> null).holds()).isTrue();
        assertThat(EVAL.evaluate(sum("1501.28", List.of("893.67", "607.59")), r -> null).holds()).isFalse();
        assertThat(EVAL.evaluate(sum("10.02", List.of("2.50", "2.50", "2.50", "2.50")), r -> null).holds()).isTrue();
    }

    /** Cells of one row: lhs in column "t", terms in "t0"…; the printed values come from {@code values}. */
    private static Check cellSum(List<String> columns) {
        List<Term> t = new ArrayList<>();
        for (int i = 1; i < columns.size(); i++) t.add(Term.cell("t" + i, new CellRef(0, 0, "t" + i)));
        return new Check("s", "HIERARCHY_SUM_MISMATCH", Check.Kind.SUM, Check.Source.TABLE, "21201 = Σ",
                Term.cell("t0", new CellRef(0, 0, "t0")), t, null, true);
    }

    /**
     * 万里街道's 2025 budget (元, whole yuan): 21201 prints 94,995,790 over 项 printing 17,887,739 + 17,464,243
     * + 6,522,681 + 53,121,126 = 94,995,789; each is a rounded yuan amount, so one yuan apart is honest. A score
     * table prints whole numbers that are exact: 10 is not 9.
     */
    @Test
    void wholeYuanAmountsAreRoundedToHalfAYuanButOtherWholeNumbersAreExact() {
        List<String> values = List.of("94995790", "17887739", "17464243", "6522681", "53121126");
        java.util.function.Function<CellRef, String> cells = r -> values.get(Integer.parseInt(r.column().substring(1)));
        assertThat(EVAL.withWholeUnits(r -> true).evaluate(cellSum(values), cells).holds()).isTrue();
        assertThat(EVAL.evaluate(cellSum(values), cells).holds()).isFalse();
        List<String> scores = List.of("10", "6", "3");
        java.util.function.Function<CellRef, String> score = r -> scores.get(Integer.parseInt(r.column().substring(1)));
        assertThat(EVAL.evaluate(cellSum(scores), score).holds()).isFalse();
    }
}
