package reportingest.eval;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import reportingest.layout.Page;
import reportingest.layout.ocr.TesseractOcr;
import reportingest.layout.ocr.real.CtdarTruth;
import reportingest.layout.ocr.real.PrintedAmounts;
import reportingest.layout.ocr.real.RealRenders;
import reportingest.layout.ocr.real.RealRendersMeasure;
import reportingest.layout.pdf.PdfPageSource;
import reportingest.tables.RawRow;
import reportingest.tables.RawTable;
import reportingest.tables.tabula.RealPdfs;
import reportingest.tables.tabula.TabulaTableRecognizer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The real scans of issue #19, each read by one OCR setting through the page source and table recogniser the
 * service uses, scored with the truth and the scoring helpers of the tests that hold them (ScannedExternalTablesTest,
 * EarlierOcrLayerRealScanTest, RealPageRendersTest). Scores are at the table stage: the identities' refereeing of
 * two engines' different amounts happens later, in validation, and these pages belong to no catalog form.
 */
final class RealScanScores {
    record Score(String file, String measure, int right, int all) {}

    private final TesseractOcr ocr;
    private final Path tmp;

    RealScanScores(TesseractOcr ocr, Path tmp) {
        this.ocr = ocr;
        this.tmp = tmp;
    }

    /** well_image_a: cells of Analyte, Result, Allowable Limit per row, against tabula-java's expected CSV. */
    List<Score> wellImage() throws IOException {
        Path ext = RealRenders.EXTERNAL.resolve("tabula-java/batch");
        List<List<String>> expected = new ArrayList<>();
        for (String line : Files.readAllLines(ext.resolve("expected/well_image_a.csv"), StandardCharsets.UTF_8)) {
            if (line.isBlank() || line.startsWith("Table #")) continue;
            String[] f = line.split(",", -1);
            // the unit column is left out, as the test does (OCR reads Zinc's "mg/L" as "ma/L")
            expected.add(List.of(RealPdfs.norm(f[0]), RealPdfs.norm(f[1]), RealPdfs.norm(f[2])));
        }
        List<List<String>> got = new ArrayList<>();
        for (RawTable t : new TabulaTableRecognizer().recognize(pdfPages(ext.resolve("input/well_image_a.pdf")))) {
            for (RawRow r : t.rows()) got.add(r.cells().stream().map(c -> RealPdfs.norm(c.text())).toList());
        }
        int cells = 0, rows = 0;
        for (List<String> want : expected) {
            // the row read with the same analyte name, else none: a row whose name OCR garbled scores 0 cells
            List<String> row = got.stream().filter(g -> !g.isEmpty() && g.get(0).equals(want.get(0))).findFirst().orElse(List.of());
            int right = 0;
            for (int i = 0; i < want.size(); i++) if (i < row.size() && row.get(i).equals(want.get(i))) right++;
            cells += right;
            if (right == want.size()) rows++;
        }
        return List.of(new Score("well_image_a.pdf", "cells as expected CSV", cells, expected.size() * 3),
                new Score("well_image_a.pdf", "rows exact", rows, expected.size()));
    }

    /**
     * pr-136 pages 1–2: the texts EarlierOcrLayerRealScanTest holds on page 1, and on page 2 the guarantee table's
     * five bank rows (named as the page image prints them, ScannedExternalTablesTest) found as a row's first cell,
     * and the two rows that test holds read whole.
     */
    List<Score> pr136() throws IOException {
        Path two = firstPages(RealRenders.EXTERNAL.resolve("pdfplumber/pr-136-example.pdf"), 2);
        List<Page> pages = pdfPages(two);
        List<String> lines = pages.get(0).lines().stream().map(l -> l.text().replace("\t", "")).toList();
        List<String> words = pages.get(0).lines().stream().flatMap(l -> l.words().stream()).map(w -> w.text()).toList();
        int p1 = 0;
        for (String s : List.of("2015年年度报告中有关财务事项的说明", "《关于对2015年浙江菲达环保科技股份有限公司年度报告",
                "9,500万元担保损失", "1.57亿元", "2,000")) {
            if (lines.stream().anyMatch(l -> l.contains(s))) p1++;
        }
        for (String w : List.of("2015-09-07", "2016-03-07", "[2016]0512")) if (words.contains(w)) p1++;
        List<List<String>> rows = new ArrayList<>();
        for (RawTable t : new TabulaTableRecognizer().recognize(List.of(pages.get(1)))) {
            for (RawRow r : t.rows()) rows.add(RealPdfs.filled(r).stream().map(RealPdfs::norm).toList());
        }
        int banks = 0;
        for (String b : List.of("平安杭州湖墅支行", "浦发银行诸暨支行", "工行诸暨支行", "招行诸暨支行", "稠州银行杭州分行")) {
            if (rows.stream().anyMatch(r -> !r.isEmpty() && r.get(0).equals(b))) banks++;
        }
        int whole = 0;
        for (List<String> want : List.of(List.of("浦发银行诸暨支行", "3,000", "2015-12-11", "2016-10-28"),
                List.of("工行诸暨支行", "2,700", "2015-12-10", "2016-10-28"))) {
            if (rows.contains(want)) whole++;
        }
        return List.of(new Score("pr-136 p1", "texts as printed", p1, 8),
                new Score("pr-136 p2", "bank rows found (first cell)", banks, 5),
                new Score("pr-136 p2", "rows read whole", whole, 2));
    }

