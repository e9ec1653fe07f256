package reportingest.validate;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Evaluates checks on printed values with BigDecimal. A sum of n rounded terms may differ from its
 * printed total by up to n × {@code perAmount} (0.005 for amounts printed to 0.01); a printed zero
 * or blank is taken as no money rather than a rounded amount, and a total of a single non-zero term
 * must equal it exactly (both are the same number rounded the same way).
 * Two printings of one figure agree to the coarser printed precision.
 */
final class Evaluator {
    private static final int MAX_TERMS_SHOWN = 12;

    private final BigDecimal perAmount;

    Evaluator(BigDecimal perAmount) {
        this.perAmount = perAmount;
    }

    /** Null when the check is skipped because every value in it is blank. */
    Outcome evaluate(Check c, Function<CellRef, String> cells) {
        return switch (c.kind()) {
            case SUM -> sum(c, cells);
            case EQUAL -> equal(c, cells);
            case AT_LEAST -> atLeast(c, cells);
        };
    }

    private static String printed(Term t, Function<CellRef, String> cells) {
        return t.isCell() ? cells.apply(t.ref()) : t.printed();
    }

    private Outcome sum(Check c, Function<CellRef, String> cells) {
        String lhsText = printed(c.lhs(), cells);
        BigDecimal lhs = Amounts.parse(lhsText);
        BigDecimal total = BigDecimal.ZERO;
        int nonBlank = 0;
        int rounded = 0;
        List<String> shown = new ArrayList<>();
        int blanks = 0;
        for (Term t : c.terms()) {
            String p = printed(t, cells);
            BigDecimal v = Amounts.parse(p);
            if (v == null) {
                blanks++;
                continue;
            }
            nonBlank++;
            if (v.signum() != 0) rounded++;
            total = t.sign() < 0 ? total.subtract(v) : total.add(v);
            if (shown.size() < MAX_TERMS_SHOWN) {
                shown.add((t.sign() < 0 ? "- " : (shown.isEmpty() ? "" : "+ ")) + t.label() + " " + p.strip());
            }
        }
        if (c.skipWhenBlank() && lhs == null && nonBlank == 0) return null;
        BigDecimal tol = c.fixedTolerance() != null ? c.fixedTolerance()
                : rounded <= 1 ? BigDecimal.ZERO : perAmount.multiply(BigDecimal.valueOf(rounded));
        BigDecimal diff = (lhs == null ? BigDecimal.ZERO : lhs).subtract(total);
        boolean holds = diff.abs().compareTo(tol) <= 0;
        StringBuilder rhs = new StringBuilder(String.join(" ", shown));
        if (nonBlank > shown.size()) rhs.append(" + … (").append(nonBlank - shown.size()).append(" more)");
        if (blanks > 0) rhs.append(rhs.length() > 0 ? " " : "").append("(+").append(blanks).append(" blank)");
        if (rhs.length() == 0) rhs.append("0");
        String msg = String.format("%s: %s %s %s %s = %s (diff %s %s tolerance %s)", c.description(), c.lhs().label(),
                lhsText == null || lhs == null ? "blank" : lhsText.strip(), holds ? "=" : "≠", rhs,
                shown(total), shown(diff), holds ? "≤" : ">", tol.stripTrailingZeros().toPlainString());
        return new Outcome(c, holds, msg, diff.abs());
    }

    /** Sums of derived figures (amount × share) are shown to the cent. */
    private static String shown(BigDecimal d) {
        return (d.scale() > 2 ? d.setScale(2, java.math.RoundingMode.HALF_UP) : d).toPlainString();
    }

    private Outcome equal(Check c, Function<CellRef, String> cells) {
        Term bt = c.terms().get(0);
        String ap = printed(c.lhs(), cells), bp = printed(bt, cells);
        BigDecimal a = Amounts.parse(ap), b = Amounts.parse(bp);
        if (c.skipWhenBlank() && a == null && b == null) return null;
        BigDecimal tol = BigDecimal.ZERO;
        if (a != null) tol = Amounts.halfUnit(ap);
        if (b != null) tol = tol.max(Amounts.halfUnit(bp));
        if (c.fixedTolerance() != null) tol = tol.max(c.fixedTolerance());
        BigDecimal diff = (a == null ? BigDecimal.ZERO : a).subtract(b == null ? BigDecimal.ZERO : b);
        // within half a unit of the coarser printing: 485.94 and 485.95 differ, 56.2 and 56.20 agree
        boolean holds = diff.abs().compareTo(tol) <= 0;
        String msg = String.format("%s: %s %s %s %s %s (diff %s)", c.description(), c.lhs().label(),
                a == null ? "blank" : ap.strip(), holds ? "=" : "≠", bt.label(), b == null ? "blank" : bp.strip(),
                diff.toPlainString());
        return new Outcome(c, holds, msg, diff.abs());
    }

    private Outcome atLeast(Check c, Function<CellRef, String> cells) {
        Term bt = c.terms().get(0);
        String ap = printed(c.lhs(), cells), bp = printed(bt, cells);
        BigDecimal a = Amounts.parse(ap), b = Amounts.parse(bp);
        if (c.skipWhenBlank() && a == null && b == null) return null;
        BigDecimal az = a == null ? BigDecimal.ZERO : a, bz = b == null ? BigDecimal.ZERO : b;
        boolean holds = az.compareTo(bz) >= 0;
        String msg = String.format("%s: %s %s %s %s %s", c.description(), c.lhs().label(), a == null ? "blank" : ap.strip(),
                holds ? "≥" : "<", bt.label(), b == null ? "blank" : bp.strip());
        return new Outcome(c, holds, msg, holds ? BigDecimal.ZERO : bz.subtract(az));
    }
}
