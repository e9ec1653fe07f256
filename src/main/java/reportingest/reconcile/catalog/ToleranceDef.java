package reportingest.reconcile.catalog;

import java.math.BigDecimal;

/**
 * Rounding allowance of sums: amounts are printed rounded, so a sum of n non-blank rounded terms may
 * differ from its total by up to n × {@code perAmount}; a total of a single non-blank term must equal
 * it exactly. Two printings of one figure agree to the coarser printed precision.
 */
public record ToleranceDef(BigDecimal perAmount) {
    public static final ToleranceDef DEFAULT = new ToleranceDef(new BigDecimal("0.005"));

    public ToleranceDef {
        if (perAmount == null) perAmount = new BigDecimal("0.005");
    }
}
