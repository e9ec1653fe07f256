package reportingest.reconcile.budget;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import reportingest.catalog.Catalog;
import reportingest.layout.Page;
import reportingest.layout.pdf.PdfPageSource;
import reportingest.reconcile.ExtractedDocument;
import reportingest.reconcile.Flag;
import reportingest.reconcile.NarrativeFact;
import reportingest.reconcile.document.DocumentReconciler;
import reportingest.reconcile.fin.CatalogReconciler;
import reportingest.reconcile.narrative.NarrativeExtractor;
import reportingest.reconcile.performance.PerformanceTableReader;
import reportingest.tables.tabula.TabulaTableRecognizer;
import reportingest.validate.Validator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;
import static reportingest.reconcile.budget.RealBudgets.*;

/**
 * The 预算说明 of real 部门/单位预算 PDFs: its headline figures (收入预算, 支出预算, 财政拨款收入, 三公经费 and its
 * parts, 会议费, 机关运行经费) are read in scope 预算说明 and checked against the tables that print them, in the
 * tables' own unit (Shanghai prints its forms in 元, its text in 万元). Expected figures, with file and page, are the
 * budget rows of src/test/resources/narrative/read-by-hand.tsv, read off pdftotext -layout.
 */
class BudgetNarrativeTest {
    private static final Path TRUTH = Path.of("src/test/resources/narrative/read-by-hand.tsv");
    private static final Map<String, ExtractedDocument> DOCS = new ConcurrentHashMap<>();
    private static final Map<String, List<Page>> PAGES = new ConcurrentHashMap<>();

    /** Read, reconciled with the narrative (as the service does) and validated. */
    static ExtractedDocument readWithNarrative(String relative) {
        return DOCS.computeIfAbsent(relative, f -> new Validator(Catalog.load()).validate(reconciled(f), pages(f)).document());
    }

    private static ExtractedDocument reconciled(String relative) {
        List<Page> pages = pages(relative);
        Catalog catalog = Catalog.load();
        return new DocumentReconciler(new CatalogReconciler(catalog), new PerformanceTableReader(), new NarrativeExtractor())
                .reconcile(pages, new TabulaTableRecognizer().recognize(pages));
    }

