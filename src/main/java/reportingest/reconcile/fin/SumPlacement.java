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
    /**
     * Per column its figure (absent: blank); {@code certain} the columns every placement that holds fills alike, once
     * the figures' positions have settled what they clearly settle; {@code byPosition} those of them only positions settled.
     */
    record Placed(Map<String, RawCell> cells, Set<String> certain, Set<String> byPosition) {}

    /** A figure within this many column pitches of one place ... */
    private static final double NEAR = 1.0;
    /** ... and at least this many, and three times as far, from every other place the sums allow stands in the first. */
    private static final double FAR = 0.75;
    private static final double FARTHER = 3.0;

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
        Set<String> bySums = certain(columns, holding);
        List<Integer> kept = clearlyPlaced(slotsOf, orderOf, figures);
        List<Map<String, Integer>> settled = kept.stream().map(holding::get).toList();
        Set<String> certain = certain(columns, settled);
        Set<String> byPosition = new LinkedHashSet<>(certain);
        byPosition.removeAll(bySums);
        List<int[]> settledSlots = kept.stream().map(slotsOf::get).toList();
        int best = 0;
        double bestMisfit = Double.MAX_VALUE;
        for (int p = 0; p < settled.size(); p++) {
            double m = misfit(settledSlots.get(p), figures);
            if (m < bestMisfit) { bestMisfit = m; best = p; }
        }
        Map<String, RawCell> cells = new HashMap<>();
        for (Map.Entry<String, Integer> e : settled.get(best).entrySet()) cells.put(e.getKey(), figures.get(e.getValue()));
        return new Placed(cells, certain, byPosition);
    }

    private static Set<String> certain(Set<String> columns, List<Map<String, Integer>> placements) {
        Set<String> certain = new LinkedHashSet<>();
        for (String c : columns) {
            Integer first = placements.get(0).get(c);
            if (placements.stream().allMatch(p -> java.util.Objects.equals(p.get(c), first))) certain.add(c);
        }
        return certain;
    }

    /**
     * The placements (by index) left once each figure the sums leave open is put where its position clearly says: its
     * column's place is told by the figures whose columns every placement agrees on, the nearest on each side (or the
     * two nearest on one side), one column's pitch apart per column between them; a figure within a pitch of one open
     * place, and three times as far (three quarters of a pitch at least) from each other, stands in it. Columns of
     * unequal widths shift places by less than that; where the positions say less, all placements stay.
     */
    private static List<Integer> clearlyPlaced(List<int[]> slotsOf, List<List<String>> orderOf, List<RawCell> figures) {
        List<Integer> keep = new ArrayList<>();
        for (int p = 0; p < slotsOf.size(); p++) keep.add(p);
        if (figures.stream().anyMatch(f -> f.bbox() == null) || orderOf.stream().distinct().count() > 1) return keep;
        int n = figures.size();
        List<Integer> anchors = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            final int fi = i;
            if (slotsOf.stream().allMatch(s -> s[fi] == slotsOf.get(0)[fi])) anchors.add(i);
        }
        int[] anchorSlot = slotsOf.get(0);
        for (int i = 0; i < n; i++) {
            final int fi = i;
            List<Integer> open = keep.stream().map(p -> slotsOf.get(p)[fi]).distinct().toList();
            if (open.size() < 2) continue;
            int[] ref = references(anchors, i);
            if (ref == null) continue;
            double xa = centre(figures.get(ref[0])), xb = centre(figures.get(ref[1]));
            double pitch = (xb - xa) / (anchorSlot[ref[1]] - anchorSlot[ref[0]]);
            if (pitch <= 0) continue;
            double x = centre(figures.get(i));
            int near = -1;
            double nearest = Double.MAX_VALUE, next = Double.MAX_VALUE;
            for (int slot : open) {
                double d = Math.abs(x - (xa + (slot - anchorSlot[ref[0]]) * pitch)) / pitch;
                if (d < nearest) { next = nearest; nearest = d; near = slot; }
                else if (d < next) next = d;
            }
            if (nearest > NEAR || next < FAR || next < FARTHER * nearest) continue;
            final int at = near;
            keep = keep.stream().filter(p -> slotsOf.get(p)[fi] == at).toList();
        }
        return keep;
    }

    /** Two anchor figures to tell figure {@code i}'s place by: the nearest on each side, else the two nearest on one. */
    private static int[] references(List<Integer> anchors, int i) {
        Integer left = null, right = null, left2 = null, right2 = null;
        for (int a : anchors) {
            if (a < i) { left2 = left; left = a; }
            else if (a > i && right == null) right = a;
            else if (a > i && right2 == null) right2 = a;
        }
        if (left != null && right != null) return new int[]{left, right};
        if (left != null && left2 != null) return new int[]{left2, left};
        if (right != null && right2 != null) return new int[]{right, right2};
        return null;
    }

    private static double centre(RawCell f) {
        return f.bbox().x() + f.bbox().width() / 2;
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
            double x = slots[i], y = centre(figures.get(i));
            sx += x; sy += y; sxx += x * x; sxy += x * y;
        }
        double d = n * sxx - sx * sx;
        if (d == 0) return 0;
        double b = (n * sxy - sx * sy) / d, a = (sy - b * sx) / n, sq = 0;
        for (int i = 0; i < n; i++) {
            double r = centre(figures.get(i)) - (a + b * slots[i]);
            sq += r * r;
        }
        return sq;
    }
}
