package reportingest.bench;

import com.fasterxml.jackson.databind.JsonNode;
import reportingest.harness.ScratchHome;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;

/**
 * The long scanned PDF through the service running as its own process with default settings (intake
 * settle time included, one OCR worker per processor): throughput and the process's peak resident memory, read from /proc.
 */
final class LargeScanRun {
    record Result(Timing timing, long peakRssMb, String status, String jvmOptions) {}

    private LargeScanRun() {}

    /** @param settings service settings beside the defaults (the bench's --engines) */
    static Result run(Path pdf, Map<String, String> settings) throws Exception {
        ScratchHome home = ScratchHome.create("ingest-bench-large-", ScratchHome.Intake.DEFAULTS);
        try (ServiceProcess service = ServiceProcess.start(home, settings)) {
            ScratchHome.Staged staged = home.stage(pdf, pdf.getFileName().toString());
            double cpuStart = CpuClock.of(service.pid());
            Instant start = Instant.now();
            home.moveIn(staged);
            JsonNode doc = service.awaitFinished(staged.sha256(), Duration.ofMinutes(60));
            double cpu = CpuClock.of(service.pid()) - cpuStart;
            Instant end = OffsetDateTime.parse(doc.get("finishedAt").asText()).toInstant();
            long rss = service.peakRssMb();
            Instant taken = OffsetDateTime.parse(doc.get("receivedAt").asText()).toInstant();
            Timing t = new Timing(doc.get("pages").asInt(), Duration.between(start, end).toNanos() / 1e9, cpu,
                    Duration.between(start, taken).toNanos() / 1e9);
            return new Result(t, rss, doc.get("status").asText(), String.join(" ", ServiceProcess.runOptions()));
        } finally {
            TempFiles.delete(home.home());
        }
    }
}
