package reportingest.eval;

import com.fasterxml.jackson.databind.JsonNode;
import reportingest.harness.ScratchHome;
import reportingest.harness.ScratchService;
import reportingest.store.DocumentRecord;
import reportingest.store.ExportBuilder;
import reportingest.store.Json;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Runs inputs through the real service, not a copy of its pipeline: a service on a temporary home
 * takes the files from its inbox with the same Camel routes, and the exports it stores are scored
 * against the truth files.
 */
public final class EvalRun {
    /** Long enough for a few hundred scanned pages. */
    private static final Duration TIMEOUT = Duration.ofHours(1);

    public record Result(EvalReport report, int pages, double seconds) {}

    /** A run labelled by where its inputs are ({@link RunLabel#forInputs}). */
    public static Result run(Path inputs, Path truth, boolean listSilentErrors) throws Exception {
        return run(inputs, truth, listSilentErrors, RunLabel.forInputs(inputs));
    }

    public static Result run(Path inputs, Path truth, boolean listSilentErrors, String label) throws Exception {
        return run(inputs, truth, listSilentErrors, label, Map.of());
    }

    /** @param settings service settings for this run (e.g. {@code ingest.ocr.engines}) over the scratch home's */
    public static Result run(Path inputs, Path truth, boolean listSilentErrors, String label, Map<String, String> settings) throws Exception {
        List<Path> files;
        try (Stream<Path> s = Files.list(inputs)) {
            files = s.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().startsWith(".")).sorted().toList();
        }
        EvalReport report = new EvalReport(listSilentErrors, label);
        int pages = 0;
        long start = System.nanoTime();
        try (ScratchService service = ScratchService.start(ScratchHome.create("ingest-eval-"), settings)) {
            ExportBuilder exports = new ExportBuilder(service.database(), service.documents());
            Map<Path, String> shaByInput = new LinkedHashMap<>();
            for (Path f : files) shaByInput.put(f, service.home().drop(f, f.getFileName().toString()));
            service.awaitFinished(shaByInput.values(), TIMEOUT);
            double seconds = (System.nanoTime() - start) / 1e9;
            for (Map.Entry<Path, String> e : shaByInput.entrySet()) {
                Path truthFile = TruthFiles.truthFor(e.getKey(), truth);
                DocumentRecord doc = service.original(e.getValue());
                if (doc.pages() != null) pages += doc.pages();
                JsonNode export = doc.status().succeeded()
                        ? Json.MAPPER.valueToTree(exports.export(doc.id()).orElseThrow()) : null;
                String name = e.getKey().getFileName().toString();
                var budget = BudgetDocument.of(name, export);
                budget.ifPresent(report::addBudget);
                // a budget is scored as its own class: no truth format exists for budgets yet
                if (!Files.exists(truthFile) && budget.isPresent()) continue;
                if (!Files.exists(truthFile)) {
                    // An unscored input is an error of the run, in its summary: a line on stderr is easily lost.
                    report.addError(new EvalError(e.getKey().getFileName().toString(), "no truth file " + truthFile.getFileName()));
                    continue;
                }
                report.add(ExportComparator.compare(export, TruthFiles.read(truthFile)).named(name));
            }
            return new Result(report, pages, seconds);
        }
    }
}
