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
 * n × {@code perAmount} is the worst case, every term rounded to its extreme in one direction; with
 * {@code honestTail} set, a difference that honest rounding of n terms reaches with probability below
 * it is a mismatch too ({@link RoundingTail}), so a digit changed by a few hundredths in a long sum does
 * not hide inside an allowance no honest document uses.
 */
final class Evaluator {
    private static final int MAX_TERMS_SHOWN = 12;

    private final BigDecimal perAmount;
    private final Double honestTail;
    /** Cells of tables whose unit is printed in whole units (元): a whole number there is rounded to ±0.5. */
    private final java.util.function.Predicate<CellRef> wholeUnits;

    Evaluator(BigDecimal perAmount) {
        this(perAmount, null);
    }

    Evaluator(BigDecimal perAmount, Double honestTail) {
        this(perAmount, honestTail, ref -> false);
    }

    private Evaluator(BigDecimal perAmount, Double honestTail, java.util.function.Predicate<CellRef> wholeUnits) {
        this.perAmount = perAmount;
        this.honestTail = honestTail;
        this.wholeUnits = wholeUnits;
    }

    /** The same evaluator for a document whose cells {@code wholeUnits} names are amounts rounded to whole 元. */
    Evaluator withWholeUnits(java.util.function.Predicate<CellRef> cellsInWholeUnits) {
        return new Evaluator(perAmount, honestTail, cellsInWholeUnits);
    }

    /**
     * Allowance of a sum of n non-zero rounded terms: none for one term (total and term are the same
     * number rounded the same way), else n × perAmount, narrowed to the largest difference honest
     * rounding plausibly reaches when that rejects a difference the worst case would accept.
     * Null note when the worst case decides.
     */
    private record Allowance(BigDecimal tolerance, BigDecimal worst, String note) {}

    private Allowance allowance(int n, BigDecimal perAmount) {
        if (n <= 1) return new Allowance(BigDecimal.ZERO, BigDecimal.ZERO, null);
        BigDecimal worst = perAmount.multiply(BigDecimal.valueOf(n));
        if (honestTail == null) return new Allowance(worst, worst, null);
        BigDecimal unit = perAmount.add(perAmount);
        BigDecimal plausible = unit.multiply(BigDecimal.valueOf(RoundingTail.plausibleUnits(n, honestTail)));
        if (plausible.add(unit).compareTo(worst) > 0) return new Allowance(worst, worst, null);
        return new Allowance(plausible, worst, "rounding " + n + " terms exceeds " + plausible.stripTrailingZeros().toPlainString()
                + " with probability < " + BigDecimal.valueOf(honestTail).stripTrailingZeros().toPlainString());
    }