    private static List<Page> pages(String relative) {
        Path p = require(relative);
        return PAGES.computeIfAbsent(relative, f -> {
            List<Page> pages = new ArrayList<>();
            try {
                new PdfPageSource(null).pages(p, pages::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return pages;
        });
    }

    /** Every budget figure of the truth file is read on its page, with its value, in scope 预算说明. */
    @Test
    void theFiguresReadByHandAreReadOnTheirPages() throws IOException {
        int checked = 0;
        for (String line : Files.readAllLines(TRUTH, StandardCharsets.UTF_8)) {
            if (line.isBlank() || line.startsWith("#")) continue;
            String[] f = line.split("\t");
            if (f[0].contains("决算") || f[0].startsWith("seed:")) continue; // the 决算 rows are NarrativePatternsHoldElsewhereTest's
            int page = Integer.parseInt(f[1].substring(2));
            ExtractedDocument doc = readWithNarrative(f[0]);
            assertThat(doc.facts()).as("%s p%d %s", f[0], page, f[2])
                    .anySatisfy(n -> {
                        assertThat(n.figure()).isEqualTo(f[2]);
                        assertThat(n.page()).isEqualTo(page);
                        assertThat(new java.math.BigDecimal(n.value())).isEqualByComparingTo(f[3]);
                        assertThat(n.scope()).isEqualTo("预算说明");
                        assertThat(n.year()).isEqualTo(doc.fiscalYear());
                    });
            checked++;
        }
        assertThat(checked).isEqualTo(25);
    }

    /**
     * Every figure the 预算说明 states agrees with the tables: no NARRATIVE_MISMATCH on these documents (the
     * figures are checked: see {@link #aFigureThatDisagreesWithItsTableIsFlagged}).
     */
    @ParameterizedTest
    @ValueSource(strings = {OFFICE_25, OFFICE_UNIT_25, COMMERCE_25, COMMERCE_UNIT_25, WANLI_23, WANLI_24, WANLI_25,
            JUSTICE_26, JUSTICE_UNIT_26, FINANCE_25, CITY_FINANCE_25, WELFARE_24,
            JIANGSU + "江苏省人民检察院/2019年度部门预算公开.pdf", JIANGSU + "江苏省人民检察院/2018年省检察院部门预算公开.pdf",
            JIANGSU + "江苏省高级人民法院/江苏省高级人民法院2019年度部门预算公开.pdf", JIANGSU + "江苏省人大办公厅/省人大办公厅2018预算公开.pdf"})
    void theBudgetNarrativeAgreesWithTheTables(String file) {
        ExtractedDocument doc = readWithNarrative(file);
        assertThat(doc.facts()).extracting(NarrativeFact::figure).contains(figureOf(file));
        assertThat(changeMismatches(doc)).as("only the source's own change rates (CHANGE_INCONSISTENCIES)")
                .containsExactlyInAnyOrderElementsOf(CHANGE_INCONSISTENCIES.getOrDefault(file, List.of()));
        assertThat(doc.flags()).filteredOn(f -> f.code().equals("NARRATIVE_MISMATCH")).extracting(Flag::message)
                .allMatch(m -> m.matches("(?s)narrative 项\\d+ 较上年 rate.*"));
    }

    /** Shanghai states its totals as 收入预算/支出预算, Jiangsu as 本年收入/支出预算合计. */
    private static String figureOf(String file) {
        return file.startsWith(JIANGSU) ? "支出预算合计" : "支出预算";
    }

    /**
     * The check is real: a narrative figure one cent off its table is flagged, against a 元 table (Shanghai:
     * 收入预算 9,101.68 万元 = 收入总计 91,016,775.35 元) and a 万元 one (Jiangsu: 会议费 200.44 万元).
     */
    @ParameterizedTest
    @CsvSource({"OFFICE_25,收入预算,9101.68,9101.69", "OFFICE_25,三公经费.预算数,867.50,867.51",
            "JCY_18,会议费.预算数,200.44,200.45", "JCY_18,支出预算合计,21955.35,21955.36"})
    void aFigureThatDisagreesWithItsTableIsFlagged(String name, String figure, String printed, String altered) {
        String file = name.equals("OFFICE_25") ? OFFICE_25 : JIANGSU + "江苏省人民检察院/2018年省检察院部门预算公开.pdf";
        ExtractedDocument doc = reconciled(file);
        assertThat(doc.facts()).anySatisfy(n -> {
            assertThat(n.figure()).isEqualTo(figure);
            assertThat(n.value()).isEqualTo(printed);
        });
        List<NarrativeFact> facts = doc.facts().stream()
                .map(n -> n.figure().equals(figure) ? new NarrativeFact(n.section(), n.quote(), n.figure(), altered, n.unit(),
                        n.scope(), n.year(), n.page(), n.lineNo()) : n).toList();
        ExtractedDocument altered2 = doc.with(doc.tables(), facts, doc.flags());
        ExtractedDocument checked = new Validator(Catalog.load()).validate(altered2, pages(file)).document();
        assertThat(checked.flags()).filteredOn(f -> f.code().equals("NARRATIVE_MISMATCH"))
                .anySatisfy(f -> assertThat(f.message()).contains(figure + " = table cell").contains(altered));
        assertThat(new Validator(Catalog.load()).validate(doc, pages(file)).document().flags()).extracting(Flag::code)
                .doesNotContain("NARRATIVE_MISMATCH");
    }

    /**
     * Items of the Shanghai 预算说明 whose printed change rate disagrees with the two figures the sentence prints
     * ("2025年当年预算执行数为P万元，2026年预算安排X万元，比2025年预算执行数增加Z%", Z ≠ (X − P) / P beyond rounding), read off
     * pdftotext: 司法局 2026 部门 (dept_budget.pdf p9) 项6 43269.3 -> 3845.49 增加17.62%, 项9 77.99 -> 91.97 增加17.66%
     * (+17.93%), 项12 198.34 -> 201.50 增加5.27% (+1.59%); its 单位 twin (unit_budget.pdf) 项1 1690.69 -> 1434.89 减少1.10%
     * (−15.13%), 项7 57.43 -> 57.8 减少2.27% (+0.64%), 项10 0.50 -> 0.62 增加22.22% (+24%), 项13 241.76 -> 170.03 增加21.74%
     * (−29.67%); 万里街道 2023 项3 11.67 -> 45.41 增加314.82% (+289.12%), 项16 132.59 -> 441.25 增加60.54% (+232.79%);
     * 万里街道 2024 项31 348.52 -> 352.67 增加0.53% (+1.19%).
     */
    private static final Map<String, List<String>> CHANGE_INCONSISTENCIES = Map.of(
            JUSTICE_26, List.of("项6", "项9", "项12"), JUSTICE_UNIT_26, List.of("项1", "项7", "项10", "项13"),
            WANLI_23, List.of("项3", "项16"), WANLI_24, List.of("项31"));

    private static List<String> changeMismatches(ExtractedDocument doc) {
        return doc.flags().stream().filter(f -> f.code().equals("NARRATIVE_MISMATCH") && f.message().contains(" 较上年 "))
                .map(f -> f.message().replaceFirst("(?s)^narrative (项\\d+) 较上年.*$", "$1")).toList();
    }

    /**
     * A change stated against the year before is checked where the document gives both years' figures: the items of
     * the Shanghai 预算说明 print the year before's 预算执行数 beside this year's 预算安排, so the rate is checked
     * (Z = (X − P) / P within rounding); every item holds but the source's own ({@link #CHANGE_INCONSISTENCIES}).
     * 司法局 2026 部门 item 1 (dept_budget.pdf p8): 1690.69 -> 1672.67, 减少1.07%; 社会福利院 2024 单位 item 1 (p6):
     * 54.60 -> 53.84, 减少1.39%. 比2024年预算增加Y万元 with no 2024 figure in the document stays unchecked.
     */
    @ParameterizedTest
    @CsvSource({"JUSTICE_26,13", "JUSTICE_UNIT_26,13", "WELFARE_24,6", "WANLI_23,0", "WANLI_24,0"})
    void changesAgainstTheYearBeforeAreCheckedWhereBothYearsArePrinted(String name, int items) {
        String file = switch (name) {
            case "JUSTICE_26" -> JUSTICE_26;
            case "JUSTICE_UNIT_26" -> JUSTICE_UNIT_26;
            case "WANLI_23" -> WANLI_23;
            case "WANLI_24" -> WANLI_24;
            default -> WELFARE_24;
        };
        ExtractedDocument doc = readWithNarrative(file);
        List<NarrativeFact> prior = doc.facts().stream().filter(n -> n.figure().matches("项\\d+\\.上年预算执行数")).toList();
        if (items > 0) assertThat(prior).hasSize(items);
        assertThat(prior).allSatisfy(n -> assertThat(doc.facts()).extracting(NarrativeFact::figure)
                .contains(n.figure().replace("上年预算执行数", "预算安排")));
        assertThat(changeMismatches(doc)).containsExactlyInAnyOrderElementsOf(CHANGE_INCONSISTENCIES.getOrDefault(file, List.of()));
    }

    /** The check is real: 司法局 item 1's 减少1.07% read as 减少1.17% is flagged. */
    @Test
    void aChangeRateOffItsFiguresIsFlagged() {
        ExtractedDocument doc = reconciled(JUSTICE_26);
        List<NarrativeFact> facts = doc.facts().stream().map(n -> n.figure().equals("项1.较上年减少率")
                ? new NarrativeFact(n.section(), n.quote(), n.figure(), "1.17", n.unit(), n.scope(), n.year(), n.page(), n.lineNo()) : n).toList();
        ExtractedDocument checked = new Validator(Catalog.load()).validate(doc.with(doc.tables(), facts, doc.flags()), pages(JUSTICE_26)).document();
        assertThat(checked.flags()).filteredOn(f -> f.code().equals("NARRATIVE_MISMATCH"))
                .anySatisfy(f -> assertThat(f.message()).startsWith("narrative 项1 较上年").contains("1.17"));
    }
}
