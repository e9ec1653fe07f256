package reportingest.route;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reportingest.layout.Page;
import reportingest.tables.RawTable;
import reportingest.tables.TableRecognizer;

import java.util.ArrayList;
import java.util.List;

/** Pipeline step "tables": runs every recognizer over the pages and collects the tables found. */
public final class TablesStep {
    private static final Logger log = LoggerFactory.getLogger(TablesStep.class);

    private final List<TableRecognizer> recognizers;

    public TablesStep(List<TableRecognizer> recognizers) {
        this.recognizers = List.copyOf(recognizers);
    }

    public IngestJob tables(IngestJob job) {
        long t0 = System.nanoTime();
        List<RawTable> found = new ArrayList<>();
        for (TableRecognizer r : recognizers) {
            List<Page> readable = job.pages().stream().filter(p -> r.reads(p.origin())).toList();
            if (!readable.isEmpty()) found.addAll(r.recognize(readable));
        }
        StageEvent.info(log, job.fileName(), job.documentId(), "tables", "ok", t0)
                .log("'{}': {} table(s) found", job.fileName(), found.size());
        return job.withRawTables(found);
    }
}
