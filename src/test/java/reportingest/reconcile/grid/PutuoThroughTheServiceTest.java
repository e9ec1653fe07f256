package reportingest.reconcile.grid;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reportingest.harness.ScratchHome;
import reportingest.reconcile.Flag;
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
 * consistent report ends DONE with no document flag other than provenance, every row ACCEPTED —
 * including its narrative, its list of units (no amounts); the two others as published are flagged
 * for exactly the narrative figures that contradict their tables; the corrupted copy ends
 * NEEDS_REVIEW with the missing table named.
 */
class PutuoThroughTheServiceTest {
    private static ScratchService service;
    private static final Map<String, DocumentRecord> DOCS = new LinkedHashMap<>();
    /** Why the tests skip (an aborted @BeforeAll is reported as no test at all), or null. */
    private static String absent;

    @BeforeEach
    void reportsPresent() {
        assumeTrue(absent == null, absent);
    }

    @BeforeAll
    static void dropTheReports() throws Exception {
        List<String> files = List.of(FINANCE, SOCIAL, PLANNING, CORRUPTED);
        for (String f : files) if (!Files.isRegularFile(RealReports.DIR.resolve(f))) absent = "test document not present: " + RealReports.DIR.resolve(f);
        if (absent != null) return;
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
        return (List<String>) export.get("flags");
    }

    @Test
    void aConsistentReportEndsDoneWithEveryRowAccepted() {
        assertThat(DOCS.get(SOCIAL).status()).isEqualTo(DocumentStatus.DONE);
        Map<String, Object> export = export(SOCIAL);
        assertThat(documentFlagCodes(export)).containsOnly("TABLE_SPLIT_ACROSS_PAGES");
        assertNineTablesEveryRowAccepted(SOCIAL, export);
        // measured: 29 narrative facts, each checked against the tables with nothing found (no document flag)
        assertThat((List<?>) export.get("narrative_facts")).hasSize(29);
        assertThat(export).containsEntry("kind", "final_accounts").containsEntry("level", "部门").containsEntry("fiscalYear", 2024);
    }

    /**
     * The finance bureau's report (the checker's "good" sample) states in section 四 "财政拨款收入支出总计0.3万元"
     * (and "持平") where its 财政拨款收入支出决算总表 prints 2961.68: that figure, against both totals of the
     * table, is its only finding; every table row is accepted.
     */
    @Test
    @SuppressWarnings("unchecked")
    void theFinanceReportIsFlaggedOnlyForItsMisprintedFiscalTotal() {
        assertThat(DOCS.get(FINANCE).status()).isEqualTo(DocumentStatus.NEEDS_REVIEW);
        Map<String, Object> export = export(FINANCE);
        assertNineTablesEveryRowAccepted(FINANCE, export);
        List<Flag> reasons = (List<Flag>) export.get("reasons");
        assertThat(reasons).extracting(Flag::code).containsExactly("NARRATIVE_MISMATCH", "NARRATIVE_MISMATCH");
        assertThat(reasons).extracting(Flag::message).allSatisfy(m -> assertThat(m).contains("财政拨款收支总计", "0.3", "2961.68"));
    }

    /**
     * As published, the planning bureau's section 六 calls the all-funds 基本支出 (5377.64, 人员经费
     * 4896.98) 一般公共预算财政拨款基本支出, while its own tables print 5364.75 and 4884.09 for that:
     * the two narrative figures are flagged with both numbers, the tables stay accepted.
     */
    @Test
    @SuppressWarnings("unchecked")
    void theNarrativeFiguresThatContradictTheTablesAreTheOnlyFindingInThePlanningReport() {
        assertThat(DOCS.get(PLANNING).status()).isEqualTo(DocumentStatus.NEEDS_REVIEW);
        Map<String, Object> export = export(PLANNING);
        assertNineTablesEveryRowAccepted(PLANNING, export);
        List<Flag> reasons = (List<Flag>) export.get("reasons");
        assertThat(reasons).extracting(Flag::code).containsExactly("NARRATIVE_MISMATCH", "NARRATIVE_MISMATCH");
        assertThat(reasons).extracting(Flag::message).satisfiesExactly(
                m -> assertThat(m).contains("财政拨款基本支出", "5377.64", "5364.75"),
                m -> assertThat(m).contains("人员经费", "4896.98", "4884.09"));
    }

    @SuppressWarnings("unchecked")
    private static void assertNineTablesEveryRowAccepted(String file, Map<String, Object> export) {
        List<Map<String, Object>> tables = (List<Map<String, Object>>) export.get("tables");
        assertThat(tables).hasSize(9);
        for (Map<String, Object> t : tables) {
            for (Map<String, Object> r : (List<Map<String, Object>>) t.get("rows")) {
                assertThat(r.get("status")).as("%s %s %s", file, t.get("schema"), r).isEqualTo("ACCEPTED");
            }
        }
    }

    /**
     * The copy with injected errors: 支出决算表 removed, the 三公 values row emptied, "收入支出总计0万元" in
     * a 决算说明 part whose heading was changed to 2023 (the cover and tables say 2024, so its figures are
     * still checked as 2024's), and three items whose wording (决算数大于/等于预算数) contradicts their figures.
     */
    @Test
    @SuppressWarnings("unchecked")
    void theCorruptedCopyNeedsReviewForEachInjectedErrorItsArithmeticShows() {
        assertThat(DOCS.get(CORRUPTED).status()).isEqualTo(DocumentStatus.NEEDS_REVIEW);
        Map<String, Object> export = export(CORRUPTED);
        assertThat(documentFlagCodes(export)).contains("TABLE_MISSING", "COLUMN_MISSING", "NARRATIVE_MISMATCH").doesNotContain("SCHEMA_UNKNOWN");
        List<Flag> reasons = (List<Flag>) export.get("reasons");
        assertThat(reasons).extracting(Flag::message)
                .anySatisfy(m -> assertThat(m).contains("三、支出决算表"))
                .anySatisfy(m -> assertThat(m).contains("收支总计", "总计0万元", "2995.39"))
                .anySatisfy(m -> assertThat(m).contains("三公经费.预算数", "0.95", "blank"))
                .anySatisfy(m -> assertThat(m).contains("项1 says 决算大于预算", "1511.89", "1560.05"))
                .anySatisfy(m -> assertThat(m).contains("项7 says 决算大于预算", "80.38", "80.81"))
                .anySatisfy(m -> assertThat(m).contains("项9 says 决算等于预算", "60.99", "62.29"));
    }
}
