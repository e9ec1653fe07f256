package reportingest.reconcile.narrative;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import reportingest.layout.Page;
import reportingest.layout.TextLine;
import reportingest.layout.pdf.PdfPageSource;
import reportingest.layout.text.OcrTextPageSource;
import reportingest.reconcile.NarrativeFact;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Issue #22: every pattern the narrative catalog keeps reads its figure on two real documents, so on at least one
 * document other than the one it was written for (docs/narrative-patterns-audit.md has the audit). Each case names a
 * pattern, a document and a figure with its value; the value must be what independent truth states (the seeds'
 * ground truth in fixtures/truth, else src/test/resources/narrative/read-by-hand.tsv, read off the PDF text by
 * hand), the extractor must report it, and it must be this pattern that does: with the pattern left out of the
 * catalog the fact is gone (or fewer copies remain). Two followers are shown on the wording alone where the figure
 * they hang on is no longer read ({@code WORDING} cases). The budget rules (scope 预算说明) are shown on real Shanghai
 * and Jiangsu 部门预算 PDFs. The real PDFs are read in place from
 * ../shared/external; their cases are skipped, with the path, when it is absent.
 */
class NarrativePatternsHoldElsewhereTest {
    private static final Path EXTERNAL = Path.of("..", "shared", "external");
    private static final String PUTUO = "govbudgetchecker_shanghai_putuo/samples/";
    private static final Map<String, String> DOCUMENTS = Map.of(
            "putuo-social", PUTUO + "bad/中共上海市普陀区委社会工作部 2024 年度部门决算.pdf",
            "putuo-finance", PUTUO + "good/上海市普陀区财政局2024年度部门决算.pdf",
            "putuo-planning", PUTUO + "bad/上海市普陀区规划和自然资源局 2024 年度部门决算.pdf",
            "putuo-office-budget", "govbudgetchecker_shanghai_putuo/X/上海市普陀区人民政府办公室25年预算.pdf",
            "putuo-wanli-budget", "govbudgetchecker_shanghai_putuo/X/上海市普陀区人民政府万里街道办事处24年预算.pdf",
            "jiangsu-jcy-2019", "open-budget_jiangsu/江苏省人民检察院/2019年度部门预算公开.pdf",
            "jiangsu-jcy-2018", "open-budget_jiangsu/江苏省人民检察院/2018年省检察院部门预算公开.pdf",
            "putuo-justice-budget", "govbudgetchecker_shanghai_putuo/tmp/doc_check/dept_budget.pdf",
            "putuo-welfare-budget", "tianbaoxitong_shanghai/uploads/archives/1769321433314-826553525.pdf");
    private static final String BY_HAND = "/narrative/read-by-hand.tsv";
    private static final NarrativeCatalog CATALOG = NarrativeCatalog.load();
    private static final Map<String, List<Page>> PAGES = new ConcurrentHashMap<>();

    /** How a case is shown: the extractor reports the figure, or (WORDING) the pattern's wording holds the value. */
    enum Mode { EXTRACTED, WORDING }

    record Case(String pattern, String document, String figure, String value, Mode mode) {
        @Override
        public String toString() {
            return pattern + " on " + document + ": " + figure + " = " + value + (mode == Mode.WORDING ? " (wording)" : "");
        }
    }

