package reportingest.validate;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How far honest rounding can plausibly move a printed total away from the sum of its printed terms.
 * Each of n printed terms carries a rounding error uniform on ±half a unit; the printed total is the
 * exact sum rounded, so the printed difference is round(Σ errors), in units of the printed precision.
 * The worst case, n/2 units, needs every error at its extreme in the same direction; this class gives
 * the largest difference whose probability under honest rounding is at least {@code tail}, from the
 * exact Irwin–Hall distribution of the sum (no normal approximation).
 */
final class RoundingTail {
    private static final Map<String, Integer> CACHE = new ConcurrentHashMap<>();

    private RoundingTail() {}

    /** Largest K (units) with P(|round(Σ of n errors)| ≥ K) ≥ tail; 0 for n ≤ 1. */
    static int plausibleUnits(int n, double tail) {
        if (n <= 1) return 0;
        return CACHE.computeIfAbsent(n + "/" + tail, k -> {
            int units = 0;
            while (units + 1 <= (n + 1) / 2 && atLeast(n, units + 1) >= tail) units++;
            return units;
        });
    }

    /**
     * P(|round(S)| ≥ k) for S the sum of n independent uniforms on (-1/2, 1/2): twice the Irwin–Hall
     * CDF at n/2 - (k - 1/2), computed as an exact fraction Σ (-1)^j C(n,j) (y - 2j)^n / (n! 2^n) with
     * y = n - 2k + 1 (twice the CDF argument, an integer).
     */
    static double atLeast(int n, int k) {
        if (k <= 0) return 1.0;
        int y = n - 2 * k + 1;
        if (y <= 0) return 0.0;
        BigInteger num = BigInteger.ZERO;
        BigInteger choose = BigInteger.ONE;
        for (int j = 0; 2 * j < y && j <= n; j++) {
            BigInteger term = choose.multiply(BigInteger.valueOf(y - 2L * j).pow(n));
            num = (j % 2 == 0) ? num.add(term) : num.subtract(term);
            choose = choose.multiply(BigInteger.valueOf(n - j)).divide(BigInteger.valueOf(j + 1));
        }
        BigInteger den = factorial(n).shiftLeft(n);
        return new BigDecimal(num.shiftLeft(1)).divide(new BigDecimal(den), MathContext.DECIMAL64).doubleValue();
    }

    private static BigInteger factorial(int n) {
        BigInteger f = BigInteger.ONE;
        for (int i = 2; i <= n; i++) f = f.multiply(BigInteger.valueOf(i));
        return f;
    }
}
