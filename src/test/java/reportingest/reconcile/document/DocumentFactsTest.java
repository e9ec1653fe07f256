package reportingest.reconcile.document;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import reportingest.config.IngestConfig;
import reportingest.layout.Page;
import reportingest.layout.pdf.PdfPageSource;
import reportingest.layout.text.OcrTextPageSource;
import reportingest.reconcile.DocumentFact;
import reportingest.reconcile.ExtractedDocument;
import reportingest.reconcile.Flag;
import reportingest.route.Pipeline;
import reportingest.store.Json;
import reportingest.tables.RawTable;
import reportingest.tables.TableRecognizer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Issue #20 item 1: the reporting body and the fiscal year as the document prints them, normalised, with
 * provenance; on every seed (checked against its truth file) and the real Putuo 决算 PDFs in ../shared/external
 * (skipped when absent). Wrong is never allowed: right, or null with METADATA_UNCERTAIN.
 */
class DocumentFactsTest {
    private static Pipeline pipeline;

    static synchronized Pipeline pipeline() {
        if (pipeline == null) pipeline = Pipeline.standard(IngestConfig.withOverrides(Map.of()));
        return pipeline;
    }

    static ExtractedDocument reconciled(List<Page> pages) {
        List<RawTable> raw = new ArrayList<>();
        for (TableRecognizer r : pipeline().recognizers()) raw.addAll(r.recognize(pages));
        return pipeline().reconciler().reconcile(pages, raw);
    }

    private static void rightOrFlagged(ExtractedDocument d, String body, Integer year) {
        boolean uncertain = d.flags().stream().map(Flag::code).anyMatch(DocumentFacts.METADATA_UNCERTAIN::equals);
        if (d.unit() == null || d.fiscalYear() == null) assertThat(uncertain).as("null without METADATA_UNCERTAIN").isTrue();
        if (d.unit() != null) assertThat(d.unit()).isEqualTo(body);
        if (d.fiscalYear() != null) assertThat(d.fiscalYear()).isEqualTo(year);
    }

    @ParameterizedTest
    @ValueSource(strings = {"000_91c9528c206bc5a1", "001_a8898a713e576bc4", "002_2cbfc221691712bf", "003_1a3ae03f6167b21e",
            "004_d2f5081e5b89099b"})
    void seedsGiveTheirBodyAndYear(String seed) throws Exception {
        List<Page> pages = new ArrayList<>();
        new OcrTextPageSource().split(Files.readString(Path.of("fixtures/seeds/" + seed + ".txt")), pages::add);
        ExtractedDocument d = reconciled(pages);
        JsonNode truth = Json.MAPPER.readTree(Path.of("fixtures/truth/" + seed + ".json").toFile());
        System.out.println(seed + " -> " + d.unit() + " | " + d.fiscalYear() + " | " + d.amountUnit() + " | " + d.metadata());
        // every seed states both, so both are found (not merely flagged)
        assertThat(d.unit()).isEqualTo(truth.get("unit").asText());
        assertThat(d.fiscalYear()).isEqualTo(truth.get("fiscal_year").asInt());
        assertThat(d.metadata().get("body").page()).isNotNull();
        assertThat(d.metadata().get("body").confidence()).isBetween(0.5, 1.0);
    }

    @org.junit.jupiter.api.Test
    void seed002StatesItsBodyOnAFormsNextLineAndItsYearInTheTitle() throws Exception {
        List<Page> pages = new ArrayList<>();
        new OcrTextPageSource().split(Files.readString(Path.of("fixtures/seeds/002_2cbfc221691712bf.txt")), pages::add);
        ExtractedDocument d = reconciled(pages);
        assertThat(d.metadata().get("body")).isEqualTo(new DocumentFact("沅江市医疗保障局", 1, "单位名称： 沅江市医疗保障局", 0.95));
        DocumentFact year = d.metadata().get("fiscalYear");
        assertThat(year.value()).isEqualTo(2023);
        assertThat(year.text()).contains("2023 年度沅江市医疗保障局");
        assertThat(d.flags()).extracting(Flag::code).doesNotContain(DocumentFacts.METADATA_UNCERTAIN);
    }

    @ParameterizedTest
    @ValueSource(strings = {"good/上海市普陀区财政局2024年度部门决算.pdf|上海市普陀区财政局",
            "bad/中共上海市普陀区委社会工作部 2024 年度部门决算.pdf|中共上海市普陀区委社会工作部",
            "bad/上海市普陀区规划和自然资源局 2024 年度部门决算.pdf|上海市普陀区规划和自然资源局",
            "bad/24年普陀区财政局（测试问题版本）.pdf|上海市普陀区财政局"})
    void realPutuoReportsGiveTheirBodyWithoutAHeadingPrefix(String spec) throws Exception {
        String[] f = spec.split("\\|");
        Path p = Path.of("..", "shared", "external", "govbudgetchecker_shanghai_putuo", "samples", f[0]);
        assumeTrue(Files.isRegularFile(p), "real report not present: " + p);
        List<Page> pages = new ArrayList<>();
        new PdfPageSource(null).pages(p, pages::add);
        ExtractedDocument d = reconciled(pages);
        System.out.println(f[0] + " -> " + d.unit() + " | " + d.fiscalYear() + " | " + d.amountUnit() + " | " + d.metadata());
        rightOrFlagged(d, f[1], 2024);
        assertThat(d.unit()).as("found").isNotNull();
    }

