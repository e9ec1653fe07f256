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
}