    /** The cTDaR pages: truth cells with OCR text over them and inside a recovered table cell; t10084's amounts. */
    List<Score> ctdar() throws Exception {
        int cells = 0, withText = 0, inTable = 0, amountsRight = 0, amountsAll = 0;
        try (var files = Files.list(RealRenders.CTDAR)) {
            for (Path jpg : files.filter(f -> f.toString().endsWith(".jpg")).sorted().toList()) {
                CtdarTruth truth = CtdarTruth.read(Path.of(jpg.toString().replace(".jpg", ".xml")));
                Page page = RealRenders.ocr(ocr, jpg).get(0);
                double pxPerPt = javax.imageio.ImageIO.read(jpg.toFile()).getWidth() / page.width();
                List<RawTable> tables = new TabulaTableRecognizer().recognize(List.of(page));
                for (CtdarTruth.Table t : truth.tables()) {
                    for (CtdarTruth.Box c : t.cells()) {
                        cells++;
                        if (RealRendersMeasure.wordOver(page, c, pxPerPt)) withText++;
                        if (RealRendersMeasure.tableCellOver(tables, c, pxPerPt)) inTable++;
                    }
                }
                var transcribed = getClass().getResourceAsStream("/real-renders/" + jpg.getFileName().toString().replace(".jpg", ".amounts.txt"));
                if (transcribed != null) {
                    List<String> printed = PrintedAmounts.in(new String(transcribed.readAllBytes(), StandardCharsets.UTF_8)
                            .replaceAll("(?m)^#.*$", ""));
                    amountsAll += printed.size();
                    amountsRight += printed.size() - PrintedAmounts.missed(printed, PrintedAmounts.in(RealRenders.text(page))).size();
                }
            }
        }
        return List.of(new Score("cTDaR (8 pages)", "truth cells with OCR text", withText, cells),
                new Score("cTDaR (8 pages)", "truth cells in a recovered table cell", inTable, cells),
                new Score("cTDaR_t10084", "amounts read exactly (hand transcription)", amountsRight, amountsAll));
    }

    /** The Putuo renders p33, p9, p10, p34: amounts of the PDF's own text read exactly. */
    List<Score> putuo() throws IOException {
        int right = 0, all = 0;
        for (int n : new int[] {33, 9, 10, 34}) {
            List<String> printed = PrintedAmounts.in(RealRenders.putuoPageText(n));
            Page page = RealRenders.ocr(ocr, RealRenders.putuoPage(n)).get(0);
            all += printed.size();
            right += printed.size() - PrintedAmounts.missed(printed, PrintedAmounts.in(RealRenders.text(page))).size();
        }
        return List.of(new Score("Putuo renders p33, p9, p10, p34", "amounts read exactly", right, all));
    }

    private List<Page> pdfPages(Path pdf) throws IOException {
        List<Page> pages = new ArrayList<>();
        new PdfPageSource(ocr).pages(pdf, pages::add);
        return pages;
    }

    /** The first n pages in a file of their own: pr-136's later pages hold none of the scored text. */
    private Path firstPages(Path pdf, int n) throws IOException {
        Path out = tmp.resolve("first-" + n + "-" + pdf.getFileName());
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            while (doc.getNumberOfPages() > n) doc.removePage(doc.getNumberOfPages() - 1);
            doc.save(out.toFile());
        }
        return out;
    }
}
