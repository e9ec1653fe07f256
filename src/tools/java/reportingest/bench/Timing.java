package reportingest.bench;

/**
 * Pages handled and the wall time they took, in one measured run, with the CPU time the service spent
 * meanwhile (NaN where not measured): CPU over wall time says how many cores it actually got, which on
 * a machine shared with other work is what limits the parallel figures. {@code settleSeconds} is the
 * part of the wall time the service's intake waited before taking the first file (its read lock's
 * minimum age and poll delay; NaN for raw engines): included in {@code seconds}, reported apart.
 */
record Timing(int pages, double seconds, double cpuSeconds, double settleSeconds) {
    Timing(int pages, double seconds) {
        this(pages, seconds, Double.NaN, Double.NaN);
    }

    Timing(int pages, double seconds, double cpuSeconds) {
        this(pages, seconds, cpuSeconds, Double.NaN);
    }

    double pagesPerSecond() { return pages / seconds; }
    double secondsPerPage() { return seconds / pages; }
    double coresBusy() { return cpuSeconds / seconds; }
}
