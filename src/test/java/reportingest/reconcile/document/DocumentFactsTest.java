package reportingest.reconcile.document;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import reportingest.config.IngestConfig;
import reportingest.layout.Page;
import reportingest.layout.pdf.PdfPageSource;
import reportingest.layout.text.OcrTextPageSource;
import reportingest.reconcile.DocumentFact;
import reportingest.reconcile.DocumentFamily;
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
        System.out.println(seed + " -> " + d.unit() + " | " + d.fiscalYear() + " | " + d.kind() + " | " + d.level() + " | " + d.amountUnit() + " | " + d.metadata());
        // every seed states both, so both are found (not merely flagged)
        assertThat(d.unit()).isEqualTo(truth.get("unit").asText());
        assertThat(d.fiscalYear()).isEqualTo(truth.get("fiscal_year").asInt());
        // from the tables' unit lines, or (000, 002, 003 print no table) the unit of the text's figures
        assertThat(d.amountUnit()).isEqualTo(truth.get("amount_unit").asText());
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
     * the year or the family would otherwise pass (docs/break-on-purpose-2026-12-06.md). The city book is a government's
     * own 决算 book, of no 部门/单位 level ('-'). All of ../shared/external: ExternalDocumentFactsTest.
     */
    @ParameterizedTest
    @ValueSource(strings = {
            "open-budget_jiangsu/江苏省人大办公厅/江苏省人大常委会2019年度部门预算公开.pdf|江苏省人大常委会办公厅|budget|部门|2019",
            "open-budget_jiangsu/江苏省委办公厅/江苏省委办公厅2017年部门预算.pdf|江苏省委办公厅|budget|部门|2017",
            "open-budget_jiangsu/江苏省委办公厅/江苏省委办公厅2018年度部门预算公开文件.pdf|江苏省委办公厅|budget|部门|2018",
            "open-budget_jiangsu/江苏省委办公厅/江苏省委办公厅2019年度部门预算公开文件.pdf|江苏省委办公厅|budget|部门|2019",
            "city_finance_cn/c10_zhengzhou_2021_final.pdf|郑州市|government_final_accounts|-|2021"})
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
        assertThat(d.kind()).isEqualTo(f[2]);
        assertThat(d.level()).isEqualTo(f[3].equals("-") ? null : f[3]);
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

    private static List<Page> pages(String text) {
        List<Page> pages = new ArrayList<>();
        new OcrTextPageSource().split(text, pages::add);
        return pages;
    }

    /**
     * A government's own book (a city's 决算 or 预算 report to its congress) is named by its title: not a department's
     * final accounts, budget or performance report, whatever its tables and narrative say, and of no 部门/单位 level;
     * its year is the one the title prints before 决算 or before 预算草案, not the year whose 预算 is being executed.
     */
    @org.junit.jupiter.api.Test
    void aGovernmentBookIsNamedByItsTitle() {
        assertThat(DocumentFamily.of(pages("关于甲市2023年市级决算\n和2024年上半年预算执行情况的报告\n预算单位绩效评价\n"), List.of()))
                .isEqualTo(new DocumentFamily.Family(DocumentFamily.GOVERNMENT_FINAL_ACCOUNTS, null, 2023));
        assertThat(DocumentFamily.of(pages("关于乙市及市本级2022年预算执行情况\n和2023年预算草案的报告\n2022年预算数\n"), List.of()))
                .isEqualTo(new DocumentFamily.Family(DocumentFamily.GOVERNMENT_BUDGET, null, 2023));
        assertThat(DocumentFamily.of(pages("丙市\n2021年度财政决算（草案）\n"), List.of()).kind())
                .isEqualTo(DocumentFamily.GOVERNMENT_FINAL_ACCOUNTS);
        // a department's budget quoting the government's 决算 草案 is still the department's
        DocumentFamily.Family dept = DocumentFamily.of(pages("丁市财政局2025年部门预算\n2024年决算草案\n"), List.of());
        assertThat(dept.kind()).isEqualTo(DocumentFamily.BUDGET);
        assertThat(dept.fiscalYear()).isEqualTo(2025);
    }

    /** A cover's title over several lines names the body (上海市某某规划和自然 / 资源局 / 2024年度部门决算). */
    @org.junit.jupiter.api.Test
    void aCoverTitleOverSeveralLinesNamesTheBody() {
        ExtractedDocument d = settled("甲省某某委员会办公厅\n2019年度部门预算公开\n目录\n");
        assertThat(d.unit()).isEqualTo("甲省某某委员会办公厅");
        assertThat(d.metadata().get("body").text()).isEqualTo("甲省某某委员会办公厅 / 2019年度部门预算公开");
        assertThat(settled("乙市某某区规划和自然\n资源局\n2024年度部门决算\n").unit()).isEqualTo("乙市某某区规划和自然资源局");
    }

    /** A government's book names the government in its title; its prose naming 部门预算 is no title. */
    @org.junit.jupiter.api.Test
    void aGovernmentBookNamesItsGovernment() {
        List<Page> pages = pages("市人大会议文件(3)\n关于丙市及市本级2022年预算执行情况\n和2023年预算草案的报告\n各单位编制部门预算\n");
        ExtractedDocument d = DocumentFacts.settle(pages, new ExtractedDocument(null, 2023, null, List.of(), List.of(), List.of(),
                DocumentFamily.GOVERNMENT_BUDGET, null));
        assertThat(d.unit()).isEqualTo("丙市");
        assertThat(d.fiscalYear()).isEqualTo(2023);
        ExtractedDocument two = DocumentFacts.settle(pages("丁市\n2021年度财政决算（草案）\n丁市财政局\n"),
                new ExtractedDocument(null, 2021, null, List.of(), List.of(), List.of(), DocumentFamily.GOVERNMENT_FINAL_ACCOUNTS, null));
        assertThat(two.unit()).isEqualTo("丁市");
    }

    /** A budget's year is never one whose 预算 is being executed (2024年预算执行情况 before 2025年部门预算). */
    @org.junit.jupiter.api.Test
    void aBudgetsYearIsNotTheYearItExecutes() {
        assertThat(DocumentFamily.of(pages("2024年预算执行情况\n戊区2025年部门预算\n2024年预算执行情况\n"), List.of()).fiscalYear())
                .isEqualTo(2025);
    }

    /** Full-width digits are a year too. */
    @org.junit.jupiter.api.Test
    void aTitlesFullWidthYearIsRead() {
        assertThat(settled("某某局２０２２年度部门决算\n").fiscalYear()).isEqualTo(2022);
    }

    /** No table prints a unit and the text states no figure: the amount unit is null, not 万元. */
    @org.junit.jupiter.api.Test
    void anUnprintedAmountUnitIsNull() {
        ExtractedDocument d = DocumentFacts.settle(pages("某某局2023年度部门决算\n"),
                new ExtractedDocument(null, null, null, List.of(), List.of(), List.of()));
        assertThat(d.amountUnit()).isNull();
        assertThat(d.metadata().get("amountUnit").value()).isNull();
        assertThat(d.metadata().get("amountUnit").text()).isEqualTo("no table prints a unit line (单位：…)");
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
