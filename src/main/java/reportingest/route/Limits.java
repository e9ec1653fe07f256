package reportingest.route;

import reportingest.config.IngestConfig;
import reportingest.detect.IngestFailure;

import java.time.Duration;

/**
 * What one file may use, from application.properties (README "Limits"). Each breach fails the file with
 * its own code and a sentence for the clerk: TOO_LARGE (file size in Intake, text size in detect),
 * TOO_MANY_PAGES, TIMEOUT. The time is checked before each stage and after each page; a file past it is
 * abandoned before its single store transaction, so none of its partial work is kept.
 */
public final class Limits {
    private final int maxPages;
    private final Duration timePerFile;

    public Limits(int maxPages, Duration timePerFile) {
        this.maxPages = maxPages;
        this.timePerFile = timePerFile;
    }

    public static Limits of(IngestConfig config) {
        return new Limits(config.maxPages(), config.timePerFile());
    }

    /** Bean step between stages: fails the file once its time is up. */
    public IngestJob checkTime(IngestJob job) {
        long elapsed = System.nanoTime() - job.startedNanos();
        if (elapsed > timePerFile.toNanos()) {
            throw new IngestFailure("TIMEOUT", "Processing the file took longer than the limit of "
                    + timePerFile.toSeconds() + " seconds, so it was abandoned and nothing of it was kept.",
                    "Split the document into smaller files and drop them into the inbox, or ask the operator to raise "
                            + "ingest.max-seconds-per-file in application.properties and drop it again.");
        }
        return job;
    }

    /** After each page read: fails the file past the page limit. */
    void checkPages(IngestJob job, int pagesSoFar) {
        if (pagesSoFar > maxPages) {
            throw new IngestFailure("TOO_MANY_PAGES", "The file has more than " + maxPages + " pages, the limit for one file.",
                    "Split the document into files of at most " + maxPages + " pages and drop them into the inbox, or ask "
                            + "the operator to raise ingest.max-pages in application.properties.");
        }
        checkTime(job);
    }
}
