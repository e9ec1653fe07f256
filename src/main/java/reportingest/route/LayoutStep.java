package reportingest.route;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reportingest.detect.IngestFailure;
import reportingest.layout.Page;
import reportingest.store.DocumentStore;
import reportingest.layout.PageOrigin;
import reportingest.layout.PageSource;
import reportingest.layout.PageSources;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Pipeline step "layout": reads every page into the shared page model, logging progress on long files and
 * recording pages read (OCR'd pages, seconds per page) in the metrics.
 */
public final class LayoutStep {
    private static final Logger log = LoggerFactory.getLogger(LayoutStep.class);
    /** Long files report every page; short ones stay quiet. */
    private static final int QUIET_BELOW_PAGES = 3;

    private final PageSources sources;
    private final Limits limits;
    private final DocumentStore documents;
    private final IngestMetrics metrics;

    /** @param documents where progress (pages, pagesDone) is recorded while reading; null records none */
    public LayoutStep(PageSources sources, Limits limits, DocumentStore documents) {
        this(sources, limits, documents, null);
    }

    /** @param metrics where pages read are counted and timed; null records none */
    public LayoutStep(PageSources sources, Limits limits, DocumentStore documents, IngestMetrics metrics) {
        this.sources = sources;
        this.limits = limits;
        this.documents = documents;
        this.metrics = metrics;
    }

    public IngestJob layout(IngestJob job) {
        PageSource source = sources.sourceFor(job.detected()).orElseThrow(() -> new IngestFailure("UNSUPPORTED_TYPE",
                "No page reader is configured for " + job.detected().kind() + " files.",
                "Report this to the maintainers; keep the file in failed/."));
        List<Page> pages = new ArrayList<>();
        long start = System.nanoTime();
        Integer total = PageCount.of(job.detected());
        String of = total == null ? "" : " of " + total;
        progress(job, total, 0);
        long[] previous = {start};
        try {
            source.pages(job.detected(), page -> {
                long now = System.nanoTime();
                if (metrics != null) metrics.pageRead(page.origin(), now - previous[0]);
                previous[0] = now;
                pages.add(page);
                limits.checkPages(job, pages.size());
                progress(job, total, pages.size());
                if (page.number() >= QUIET_BELOW_PAGES || page.origin() == PageOrigin.OCR) {
                    log.info("'{}': page {}{} read ({}, {} lines)", job.fileName(), page.number(), of,
                            describe(page.origin()), page.lines().size());
                }
            });
        } catch (IOException e) {
            for (Throwable t = e; t != null; t = t.getCause()) if (t instanceof IngestFailure f) throw f; // a limit, not damage
            throw new IngestFailure("CORRUPT", "The pages of the file could not be read: the file is damaged or incomplete.",
                    "Open the file to check it; export or scan it again and drop the new file into the inbox.", e);
        }
        StageEvent.info(log, job.fileName(), job.documentId(), "layout", "ok", start).addKeyValue("pages", pages.size())
                .log("'{}': {} page(s) read in {} ms", job.fileName(), pages.size(), (System.nanoTime() - start) / 1_000_000);
        return job.withPages(pages);
    }

    private void progress(IngestJob job, Integer total, int done) {
        if (documents != null) documents.progress(job.documentId(), total, done);
    }

    private static String describe(PageOrigin origin) {
        return switch (origin) {
            case TEXT_LAYER -> "text layer";
            case OCR -> "OCR";
            case OCR_TEXT -> "OCR'd text";
        };
    }
}
