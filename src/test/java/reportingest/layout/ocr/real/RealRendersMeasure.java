package reportingest.layout.ocr.real;

import reportingest.layout.Page;
import reportingest.layout.TextLine;
import reportingest.layout.Word;
import reportingest.layout.ocr.TesseractOcr;
import reportingest.tables.RawCell;
import reportingest.tables.RawRow;
import reportingest.tables.RawTable;
import reportingest.tables.tabula.TabulaTableRecognizer;

import javax.imageio.ImageIO;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Measures the image path on the real renders (not a test): amount recall per Putuo page against the
 * PDF text, the tables found, and for cTDaR pages the share of truth cells holding OCR text and the
 * tables found over the truth regions. Args: putuo | ctdar | both [verbose].
 */
public final class RealRendersMeasure {
    public static void main(String[] args) throws Exception {
        String what = args.length > 0 ? args[0] : "both";
        boolean verbose = args.length > 1;
        try (TesseractOcr ocr = new TesseractOcr(RealRenders.TESSDATA, "chi_sim+eng")) {
            if (!what.equals("ctdar")) for (int p : new int[] {33, 9, 10, 34}) putuo(ocr, p, verbose);
            if (!what.equals("putuo")) {
                try (var files = Files.list(RealRenders.CTDAR)) {
                    for (Path jpg : files.filter(f -> f.toString().endsWith(".jpg")).sorted().toList()) ctdar(ocr, jpg, verbose);
                }
            }
        }
    }

    static void putuo(TesseractOcr ocr, int number, boolean verbose) throws Exception {
        long t0 = System.nanoTime();
        List<Page> pages = RealRenders.ocr(ocr, RealRenders.putuoPage(number));
        long ms = (System.nanoTime() - t0) / 1_000_000;
        List<String> printed = PrintedAmounts.in(RealRenders.putuoPageText(number));
        String read = RealRenders.text(pages.get(0));
        List<String> missed = PrintedAmounts.missed(printed, PrintedAmounts.in(read));
        System.out.printf("putuo p%d: amounts read exactly %d/%d (%d ms); missed %s%n", number,
                printed.size() - missed.size(), printed.size(), ms, missed);
        if (verbose) System.out.println(read);
        printTables(pages);
    }

    static void ctdar(TesseractOcr ocr, Path jpg, boolean verbose) throws Exception {
        CtdarTruth truth = CtdarTruth.read(Path.of(jpg.toString().replace(".jpg", ".xml")));
        int widthPx = ImageIO.read(jpg.toFile()).getWidth();
        long t0 = System.nanoTime();
        Page page = RealRenders.ocr(ocr, jpg).get(0);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        double pxPerPt = widthPx / page.width();
        List<RawTable> tables = new TabulaTableRecognizer().recognize(List.of(page));
        int cells = 0, withText = 0, inTableCell = 0, regionsFound = 0;
        for (CtdarTruth.Table t : truth.tables()) {
            boolean found = false;
            for (CtdarTruth.Box c : t.cells()) {
                cells++;
                if (wordOver(page, c, pxPerPt)) withText++;
                if (tableCellOver(tables, c, pxPerPt)) { inTableCell++; found = true; }
            }
            if (found) regionsFound++;
        }
        System.out.printf("ctdar %s: cells with OCR text %d/%d, in a recovered table cell with text %d/%d; "
                        + "truth tables hit %d/%d; tables recovered %d (%d ms)%n", jpg.getFileName(), withText, cells,
                inTableCell, cells, regionsFound, truth.tables().size(), tables.size(), ms);
        var transcribed = RealRendersMeasure.class.getResourceAsStream("/real-renders/" + jpg.getFileName().toString().replace(".jpg", ".amounts.txt"));
        if (transcribed != null) {
            String truthText = new String(transcribed.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).replaceAll("(?m)^#.*$", "");
            List<String> printed = PrintedAmounts.in(truthText);
            List<String> missed = PrintedAmounts.missed(printed, PrintedAmounts.in(RealRenders.text(page)));
            System.out.printf("  amounts read exactly %d/%d (hand transcription); missed %s%n", printed.size() - missed.size(), printed.size(), missed);
        }
        if (verbose) printTables(List.of(page));
    }

    public static boolean wordOver(Page page, CtdarTruth.Box c, double s) {
        for (TextLine l : page.lines()) {
            for (Word w : l.words()) {
                if (!w.text().isBlank() && c.overlaps(w.bbox().x() * s, w.bbox().y() * s, w.bbox().right() * s, w.bbox().bottom() * s)) return true;
            }
        }
        return false;
    }

    public static boolean tableCellOver(List<RawTable> tables, CtdarTruth.Box c, double s) {
        for (RawTable t : tables) {
            for (RawRow r : t.rows()) {
                for (RawCell cell : r.cells()) {
                    if (cell.bbox() == null || cell.text().isBlank()) continue;
                    var b = cell.bbox();
                    // The truth box is the cell's text; it must sit inside the recovered cell, not just touch it.
                    double cx = (c.x0() + c.x1()) / 2.0, cy = (c.y0() + c.y1()) / 2.0;
                    if (cx > b.x() * s && cx < b.right() * s && cy > b.y() * s && cy < b.bottom() * s) return true;
                }
            }
        }
        return false;
    }

    static void printTables(List<Page> pages) {
        for (RawTable t : new TabulaTableRecognizer().recognize(pages)) {
            System.out.printf("  ### [%s] form=%s rows=%d%n", t.title(), t.formNo(), t.rows().size());
            for (RawRow r : t.rows()) {
                StringBuilder sb = new StringBuilder();
                for (RawCell c : r.cells()) sb.append(c.text()).append(" | ");
                System.out.println("     " + sb);
            }
        }
    }
}
