package reportingest.layout.pdf;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import reportingest.fixtures.foreign.ForeignProducers;
import reportingest.layout.Page;
import reportingest.layout.Ruling;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Chromium prints Noto Serif CJK SC as Type 3 fonts whose glyphs are drawn paths; Tabula takes their straight
 * strokes, and a segment it carries from one glyph's last point into the next glyph's first, for rulings. A body
 * row cut by such a line loses its cells (fresh seed 643225944: 221 02 03 购房补贴 45.34, a line from 贴 to 4 on
 * the table's last row). Every horizontal rule the page keeps is one of the table's: as wide as the table.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class Type3GlyphStrokesTest {
    @TempDir
    static Path dir;
    private Page page;

    private static final String[][] ROWS = {{"221", "住房保障支出", "188.12"}, {"22102", "住房改革支出", "188.12"},
            {"2210201", "住房公积金", "142.78"}, {"2210203", "购房补贴", "45.34"}, {"2080505", "机关事业单位基本养老保险缴费支出", "146.80"},
            {"2130599", "其他巩固脱贫衔接补助支出", "4.13"}, {"2010301", "行政运行", "1,044.71"}};

    @BeforeAll
    void print() throws Exception {
        Assumptions.assumeTrue(ForeignProducers.missing("chromium").isEmpty(), "chromium is not installed (bin/setup installs it)");
        Assumptions.assumeTrue(ForeignProducers.run("fc-list", ":family=Noto Serif CJK SC").contains("Noto"),
                "fonts-noto-cjk is not installed (bin/setup installs it)");
        StringBuilder h = new StringBuilder("<!doctype html><html><head><meta charset=\"utf-8\"><style>@page{size:A4 landscape;margin:15mm}"
                + "body{font-family:\"Noto Serif CJK SC\";font-size:9pt} table{border-collapse:collapse;width:100%}"
                + "td{border:0.6pt solid #000;padding:2px 5px} td.n{text-align:right}</style></head><body><table>");
        for (String[] r : ROWS) h.append("<tr><td>").append(r[0]).append("</td><td>").append(r[1]).append("</td><td class=\"n\">")
                .append(r[2]).append("</td><td class=\"n\">").append(r[2]).append("</td></tr>");
        Path html = Files.writeString(dir.resolve("t.html"), h.append("</table></body></html>"), StandardCharsets.UTF_8);
        Path pdf = dir.resolve("t.pdf");
        ForeignProducers.run("chromium", "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--no-pdf-header-footer", "--print-to-pdf=" + pdf, html.toUri().toString());
        List<Page> pages = new ArrayList<>();
        new PdfPageSource(null).pages(pdf, pages::add);
        page = pages.get(0);
    }

    @Test
    void everyHorizontalRuleKeptIsTheTablesAndNoneCutsARow() {
        List<Ruling> horizontal = page.rulings().stream().filter(Ruling::horizontal).toList();
        double width = horizontal.stream().mapToDouble(r -> Math.abs(r.x2() - r.x1())).max().orElseThrow();
        assertThat(horizontal).as("one rule above each row and one below the last").hasSize(ROWS.length + 1);
        assertThat(horizontal).allSatisfy(r -> assertThat(Math.abs(r.x2() - r.x1())).isGreaterThan(0.99 * width));
    }

    @Test
    void eachRowIsReadAsOneLineWithItsAmounts() {
        for (String[] r : ROWS) {
            assertThat(page.lines()).as(r[1]).anySatisfy(l -> assertThat(l.text()).contains(r[1]).contains(r[2]));
        }
    }
}
