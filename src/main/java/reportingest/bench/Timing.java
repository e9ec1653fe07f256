package reportingest.bench;

/** Pages handled and the wall time they took, in one measured run. */
record Timing(int pages, double seconds) {
    double pagesPerSecond() { return pages / seconds; }
    double secondsPerPage() { return seconds / pages; }
}
