package reportingest.bench;

import reportingest.harness.ScratchHome;
import reportingest.harness.ScratchService;
import reportingest.store.DocumentRecord;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One service in this JVM (real routes, H2, folders) on a scratch home at the default intake settings
 * (a user's service waits for a file to settle; so does the bench's), fed sets of files and timed
 * from the moment they land in the inbox to the moment the last one's records are stored; the wait
 * until the first file is taken is kept as the settle time. It lives for the whole bench, so its JIT
 * and OCR engines stay warm like a long-running service's.
 */
final class TimedService implements AutoCloseable {
    private static final Duration TIMEOUT = Duration.ofMinutes(30);

    private final ScratchService service;
    private final Path copies;
    private int runs;

    TimedService(Map<String, String> settings) throws Exception {
        ScratchHome home = ScratchHome.create("ingest-bench-", ScratchHome.Intake.DEFAULTS);
        this.service = ScratchService.start(home, settings);
        this.copies = Files.createDirectories(home.home().resolve("copies"));
    }

    /** Feeds the files in together and returns their pages and the wall time to stored records. */
    Timing run(List<Path> files) throws IOException, InterruptedException {
        int run = ++runs;
        List<ScratchHome.Staged> staged = new ArrayList<>();
        for (Path f : files) {
            String name = "r" + run + "-" + f.getFileName();
            staged.add(service.home().stage(unique(f, name, run), name));
        }
        double cpuStart = CpuClock.self();
        Instant start = Instant.now();
        for (ScratchHome.Staged s : staged) service.home().moveIn(s);
        service.awaitFinished(staged.stream().map(ScratchHome.Staged::sha256).toList(), TIMEOUT);
        double cpu = CpuClock.self() - cpuStart;
        int pages = 0;
        Instant end = start;
        Instant firstTaken = null;
        for (ScratchHome.Staged s : staged) {
            DocumentRecord doc = service.original(s.sha256());
            if (!doc.status().succeeded()) {
                throw new IllegalStateException("the service failed on " + s.name() + ": " + doc.errorReason());
            }
            pages += doc.pages();
            Instant finished = doc.finishedAt().toInstant();
            Instant taken = doc.receivedAt().toInstant();
            if (firstTaken == null || taken.isBefore(firstTaken)) firstTaken = taken;
            if (finished.isAfter(end)) end = finished;
        }
        return new Timing(pages, Duration.between(start, end).toNanos() / 1e9, cpu,
                Duration.between(start, firstTaken).toNanos() / 1e9);
    }

    /**
     * A copy whose content differs from every earlier run's, or the service would rightly record it as a
     * duplicate and skip it: blank lines after a text report, a comment after a PDF's end, spare bytes
     * after an image file's last frame. None of them changes what the file says.
     */
    private Path unique(Path file, String name, int run) throws IOException {
        Path copy = copies.resolve(name);
        Files.copy(file, copy);
        String tail = name.endsWith(".txt") ? "\n".repeat(run) : "\n%bench run " + run + "\n";
        Files.write(copy, tail.getBytes(StandardCharsets.US_ASCII), java.nio.file.StandardOpenOption.APPEND);
        return copy;
    }

    @Override
    public void close() throws Exception {
        service.close();
        TempFiles.delete(service.home().home());
    }
}