    /** pattern | document (seed id or putuo-*) | figure | value [| WORDING]; two documents per kept pattern. */
    private static final String CASES = """
            rule:budget-income | putuo-office-budget | 收入预算 | 9101.68
            rule:budget-income | putuo-wanli-budget | 收入预算 | 15621.11
            rule:budget-income-total | jiangsu-jcy-2019 | 收入预算合计 | 24169.74
            rule:budget-income-total | jiangsu-jcy-2018 | 收入预算合计 | 21955.35
            rule:budget-expenditure | putuo-office-budget | 支出预算 | 9101.68
            rule:budget-expenditure | putuo-wanli-budget | 支出预算 | 15621.11
            rule:budget-expenditure-total | jiangsu-jcy-2019 | 支出预算合计 | 24169.74
            rule:budget-expenditure-total | jiangsu-jcy-2018 | 支出预算合计 | 21955.35
            rule:budget-fiscal-income | jiangsu-jcy-2019 | 财政拨款收入 | 24169.74
            rule:budget-fiscal-income | jiangsu-jcy-2018 | 财政拨款收入 | 21940.96
            rule:budget-3pub | putuo-office-budget | 三公经费.预算数 | 867.50
            rule:budget-3pub | putuo-wanli-budget | 三公经费.预算数 | 47.91
            rule:budget-3pub-part | putuo-office-budget | 因公出国（境）费.预算数 | 839
            rule:budget-3pub-part | jiangsu-jcy-2019 | 公务接待费.预算数 | 101.26
            rule:budget-meeting | jiangsu-jcy-2019 | 会议费.预算数 | 158.44
            rule:budget-meeting | jiangsu-jcy-2018 | 会议费.预算数 | 200.44
            rule:budget-item-prior | putuo-justice-budget | 项1.上年预算执行数 | 1690.69
            rule:budget-item-prior | putuo-welfare-budget | 项1.预算安排 | 53.84
            rule:budget-running-cost | putuo-office-budget | 机关运行经费 | 213.28
            rule:budget-running-cost | putuo-wanli-budget | 机关运行经费 | 443.18
            rule:fiscal-total | putuo-social | 财政拨款收支总计 | 307.82
            rule:fiscal-total | 003_1a3ae03f6167b21e | 财政拨款收支总计 | 14016.17
            rule:total | putuo-social | 收支总计 | 307.82
            rule:total | 001_a8898a713e576bc4 | 收支总计 | 1552.69
            rule:income-total | putuo-social | 收入合计 | 307.82
            rule:income-total | 003_1a3ae03f6167b21e | 收入合计 | 8541.72
            rule:fiscal-income | putuo-finance | 财政拨款收入 | 2940.05
            rule:fiscal-income | 003_1a3ae03f6167b21e | 财政拨款收入 | 8541.72
            rule:income-lines | putuo-finance | 其他收入 | 6.2
            rule:income-lines | 001_a8898a713e576bc4 | 上级补助收入 | 0
            rule:expenditure-lines | 000_91c9528c206bc5a1 | 上缴上级支出 | 0
            rule:expenditure-lines | 001_a8898a713e576bc4 | 经营支出 | 0
            rule:expenditure-total | putuo-social | 支出合计 | 307.82
            rule:expenditure-total | 003_1a3ae03f6167b21e | 支出合计 | 3743.82
            rule:fiscal-basic | putuo-social | 财政拨款基本支出 | 105.58
            rule:fiscal-basic | 004_d2f5081e5b89099b | 财政拨款基本支出 | 1109.33
            rule:basic | putuo-social | 基本支出 | 105.58
            rule:basic | 002_2cbfc221691712bf | 基本支出 | 588.30
            rule:project | putuo-social | 项目支出 | 202.24
            rule:project | 002_2cbfc221691712bf | 项目支出 | 168.48
            rule:personnel | putuo-social | 人员经费 | 95.36
            rule:personnel | 002_2cbfc221691712bf | 人员经费 | 525.27
            rule:public-use | putuo-social | 公用经费 | 10.23
            rule:public-use | 003_1a3ae03f6167b21e | 公用经费 | 386.59
            rule:gb-budget | putuo-finance | 年初预算数 | 2993.92
            rule:gb-budget | 003_1a3ae03f6167b21e | 年初预算数 | 8598.37
            rule:gb-final | 001_a8898a713e576bc4 | 一般公共预算财政拨款支出 | 1552.69
            rule:gb-final | 003_1a3ae03f6167b21e | 一般公共预算财政拨款支出 | 3743.82
            rule:gb-expenditure | putuo-social | 一般公共预算财政拨款支出 | 307.82
            rule:gb-expenditure | 002_2cbfc221691712bf | 一般公共预算财政拨款支出 | 756.78
            rule:class | 003_1a3ae03f6167b21e | 类支出:教育 | 22.04
            rule:class | 004_d2f5081e5b89099b | 类支出:社会保障和就业 | 72.16
            rule:item-relation | putuo-finance | 项1.决算比预算 | 小于
            rule:item-relation | 003_1a3ae03f6167b21e | 项3.决算比预算 | 小于
            rule:item | putuo-finance | 项1.支出决算 | 1511.89
            rule:item | 003_1a3ae03f6167b21e | 项1.年初预算 | 22.05
            rule:3pub-total | putuo-planning | 三公经费.预算数 | 2.85
            rule:3pub-total | 003_1a3ae03f6167b21e | 三公经费.预算数 | 45.50
            rule:3pub-relation | putuo-planning | 三公经费.决算比预算 | 小于
            rule:3pub-relation | putuo-finance | 三公经费.决算比预算 | 小于
            rule:3pub-actual | 000_91c9528c206bc5a1 | 三公经费.决算数 | 2.38
            rule:3pub-actual | 004_d2f5081e5b89099b | 三公经费.决算数 | 3.57
            rule:3pub-part-budget | 001_a8898a713e576bc4 | 公务接待费.预算数 | 7
            rule:3pub-part-budget | 003_1a3ae03f6167b21e | 因公出国（境）费.预算数 | 10.00
            rule:3pub-part-actual | putuo-planning | 公务接待费.决算数 | 0.39
            rule:3pub-part-actual | 001_a8898a713e576bc4 | 公务接待费.决算数 | 1.23
            rule:3pub-abroad-groups | 001_a8898a713e576bc4 | 因公出国（境）团组数 | 0
            rule:3pub-abroad-groups | 003_1a3ae03f6167b21e | 因公出国（境）团组数 | 0
            rule:3pub-reception-groups | 001_a8898a713e576bc4 | 公务接待团组数 | 10
            rule:3pub-reception-groups | 003_1a3ae03f6167b21e | 公务接待团组数 | 31
            rule:3pub-cars | putuo-planning | 公务用车保有量 | 0
            rule:3pub-cars | 003_1a3ae03f6167b21e | 公务用车保有量 | 5
            rule:running-cost | putuo-social | 机关运行经费 | 10.23
            rule:running-cost | 002_2cbfc221691712bf | 机关运行经费 | 63.03
            rule:meeting | 001_a8898a713e576bc4 | 会议费 | 1.09
            rule:meeting | 003_1a3ae03f6167b21e | 会议费 | 11.83
            rule:meeting-people | 001_a8898a713e576bc4 | 会议人数 | 224
            rule:meeting-people | 003_1a3ae03f6167b21e | 会议人数 | 652
            rule:procurement-total | 001_a8898a713e576bc4 | 政府采购支出总额 | 102.35
            rule:procurement-total | 003_1a3ae03f6167b21e | 政府采购支出总额 | 796.32
            rule:procurement-kind | 001_a8898a713e576bc4 | 政府采购货物支出 | 81.46
            rule:procurement-kind | 004_d2f5081e5b89099b | 政府采购货物支出 | 82.23
            rule:procurement-sme | 003_1a3ae03f6167b21e | 授予中小企业合同金额 | 716.59
            rule:procurement-sme | 004_d2f5081e5b89099b | 授予中小企业合同金额 | 116.04
            rule:procurement-sme-share | 001_a8898a713e576bc4 | 货物采购授予中小企业比例 | 100
            rule:procurement-sme-share | 003_1a3ae03f6167b21e | 货物采购授予中小企业比例 | 100
            rule:vehicles-total | putuo-social | 车辆总数 | 0
            rule:vehicles-total | 003_1a3ae03f6167b21e | 车辆总数 | 5
            rule:vehicles-kind | putuo-social | 车辆:执法执勤用车 | 0
            rule:vehicles-kind | 004_d2f5081e5b89099b | 车辆:应急保障用车 | 1
            rule:equipment | 003_1a3ae03f6167b21e | 单位价值100万元以上设备 | 6
            rule:equipment | 004_d2f5081e5b89099b | 单位价值50万元以上通用设备 | 0
            rule:score | 001_a8898a713e576bc4 | 绩效自评得分 | 98
            rule:score | 002_2cbfc221691712bf | 绩效自评得分 | 100
            follower:预算完成率 | putuo-planning | 三公经费.预算完成率 | 13.68
            follower:预算完成率 | 003_1a3ae03f6167b21e | 三公经费.预算完成率 | 20.53
            follower:年初预算完成率 | putuo-planning | 项3.年初预算完成率 | 98.61
            follower:年初预算完成率 | 003_1a3ae03f6167b21e | 项3.年初预算完成率 | 92.65
            follower:年初预算 | 002_2cbfc221691712bf | 年初预算数 | 649.76
            follower:年初预算 | 004_d2f5081e5b89099b | 年初预算数 | 921.87 | WORDING
            follower:年中调整追加预算 | 002_2cbfc221691712bf | 年中调整追加预算 | 107.02
            follower:年中调整追加预算 | 004_d2f5081e5b89099b | 年中调整追加预算 | 274.96 | WORDING
            change:较上年 | 001_a8898a713e576bc4 | 收支总计.较上年减少额 | 4889.88
            change:较上年 | 004_d2f5081e5b89099b | 机关运行经费.较上年减少额 | 11.07
            change:较上年 | 000_91c9528c206bc5a1 | 机关运行经费.较上年减少额 | 113.82
            change:较上年 | putuo-justice-budget | 项1.较上年减少率 | 1.07
            change:较上年 | putuo-welfare-budget | 项1.较上年减少率 | 1.39
            change:较年初预算 | 004_d2f5081e5b89099b | 机关运行经费.较年初预算减少额 | 24.67
            change:较年初预算 | 003_1a3ae03f6167b21e | 机关运行经费.较年初预算减少额 | 30.41
            share | putuo-social | 财政拨款收入.占比 | 100.00
            share | 002_2cbfc221691712bf | 人员经费.占基本支出比 | 89.29
            """;