    /**
     * The documents of ../shared/external that print no table (narrative-only 预算 文件 and a city 决算 说明): what
     * their first page prints, read by hand. Nothing else checks these files, so a document-facts finder that lost
     * the year or the family would otherwise pass (docs/break-on-purpose-2026-12-06.md). Kind and level are not
     * asserted for the city book (DESIGN.md would call it government_final_accounts).
     */
    @ParameterizedTest
    @ValueSource(strings = {
            "open-budget_jiangsu/江苏省人大办公厅/江苏省人大常委会2019年度部门预算公开.pdf|江苏省人大常委会办公厅|budget|部门|2019",
            "open-budget_jiangsu/江苏省委办公厅/江苏省委办公厅2017年部门预算.pdf|江苏省委办公厅|budget|部门|2017",
            "open-budget_jiangsu/江苏省委办公厅/江苏省委办公厅2018年度部门预算公开文件.pdf|江苏省委办公厅|budget|部门|2018",
            "open-budget_jiangsu/江苏省委办公厅/江苏省委办公厅2019年度部门预算公开文件.pdf|江苏省委办公厅|budget|部门|2019",
            "city_finance_cn/c10_zhengzhou_2021_final.pdf|郑州市|-|-|2021"})
    void documentsWithoutTablesGiveTheFamilyAndYearTheirFirstPagePrints(String spec) throws Exception {
        String[] f = spec.split("\\|");
        Path p = Path.of("..", "shared", "external", f[0]);
        assumeTrue(Files.isRegularFile(p), "test document not present: " + p);
        List<Page> pages = new ArrayList<>();
        new PdfPageSource(null).pages(p, pages::add);
        ExtractedDocument d = reconciled(pages);
        System.out.println(f[0] + " -> " + d.kind() + " | " + d.level() + " | " + d.unit() + " | " + d.fiscalYear());
        assertThat(d.tables()).isEmpty();
        assertThat(d.fiscalYear()).isEqualTo(Integer.valueOf(f[4]));
        rightOrFlagged(d, f[1], Integer.valueOf(f[4]));
        if (!f[2].equals("-")) assertThat(List.of(d.kind(), d.level())).containsExactly(f[2], f[3]);
    }

    private static ExtractedDocument settled(String text) {
        List<Page> pages = new ArrayList<>();
        new OcrTextPageSource().split(text, pages::add);
        return DocumentFacts.settle(pages, new ExtractedDocument(null, null, "万元", List.of(), List.of(), List.of()));
    }

    /** A 2023 budget citing "2022年决算" deep inside is no 2022 report: the year is not guessed from it. */
    @org.junit.jupiter.api.Test
    void aYearNamedDeepInsideIsNoTitle() {
        ExtractedDocument d = settled("杭州市2023年预算\f\f\f\f2022年决算数\n");
        assertThat(d.fiscalYear()).isNull();
        assertThat(d.flags()).extracting(Flag::code).containsExactly(DocumentFacts.METADATA_UNCERTAIN);
        assertThat(d.flags().get(0).message()).isEqualTo("reporting body: no 单位名称 or 部门 line, title or heading names it; "
                + "fiscal year: no title or table states it");
    }

    /** Two labelled lines naming different bodies: neither is taken. */
    @org.junit.jupiter.api.Test
    void contradictoryBodiesGiveNull() {
        ExtractedDocument d = settled("2023年度部门决算\n部门：甲市财政局\n部门：乙县教育局\n");
        assertThat(d.unit()).isNull();
        assertThat(d.fiscalYear()).isEqualTo(2023);
        assertThat(d.flags().get(0).message()).isEqualTo("reporting body: labelled lines name different bodies: [甲市财政局, 乙县教育局]");
    }

    @org.junit.jupiter.api.Test
    void headingPrefixesNumberingAndTailsAreNotPartOfTheBody() {
        assertThat(DocumentFacts.body("第二部分  上海市普陀区规划和自然资源局2024年度部门决算")).isEqualTo("上海市普陀区规划和自然资源局");
        assertThat(DocumentFacts.body("一、沅江市医疗保障局概况")).isEqualTo("沅江市医疗保障局");
        assertThat(DocumentFacts.body("（二）湖南省医疗保障局部门（单位）概况")).isEqualTo("湖南省医疗保障局");
        assertThat(DocumentFacts.body("上海市XX局")).isNull();
        assertThat(DocumentFacts.body("万元")).isNull();
    }
}
