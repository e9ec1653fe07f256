package reportingest.reconcile.fin;

import reportingest.catalog.IdentityDef;
import reportingest.tables.RawCell;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The columns of a one-row table's figures, found by the table's own sums where its header names none of them (a
 * 三公 table of a 150-dpi scan, its header read as noise): every way of putting the figures, in their printed order,
 * into the columns (in each order a header may print them) is tried, and those under which every row sum of the
 * schema holds are kept. A column that all of them fill alike is certain; where they differ (2.86 under 小计 is
 * 购置费 or 运行维护费: the sums hold either way) the one whose figures lie most evenly across the columns, by their
 * positions on the page, is taken, and those columns are not certain.
 */
final class SumPlacement {
    /** Per column its figure (absent: blank); {@code certain} the columns every placement that holds fills alike. */
    record Placed(Map<String, RawCell> cells, Set<String> certain) {}

    /** More ways than this are not tried (one-row forms have up to a dozen columns: C(12, 6) = 924). */
    private static final int MAX_TRIED = 100_000;

    private SumPlacement() {}

    /**
     * @param orders    the column orders a header may print (catalog order; 预算数/决算数 innermost)
     * @param figures   the row's figures left to right, one amount to a cell
     * @param fixed     figures (by index) whose column the header names: placed there in every placement
     * @param perAmount how far a printed sum may be from its terms per non-blank term (rounding)
     * @return null when no placement makes every row sum hold, or no row sum constrains the columns
     */
    static Placed place(List<List<String>> orders, List<RawCell> figures, Map<Integer, String> fixed, List<IdentityDef> identities,
                        BigDecimal perAmount) {
        List<IdentityDef> sums = identities.stream()
                .filter(i -> "row_sum".equals(i.kind()) && i.total() != null && !i.parts().isEmpty()).toList();
        if (sums.isEmpty() || figures.isEmpty()) return null;
        List<BigDecimal> values = new ArrayList<>();
        for (RawCell f : figures) {
            AmountParser.Amount a = AmountParser.parse(f.text());
            if (a.guessed() || a.value() == null) return null;
            values.add(new BigDecimal(a.value().replace("%", "")));
        }
        List<Map<String, Integer>> holding = new ArrayList<>();
        List<int[]> slotsOf = new ArrayList<>();
        List<List<String>> orderOf = new ArrayList<>();
        int[] tried = {0};
        for (List<String> order : orders) {
            if (figures.size() > order.size()) continue;
            choose(new int[figures.size()], 0, 0, order.size(), slots -> {
                if (++tried[0] > MAX_TRIED) return;
                Map<String, Integer> at = new HashMap<>();
                for (int i = 0; i < slots.length; i++) {
                    if (fixed.containsKey(i) && !fixed.get(i).equals(order.get(slots[i]))) return;
                    at.put(order.get(slots[i]), i);
                }
                if (sums.stream().allMatch(s -> holds(s, at, values, perAmount))) {
                    holding.add(at);
                    slotsOf.add(slots.clone());
                    orderOf.add(order);
                }
            });
        }
        if (holding.isEmpty() || tried[0] > MAX_TRIED) return null;
        Set<String> columns = new LinkedHashSet<>(orders.get(0));
        Set<String> certain = new LinkedHashSet<>();
        for (String c : columns) {
            Integer first = holding.get(0).get(c);
            if (holding.stream().allMatch(p -> java.util.Objects.equals(p.get(c), first))) certain.add(c);
        }
        int best = 0;
        double bestMisfit = Double.MAX_VALUE;
        for (int p = 0; p < holding.size(); p++) {
            double m = misfit(slotsOf.get(p), figures);
            if (m < bestMisfit) { bestMisfit = m; best = p; }
        }
        Map<String, RawCell> cells = new HashMap<>();
        for (Map.Entry<String, Integer> e : holding.get(best).entrySet()) cells.put(e.getKey(), figures.get(e.getValue()));
        return new Placed(cells, certain);
    }

    /** Calls {@code use} with every increasing choice of {@code slots.length} of {@code n} slots. */
    private static void choose(int[] slots, int i, int from, int n, java.util.function.Consumer<int[]> use) {
        if (i == slots.length) { use.accept(slots); return; }
        for (int s = from; s <= n - (slots.length - i); s++) {
            slots[i] = s;
            choose(slots, i + 1, s + 1, n, use);
        }
    }

    /** The total equals the sum of its parts (blank as 0), within rounding: n non-blank terms differ by n × perAmount at most. */
    private static boolean holds(IdentityDef s, Map<String, Integer> at, List<BigDecimal> values, BigDecimal perAmount) {
        BigDecimal total = valueOf(s.total(), at, values);
        BigDecimal sum = BigDecimal.ZERO;
        int terms = 0;
        for (String part : s.parts()) {
            BigDecimal v = valueOf(part, at, values);
            if (v.signum() != 0) terms++;
            sum = sum.add(v);
        }
        BigDecimal room = terms <= 1 ? BigDecimal.ZERO : perAmount.multiply(BigDecimal.valueOf(terms));
        return total.subtract(sum).abs().compareTo(room) <= 0;
    }

    private static BigDecimal valueOf(String column, Map<String, Integer> at, List<BigDecimal> values) {
        Integer i = at.get(column);
        return i == null ? BigDecimal.ZERO : values.get(i);
    }

    /**
     * How far the figures' centres lie from a straight line through their columns' places (least squares): printed
     * columns are of about one width, so a figure two columns on from the last lies about twice as far on.
     */
    private static double misfit(int[] slots, List<RawCell> figures) {
        int n = slots.length;
        // a cell without a box (a text report's) gives no position: every placement fits alike, the first is taken
        if (n < 2 || figures.stream().anyMatch(f -> f.bbox() == null)) return 0;
        double sx = 0, sy = 0, sxx = 0, sxy = 0;
        for (int i = 0; i < n; i++) {
            double x = slots[i], y = figures.get(i).bbox().x() + figures.get(i).bbox().width() / 2;
            sx += x; sy += y; sxx += x * x; sxy += x * y;
        }
        double d = n * sxx - sx * sx;
        if (d == 0) return 0;
        double b = (n * sxy - sx * sy) / d, a = (sy - b * sx) / n, sq = 0;
        for (int i = 0; i < n; i++) {
            double r = figures.get(i).bbox().x() + figures.get(i).bbox().width() / 2 - (a + b * slots[i]);
            sq += r * r;
        }
        return sq;
    }
}
