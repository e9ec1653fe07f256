package reportingest.bench;

/**
 * Pages handled and the wall time they took, in one measured run, with the CPU time the service spent
 * meanwhile (NaN where not measured): CPU over wall time says how many cores it actually got, which on
 * a machine shared with other work is what limits the parallel figures.
 */
record Timing(int pages, double seconds, double cpuSeconds) {
    Timing(int pages, double seconds) {
        this(pages, seconds, Double.NaN);
    }

    double pagesPerSecond() { return pages / seconds; }
    double secondsPerPage() { return seconds / pages; }
    double coresBusy() { return cpuSeconds / seconds; }
}
