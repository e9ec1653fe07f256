package reportingest.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Every measured run by what was measured; medians over the rounds, so one disturbed run does not decide. */
final class Samples {
    private final Map<String, List<Timing>> runs = new LinkedHashMap<>();

    void add(String key, Timing t) {
        runs.computeIfAbsent(key, k -> new ArrayList<>()).add(t);
    }

    boolean has(String key) { return runs.containsKey(key); }

    /** The run with the median time (pages are the same in every round). */
    Timing median(String key) {
        List<Timing> sorted = new ArrayList<>(list(key));
        sorted.sort((a, b) -> Double.compare(a.seconds(), b.seconds()));
        int n = sorted.size();
        Timing mid = sorted.get(n / 2);
        if (n % 2 == 1) return mid;
        return new Timing(mid.pages(), (sorted.get(n / 2 - 1).seconds() + mid.seconds()) / 2);
    }

    /** Median over rounds of the cores the service kept busy (CPU time / wall time). */
    double coresBusy(String key) {
        List<Double> c = new ArrayList<>(list(key).stream().map(Timing::coresBusy).toList());
        c.sort(Double::compare);
        int n = c.size();
        return n % 2 == 1 ? c.get(n / 2) : (c.get(n / 2 - 1) + c.get(n / 2)) / 2;
    }

    /** Median over rounds of the settle wait (the intake's wait before the first file is taken). */
    double medianSettle(String key) {
        return median(list(key).stream().map(Timing::settleSeconds).toList());
    }

    /** Median over rounds of pages per second with the settle wait taken out. */
    double pagesPerSecondExSettle(String key) {
        return median(list(key).stream().map(t -> t.pages() / (t.seconds() - t.settleSeconds())).toList());
    }

    private static double median(List<Double> values) {
        List<Double> c = new ArrayList<>(values);
        c.sort(Double::compare);
        int n = c.size();
        return n % 2 == 1 ? c.get(n / 2) : (c.get(n / 2 - 1) + c.get(n / 2)) / 2;
    }

    /** "min–max" seconds over the rounds. */
    String spread(String key) {
        double min = list(key).stream().mapToDouble(Timing::seconds).min().orElseThrow();
        double max = list(key).stream().mapToDouble(Timing::seconds).max().orElseThrow();
        return String.format(Locale.ROOT, "%.1f–%.1f", min, max);
    }

    /** Median over rounds of a per-round ratio a/b, paired round by round (both drift with the machine's load). */
    double pairedRatio(String a, String b) {
        List<Timing> x = list(a), y = list(b);
        List<Double> r = new ArrayList<>();
        for (int i = 0; i < Math.min(x.size(), y.size()); i++) r.add(x.get(i).secondsPerPage() / y.get(i).secondsPerPage());
        r.sort(Double::compare);
        int n = r.size();
        return n % 2 == 1 ? r.get(n / 2) : (r.get(n / 2 - 1) + r.get(n / 2)) / 2;
    }

    private List<Timing> list(String key) {
        List<Timing> l = runs.get(key);
        if (l == null || l.isEmpty()) throw new IllegalStateException("nothing measured for " + key);
        return l;
    }
}
