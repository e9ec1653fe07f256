package reportingest.route;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.apache.camel.CamelContext;
import reportingest.layout.PageOrigin;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

/**
 * The service's metrics, in one Prometheus registry that Camel's Micrometer component records into as well
 * (bound as {@value #REGISTRY_BEAN}; the routes count files by outcome with {@code micrometer:counter:} endpoints,
 * camel-routes/ingest.yaml). Served as Prometheus text at /api/metrics. Recorded at the edge only: the stages
 * know nothing of it.
 * <ul>
 * <li>{@code ingest_files_total{outcome, code}}: files by outcome: {@code done}, {@code needs_review},
 * {@code duplicate} (code {@code none}), {@code failed} with the error file's code (links and pipes the intake
 * gate refuses too). Counted when the outcome is decided, before the file is moved.</li>
 * <li>{@code ingest_pages_ocr_total}: pages read by OCR (scans and image-only PDF pages).</li>
 * <li>{@code ingest_page_seconds{origin}}: seconds per page (histogram), from the previous page of the file (or
 * the start of its reading) to this one, so with OCR workers in parallel it is the time a page costs in turn;
 * origin {@code ocr}, {@code text_layer} or {@code ocr_text}.</li>
 * <li>{@code ingest_file_seconds{outcome}}: seconds from intake to outcome per file (histogram; outcome done,
 * needs_review, duplicate or failed), timed by the route (micrometer:timer:ingest.file).</li>
 * <li>{@code ingest_inbox_depth}: entries in inbox/ the service will take or refuse (the file in progress
 * included: it leaves the inbox when it is placed).</li>
 * <li>{@code ingest_files_in_flight}: files the ingest route is working on now.</li>
 * <li>{@code jvm_memory_*}: Micrometer's JVM memory binder.</li>
 * </ul>
 */
public final class IngestMetrics {
    /** The bean name camel-micrometer looks its registry up by. */
    public static final String REGISTRY_BEAN = "metricsRegistry";
    /** Prometheus text exposition format 0.0.4. */
    public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";
    static final String FILES = "ingest.files";
    /** The code of outcomes that are not failures. */
    static final String NO_CODE = "none";
    private static final Duration[] PAGE_BUCKETS = {Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250),
            Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofSeconds(10),
            Duration.ofSeconds(30), Duration.ofSeconds(60), Duration.ofSeconds(120)};

    /** The routes' timer of a file from intake to its outcome. */
    static final String FILE_TIMER = "ingest.file";
    private static final Duration[] FILE_BUCKETS = {Duration.ofMillis(100), Duration.ofMillis(500), Duration.ofSeconds(1),
            Duration.ofSeconds(5), Duration.ofSeconds(15), Duration.ofSeconds(30), Duration.ofSeconds(60), Duration.ofMinutes(2),
            Duration.ofMinutes(5), Duration.ofMinutes(10), Duration.ofMinutes(30), Duration.ofHours(1)};

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Counter ocrPages;

    public IngestMetrics(Path inbox) {
        // camel-micrometer tags every meter with its context's name: one context here, so it says nothing
        registry.config().meterFilter(MeterFilter.ignoreTags("camelContext"));
        // the routes' per-file timer (micrometer:timer:ingest.file) as a histogram a dashboard can take quantiles of
        registry.config().meterFilter(new MeterFilter() {
            @Override
            public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
                if (!id.getName().equals(FILE_TIMER)) return config;
                return DistributionStatisticConfig.builder().serviceLevelObjectives(nanos(FILE_BUCKETS)).build().merge(config);
            }
        });
        for (String outcome : new String[]{"done", "needs_review", "duplicate"}) files(outcome, NO_CODE);
        ocrPages = Counter.builder("ingest.pages.ocr").description("Pages read by OCR").register(registry);
        for (PageOrigin origin : PageOrigin.values()) pageTimer(origin);
        Gauge.builder("ingest.inbox.depth", () -> {
                    int n = InboxEntries.count(inbox);
                    return n < 0 ? Double.NaN : n; // the inbox cannot be read
                })
                .description("Entries in inbox/ the service will take or refuse, the one in progress included")
                .register(registry);
        new JvmMemoryMetrics().bindTo(registry);
    }

    /** The registry the routes' micrometer: endpoints and this class record into. */
    public PrometheusMeterRegistry registry() { return registry; }

    /** Once Camel runs: files the ingest route is working on. */
    public void watch(CamelContext camel, String routeId) {
        Gauge.builder("ingest.files.in.flight", camel, c -> c.getInflightRepository().size(routeId))
                .description("Files the ingest route is working on now")
                .register(registry);
    }

    /** A file refused before the route (a link, a pipe, a device): failed with its code, like the route's failures. */
    void refused(String code) {
        files("failed", code).increment();
    }

    /** A page read, {@code nanos} after the previous one of its file (or the start of its reading). */
    void pageRead(PageOrigin origin, long nanos) {
        pageTimer(origin).record(Duration.ofNanos(nanos));
        if (origin == PageOrigin.OCR) ocrPages.increment();
    }

    /** The metrics as Prometheus text (format 0.0.4). */
    public String scrape() {
        return registry.scrape(CONTENT_TYPE);
    }

    private static double[] nanos(Duration[] buckets) {
        double[] out = new double[buckets.length];
        for (int i = 0; i < buckets.length; i++) out[i] = buckets[i].toNanos();
        return out;
    }

    private Counter files(String outcome, String code) {
        return Counter.builder(FILES).description("Files by outcome (failed: by the code of their error file)")
                .tag("outcome", outcome).tag("code", code).register(registry);
    }

    private Timer pageTimer(PageOrigin origin) {
        return Timer.builder("ingest.page").description("Seconds per page read, by where its text came from")
                .tag("origin", origin.name().toLowerCase(Locale.ROOT))
                .serviceLevelObjectives(PAGE_BUCKETS)
                .register(registry);
    }
}