    /** Null when the check is skipped because every value in it is blank. */
    Outcome evaluate(Check c, Function<CellRef, String> cells) {
        return switch (c.kind()) {
            case SUM -> sum(c, cells);
            case EQUAL -> equal(c, cells);
            case AT_LEAST -> atLeast(c, cells);
            case RATIO -> ratio(c, cells);
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
        BigDecimal per = halfUnit(c.lhs(), lhs, perAmount);
        for (Term t : c.terms()) {
            String p = printed(t, cells);
            BigDecimal v = Amounts.parse(p);
            if (v == null) {
                blanks++;
                continue;
            }
            nonBlank++;
            if (v.signum() != 0) {
                rounded++;
                per = halfUnit(t, v, per);
            }
            total = t.sign() < 0 ? total.subtract(v) : total.add(v);
            if (shown.size() < MAX_TERMS_SHOWN) {
                shown.add((t.sign() < 0 ? "- " : (shown.isEmpty() ? "" : "+ ")) + t.label() + " " + p.strip());
            }
        }
        if (c.skipWhenBlank() && lhs == null && nonBlank == 0) return null;
        Allowance allowance = c.fixedTolerance() != null ? new Allowance(c.fixedTolerance(), c.fixedTolerance(), null) : allowance(rounded, per);
        BigDecimal tol = allowance.tolerance();
        BigDecimal diff = (lhs == null ? BigDecimal.ZERO : lhs).subtract(total);
        boolean holds = diff.abs().compareTo(tol) <= 0;
        StringBuilder rhs = new StringBuilder(String.join(" ", shown));
        if (nonBlank > shown.size()) rhs.append(" + … (").append(nonBlank - shown.size()).append(" more)");
        if (blanks > 0) rhs.append(rhs.length() > 0 ? " " : "").append("(+").append(blanks).append(" blank)");
        if (rhs.length() == 0) rhs.append("0");
        String msg = String.format("%s: %s %s %s %s = %s (diff %s %s tolerance %s)", c.description(), c.lhs().label(),
                lhsText == null || lhs == null ? "blank" : lhsText.strip(), holds ? "=" : "≠", rhs,
                shown(total), shown(diff), holds ? "≤" : ">", tol.stripTrailingZeros().toPlainString()
                        // the reason is given only where the worst case alone would have accepted the difference
                        + (allowance.note() == null || holds || diff.abs().compareTo(allowance.worst()) > 0 ? "" : ": " + allowance.note()));
        return new Outcome(c, holds, msg, diff.abs());
    }

    /**
     * The rounding allowance per term: {@code perAmount} (half a cent), or half a unit for an amount of a
     * 元 table printed as a whole number (budgets in 元 print whole yuan: 94995790 is any amount within
     * ±0.5 of it). Whole numbers elsewhere (scores, 万元 figures) keep the exact allowance.
     */
    private BigDecimal halfUnit(Term t, BigDecimal v, BigDecimal per) {
        if (v == null || v.signum() == 0 || v.scale() > 0 || !t.isCell() || !wholeUnits.test(t.ref())) return per;
        BigDecimal half = new BigDecimal("0.5");
        return half.compareTo(per) > 0 ? half : per;
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

    /**
     * A printed percent against numerator / denominator: it may differ by half a unit of its own
     * printing (100% covers 99.5 to 100.5) plus what rounding the two amounts can move the quotient.
     * Printed without '%', it may be a percent or a fraction of one. Skipped when any of the three is
     * blank or the denominator is zero (the form prints no rate then).
     */
    private Outcome ratio(Check c, Function<CellRef, String> cells) {
        Term nt = c.terms().get(0), dt = c.terms().get(1);
        String rp = printed(c.lhs(), cells), np = printed(nt, cells), dp = printed(dt, cells);
        BigDecimal r = Amounts.parse(rp), n = Amounts.parse(np), d = Amounts.parse(dp);
        if (r == null || n == null || d == null || d.signum() == 0) return null;
        java.math.MathContext mc = java.math.MathContext.DECIMAL64;
        BigDecimal hundred = BigDecimal.valueOf(100);
        BigDecimal expected = n.multiply(hundred).divide(d, mc);
        BigDecimal spread = Amounts.halfUnit(np).divide(d.abs(), mc)
                .add(n.abs().multiply(Amounts.halfUnit(dp)).divide(d.multiply(d), mc)).multiply(hundred);
        BigDecimal diff = r.subtract(expected);
        BigDecimal tol = Amounts.halfUnit(rp).add(spread);
        boolean holds = diff.abs().compareTo(tol) <= 0;
        if (!holds && !rp.strip().endsWith("%")) {
            // "1.00" for 100%: the same check on the fraction's scale
            BigDecimal asFraction = r.multiply(hundred).subtract(expected);
            if (asFraction.abs().compareTo(Amounts.halfUnit(rp).multiply(hundred).add(spread)) <= 0) {
                holds = true;
                diff = asFraction;
            }
        }
        String msg = String.format("%s: %s %s %s %s %s / %s %s = %s%% (diff %s)", c.description(), c.lhs().label(), rp.strip(),
                holds ? "=" : "≠", nt.label(), np.strip(), dt.label(), dp.strip(), expected.setScale(2, java.math.RoundingMode.HALF_UP).toPlainString(),
                diff.setScale(2, java.math.RoundingMode.HALF_UP).toPlainString());
        return new Outcome(c, holds, msg, diff.abs());
    }
}
