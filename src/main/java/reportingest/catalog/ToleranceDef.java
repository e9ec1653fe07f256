package reportingest.catalog;

import java.math.BigDecimal;

/**
 * Rounding allowance of sums: amounts are printed rounded, so a sum of n non-blank rounded terms may
 * differ from its total by up to n × {@code perAmount}; a total of a single non-blank term must equal
 * it exactly. Two printings of one figure agree to the coarser printed precision.
 * {@code honestTail}: a difference inside that worst case is still a mismatch when honest rounding of
 * n terms reaches it with probability below this (null: the worst case alone decides).
 */
public record ToleranceDef(BigDecimal perAmount, Double honestTail) {
    public static final ToleranceDef DEFAULT = new ToleranceDef(new BigDecimal("0.005"), null);

    public ToleranceDef {
        if (perAmount == null) perAmount = new BigDecimal("0.005");
    }
}
