package reportingest.reconcile.catalog;

import java.math.BigDecimal;

/**
 * Rounding allowance of sums: each printed amount is rounded to its printed precision, so a sum
 * identity may be off by up to {@code perAmount} times the number of non-blank amounts in it (the
 * total included); a total of a single non-blank term must equal it exactly. Two printings of one
 * figure agree to the coarser printed precision.
 */
public record ToleranceDef(BigDecimal perAmount) {
    public static final ToleranceDef DEFAULT = new ToleranceDef(new BigDecimal("0.005"));

    public ToleranceDef {
        if (perAmount == null) perAmount = new BigDecimal("0.005");
    }
}
