package reportingest.reconcile.grid;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import reportingest.harness.ScratchHome;
import reportingest.harness.ScratchService;
import reportingest.store.DocumentRecord;
import reportingest.store.DocumentStatus;
import reportingest.store.ExportBuilder;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static reportingest.reconcile.grid.RealReports.CORRUPTED;
import static reportingest.reconcile.grid.RealReports.FINANCE;
import static reportingest.reconcile.grid.RealReports.PLANNING;
import static reportingest.reconcile.grid.RealReports.SOCIAL;

/**
 * The real Putuo 部门决算 PDFs dropped into a running service (real Camel routes, H2 files): the
 * consistent reports end DONE with no document flag other than provenance, every row ACCEPTED —
 * including their narrative, their list of units (no amounts) and the 三公 section's own 年初预算;
 * the corrupted copy ends NEEDS_REVIEW with the missing table named.
 */
class PutuoThroughTheServiceTest {
    private static ScratchService service;
    private static final Map<String, DocumentRecord> DOCS = new LinkedHashMap<>();

    @BeforeAll
    static void dropTheReports() throws Exception {
        List<String> files = List.of(FINANCE, SOCIAL, PLANNING, CORRUPTED);
        for (String f : files) assumeTrue(Files.isRegularFile(RealReports.DIR.resolve(f)), "test document not present: " + f);
        service = ScratchService.start(ScratchHome.create("putuo-"), Map.of());
        Map<String, String> shaByFile = new LinkedHashMap<>();
        for (String f : files) {
            Path p = RealReports.DIR.resolve(f);
            shaByFile.put(f, service.home().drop(p, p.getFileName().toString()));
        }
        service.awaitFinished(new ArrayList<>(shaByFile.values()), Duration.ofMinutes(5));
        shaByFile.forEach((f, sha) -> DOCS.put(f, service.original(sha)));
    }

    @AfterAll
    static void stop() throws Exception {
        if (service != null) service.close();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> export(String file) {
        ExportBuilder exports = new ExportBuilder(service.database(), service.documents());
        return (Map<String, Object>) (Object) exports.export(DOCS.get(file).id()).orElseThrow();
    }

    @SuppressWarnings("unchecked")
    private static List<String> documentFlagCodes(Map<String, Object> export) {
        List<String> codes = new ArrayList<>();
        for (Object f : (List<Object>) export.get("flags")) codes.add(f instanceof Map<?, ?> m ? (String) m.get("code") : (String) f);
        return codes;
    }

    @ParameterizedTest
    @ValueSource(strings = {FINANCE, SOCIAL, PLANNING})
    @SuppressWarnings("unchecked")
    void aConsistentReportEndsDoneWithEveryRowAccepted(String file) {
        assertThat(DOCS.get(file).status()).as(file).isEqualTo(DocumentStatus.DONE);
        Map<String, Object> export = export(file);
        assertThat(documentFlagCodes(export)).as(file).containsOnly("TABLE_SPLIT_ACROSS_PAGES");
        List<Map<String, Object>> tables = (List<Map<String, Object>>) export.get("tables");
        assertThat(tables).hasSize(9);
        for (Map<String, Object> t : tables) {
            for (Map<String, Object> r : (List<Map<String, Object>>) t.get("rows")) {
                assertThat(r.get("status")).as("%s %s %s", file, t.get("schema"), r).isEqualTo("ACCEPTED");
            }
        }
    }

    @Test
    void theCorruptedCopyNeedsReviewAndNamesTheTableItDoesNotPrint() {
        assertThat(DOCS.get(CORRUPTED).status()).isEqualTo(DocumentStatus.NEEDS_REVIEW);
        assertThat(documentFlagCodes(export(CORRUPTED))).contains("TABLE_MISSING").doesNotContain("SCHEMA_UNKNOWN");
    }
}
