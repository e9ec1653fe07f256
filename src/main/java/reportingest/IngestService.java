package reportingest;

import org.apache.camel.main.Main;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reportingest.api.ApiToken;
import reportingest.api.DocumentsApi;
import reportingest.api.FeedApi;
import reportingest.catalog.Catalog;
import reportingest.api.CatalogApi;
import reportingest.api.JsonErrorPages;
import reportingest.api.ReviewSessions;
import reportingest.api.RetryApi;
import reportingest.api.ReviewStation;
import reportingest.api.ReviewerAccounts;
import reportingest.api.SessionApi;
import reportingest.api.StationApi;
import reportingest.api.JsonResponder;
import reportingest.api.OpenApiDoc;
import reportingest.api.OperatorApi;
import reportingest.api.PagesApi;
import reportingest.api.RequestParameters;
import reportingest.api.ReviewApi;
import reportingest.config.IngestConfig;
import reportingest.detect.TypeDetector;
import reportingest.layout.ocr.PixelBudget;
import reportingest.reconcile.ExtractedDocument;
import reportingest.route.DetectStep;
import reportingest.route.DocumentWorkers;
import reportingest.route.FailureReporter;
import reportingest.route.InboxEntries;
import reportingest.route.IngestMetrics;
import reportingest.route.InboxClaims;
import reportingest.route.Intake;
import reportingest.route.RunLeases;
import reportingest.route.IntakeGate;
import reportingest.route.LayoutStep;
import reportingest.route.Ledger;
import reportingest.route.Limits;
import reportingest.route.Pipeline;
import reportingest.route.PlacementStrategy;
import reportingest.route.Readiness;
import reportingest.route.ReconcileStep;
import reportingest.route.StoreStep;
import reportingest.route.TablesStep;
import reportingest.route.ValidateStep;
import reportingest.review.AuditTrail;
import reportingest.store.CellLocator;
import reportingest.store.Database;
import reportingest.store.DocumentStore;
import reportingest.store.ExportBuilder;
import reportingest.feed.FeedStore;
import reportingest.store.ResultStore;
import reportingest.review.Revalidation;
import reportingest.review.ReviewQueue;
import reportingest.review.ReviewOverview;
import reportingest.review.ReviewSidecar;
import reportingest.review.ReviewStore;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The service: folders, database (migrated), the pipeline's beans and the Camel routes read from
 * camel-routes/. {@link #main} runs it until stopped; tests start and close it in-process.
 */
public final class IngestService implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(IngestService.class);

    private final IngestConfig config;
    private final Database database;
    private final Main camel;
    private final Pipeline pipeline;
    private final LogFormat.Restore logFormat;

    private final RunLeases leases;
    private final java.util.concurrent.ExecutorService workers;

    private IngestService(IngestConfig config, Database database, Main camel, Pipeline pipeline, RunLeases leases,
                          java.util.concurrent.ExecutorService workers, LogFormat.Restore logFormat) {
        this.workers = workers;
        this.config = config;
        this.database = database;
        this.camel = camel;
        this.pipeline = pipeline;
        this.leases = leases;
        this.logFormat = logFormat;
    }

    public static IngestService start(IngestConfig config) throws Exception {
        long t0 = System.nanoTime();
        // before anything is logged: text lines, or JSON lines (INGEST_LOG_FORMAT=json)
        LogFormat.Restore logFormat = LogFormat.use(LogFormat.parse(config.logFormat()), config.logFile() ? config.home().resolve("logs") : null);
        try {
            return start(config, t0, logFormat);
        } catch (Exception | Error e) {
            logFormat.run();
            throw e;
        }
    }

    private static IngestService start(IngestConfig config, long t0, LogFormat.Restore logFormat) throws Exception {
        for (var dir : new java.nio.file.Path[]{config.inbox(), config.archive(), config.failed(), config.data()}) {
            Files.createDirectories(dir);
        }
        Database db = Database.open(config);
        Main main = new Main();
        Pipeline pipeline = Pipeline.standard(config);
        IngestMetrics metrics = new IngestMetrics(config.inbox());
        DocumentStore documents = new DocumentStore(db, config.node(), config.leaseTime());
        RunLeases leases = new RunLeases(documents, config.leaseTime());
        java.util.concurrent.ExecutorService workers = DocumentWorkers.of(config.documentWorkers());
        bindBeans(main, config, db, documents, leases, workers, pipeline, metrics);
        main.setOverrideProperties(config.asProperties());
        try {
            main.start();
        } catch (Exception | Error e) {
            leases.close();
            workers.shutdownNow();
            throw e;
        }
        metrics.watch(main.getCamelContext(), "ingest");
        ReviewStation.install(main.getCamelContext(), config.port());
        JsonErrorPages.install(main.getCamelContext(), config.port());
        log.info("report-ingest started in {} ms: watching {}, archive {}, failed {}, database {}, HTTP http://{}:{}/api/health{}",
                (System.nanoTime() - t0) / 1_000_000, config.inbox(), config.archive(), config.failed(),
                config.jdbcUrl(), config.host(), config.port(),
                config.clustered() ? "; node " + config.node() + ", sharing the inbox with any other node on this database" : "");
        return new IngestService(config, db, main, pipeline, leases, workers, logFormat);
    }

    private static void bindBeans(Main main, IngestConfig config, Database db, DocumentStore documents, RunLeases leases,
                                  java.util.concurrent.ExecutorService workers, Pipeline pipeline, IngestMetrics metrics) {
        main.bind("dataSource", db.dataSource());
        // the registry camel-micrometer's endpoints (micrometer:counter:… in ingest.yaml) record into
        main.bind(IngestMetrics.REGISTRY_BEAN, metrics.registry());
        main.bind("intake", new Intake(config, documents, leases));
        main.bind("documentWorkers", workers);
        IntakeGate gate = new IntakeGate(config, documents, db::reachable, metrics);
        main.bind("intakeGate", gate);
        main.bind("inboxEntries", new InboxEntries());
        ReviewSidecar sidecar = new ReviewSidecar(db);
        // several nodes on one database share the inbox through claims in it; one node alone owns its inbox
        InboxClaims claims = config.clustered() ? new InboxClaims(db.dataSource(), config.leaseTime()) : null;
        main.bind("placement", new PlacementStrategy(config, documents, sidecar, claims));
        main.bind("failures", new FailureReporter(documents, gate));
        Limits limits = Limits.of(config);
        main.bind("limits", limits);
        main.bind("detect", new DetectStep(new TypeDetector(config.maxTextBytes(), config.maxStreamBytes())));
        main.bind("layout", new LayoutStep(pipeline.pageSources(), limits, documents, metrics));
        main.bind("tables", new TablesStep(pipeline.recognizers()));
        main.bind("reconcile", new ReconcileStep(pipeline.reconciler()));
        main.bind("validate", new ValidateStep(pipeline.validator()));
        main.bind("store", new StoreStep(new ResultStore(db), documents));
        ExportBuilder exports = new ExportBuilder(db, documents);
        main.bind("documentsApi", new DocumentsApi(documents, exports, () -> {
            java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
            m.put("intake", gate.state());
            if (gate.reason() != null) m.put("intakeReason", gate.reason());
            // the backlog a clerk asks about first: files waiting in the inbox (-1: the inbox cannot be read)
            m.put("inbox", reportingest.route.InboxEntries.count(config.inbox()));
            return m;
        }));
        Ledger ledger = new Ledger(config, documents);
        Readiness readiness = new Readiness(config, documents, gate, pipeline::ocrEngines);
        main.bind("operatorApi", new OperatorApi(
                (state, limit, after) -> state == null ? ledger.snapshot().json() : ledger.snapshot().json(state, limit, after),
                Ledger.STATES, () -> readiness.check().json(), metrics::scrape));
        CatalogApi catalogApi = new CatalogApi(Catalog.load(), exports);
        main.bind("catalogApi", catalogApi);
        main.bind("feedApi", new FeedApi(new FeedStore(db), exports, catalogApi.schemaIds()));
        // after a review action the document is judged again by the same validator as at ingest; pages are
        // not kept, so checks that need the page text (narrative item headings) keep their earlier flags
        UnaryOperator<ExtractedDocument> revalidator = doc -> pipeline.validator().validate(doc, List.of()).document();
        main.bind("reviewApi", new ReviewApi(new ReviewStore(db, new Revalidation(revalidator), sidecar), new ReviewQueue(db),
                new AuditTrail(db)));
        main.bind("stationApi", new StationApi(new ReviewOverview(db)));
        main.bind("retryApi", new RetryApi(documents, config.inbox(), config.failed()));
        main.bind("pagesApi", new PagesApi(documents, new CellLocator(db), PixelBudget.ofMegapixels(config.maxPageMegapixels())));
        main.bind("openApi", new OpenApiDoc(config.host(), config.port()));
        main.bind("requestParameters", new RequestParameters());
        // reviewers sign in at the review station (/review) with accounts in $INGEST_HOME/reviewers.txt (bin/reviewer)
        ReviewSessions sessions = new ReviewSessions();
        main.bind("sessionApi", new SessionApi(new ReviewerAccounts(config.home().resolve(ReviewerAccounts.FILE)), sessions));
        main.bind("apiToken", new ApiToken(config.apiToken(), sessions));
        main.bind("json", new JsonResponder());
    }

    public IngestConfig config() { return config; }

    public Database database() { return database; }

    /** Stops the service and puts the log format back as it was before {@link #start} (tests run several in one JVM). */
    @Override
    public void close() throws Exception {
        stop();
        logFormat.run();
    }

    private void stop() throws Exception {
        camel.stop();
        workers.shutdownNow();
        leases.close();
        pipeline.close();
        database.close();
        log.info("report-ingest stopped");
    }

    public static void main(String[] args) throws Exception {
        IngestService service;
        try {
            service = start(IngestConfig.load());
        } catch (Exception e) {
            log.error("report-ingest could not start: {}", e.getMessage(), e);
            System.exit(1);
            return;
        }
        java.util.concurrent.CountDownLatch stopped = new java.util.concurrent.CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                service.stop(); // the log keeps its format to the last line
            } catch (Exception e) {
                log.warn("shutdown: {}", e.getMessage());
            }
            stopped.countDown();
        }, "shutdown"));
        stopped.await();
    }
}