    static List<Case> cases() {
        List<Case> out = new ArrayList<>();
        for (String line : CASES.strip().split("\n")) {
            String[] f = line.split("\\|");
            out.add(new Case(f[0].strip(), f[1].strip(), f[2].strip(), f[3].strip(),
                    f.length > 4 ? Mode.valueOf(f[4].strip()) : Mode.EXTRACTED));
        }
        return out;
    }

    static Stream<Case> extracted() {
        return cases().stream().filter(c -> c.mode() == Mode.EXTRACTED);
    }

    static Stream<Case> wording() {
        return cases().stream().filter(c -> c.mode() == Mode.WORDING);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("extracted")
    void thePatternReadsTheFigureTheTruthStates(Case c) throws IOException {
        assertThat(truthValues(c.document(), c.figure())).as("truth of %s on %s", c.figure(), c.document())
                .anyMatch(v -> same(v, c.value()));
        List<Page> pages = pages(c.document());
        long with = count(new NarrativeExtractor(CATALOG).extract(pages), c);
        long without = count(new NarrativeExtractor(CatalogPatterns.without(CATALOG, c.pattern())).extract(pages), c);
        assertThat(with).as("%s reported", c).isPositive();
        assertThat(without).as("%s without %s", c, c.pattern()).isLessThan(with);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("wording")
    void thePatternsWordingHoldsTheValueTheTruthStates(Case c) throws IOException {
        assertThat(truthValues(c.document(), c.figure())).as("truth of %s on %s", c.figure(), c.document())
                .anyMatch(v -> same(v, c.value()));
        StringBuilder sb = new StringBuilder();
        for (Page p : pages(c.document())) for (TextLine l : p.lines()) sb.append(l.text());
        Matcher m = CatalogPatterns.of(CATALOG).get(c.pattern()).matcher(Text.squash(sb.toString()));
        List<String> values = new ArrayList<>();
        while (m.find()) values.add(m.group("a").replace(",", ""));
        assertThat(values).as("%s: values its wording holds", c).anyMatch(v -> same(v, c.value()));
    }

    /** A pattern added to the catalog needs its two documents here too; one removed takes its cases along. */
    @Test
    void everyPatternOfTheCatalogIsShownOnTwoDocuments() {
        Map<String, Set<String>> documents = cases().stream().collect(Collectors.groupingBy(Case::pattern,
                Collectors.mapping(Case::document, Collectors.toCollection(TreeSet::new))));
        assertThat(documents.keySet()).containsExactlyInAnyOrderElementsOf(CatalogPatterns.of(CATALOG).keySet());
        assertThat(documents).allSatisfy((pattern, docs) -> assertThat(docs).as(pattern).hasSizeGreaterThanOrEqualTo(2));
    }

    private static long count(List<NarrativeFact> facts, Case c) {
        return facts.stream().filter(f -> f.figure().equals(c.figure()) && same(f.value(), c.value())).count();
    }

    /** Every value the independent truth gives the figure on the document. */
    static List<String> truthValues(String document, String figure) throws IOException {
        List<String> values = new ArrayList<>();
        String path = DOCUMENTS.containsKey(document) ? DOCUMENTS.get(document) : "seed:" + document;
        if (!DOCUMENTS.containsKey(document)) {
            JsonNode root = new ObjectMapper().readTree(Path.of("fixtures/truth", document + ".json").toFile());
            for (JsonNode n : root.path("narrative_facts")) {
                if (n.path("figure").asText().equals(figure)) values.add(n.path("value").asText());
            }
        }
        try (InputStream in = NarrativePatternsHoldElsewhereTest.class.getResourceAsStream(BY_HAND)) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) continue;
                String[] f = line.split("\t");
                if (f[0].equals(path) && f[2].equals(figure)) values.add(f[3]);
            }
        }
        return values;
    }

    private static List<Page> pages(String document) {
        return PAGES.computeIfAbsent(document, d -> {
            List<Page> pages = new ArrayList<>();
            try {
                if (DOCUMENTS.containsKey(d)) {
                    Path pdf = EXTERNAL.resolve(DOCUMENTS.get(d));
                    assumeTrue(Files.isRegularFile(pdf), "test document not present: " + pdf);
                    new PdfPageSource(null).pages(pdf, pages::add);
                } else {
                    String text = Files.readString(Path.of("fixtures/seeds", d + ".txt"), StandardCharsets.UTF_8);
                    new OcrTextPageSource().split(text, pages::add);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return pages;
        });
    }

    private static boolean same(String a, String b) {
        try {
            return new BigDecimal(a.replace(",", "")).compareTo(new BigDecimal(b.replace(",", ""))) == 0;
        } catch (NumberFormatException e) {
            return a.equals(b);
        }
    }
}
