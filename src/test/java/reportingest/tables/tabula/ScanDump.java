package reportingest.tables.tabula;

import reportingest.layout.Page;
import reportingest.layout.TextLine;
import reportingest.layout.Word;
import reportingest.layout.ocr.OcrEngines;
import reportingest.layout.ocr.PixelBudget;
import reportingest.layout.ocr.TesseractOcr;
import reportingest.layout.pdf.PdfPageSource;
import reportingest.tables.RawCell;
import reportingest.tables.RawRow;
import reportingest.tables.RawTable;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Prints what OCR reads on a scan (PDF or image; images assumed 300 dpi) and the tables found, for
 * looking at scan fixtures while tuning (not a test). Args: file [words]; -Dengines=tesseract,ppocr for both engines,
 * -Dsecond-reading=doubtful for the service's default second reading (all by default here).
 */
public final class ScanDump {
    /** OCRs a scan: a PDF through PdfPageSource, an image file frame by frame at {@code dpi}. */
    public static List<Page> read(Path file, int dpi) throws Exception {
        List<Page> pages = new ArrayList<>();
        OcrEngines engines = OcrEngines.parse(System.getProperty("engines", "tesseract"));
        boolean doubtful = "doubtful".equals(System.getProperty("second-reading", "all"));
        try (TesseractOcr ocr = new TesseractOcr("/usr/share/tesseract-ocr/5/tessdata", "chi_sim+eng", PixelBudget.DEFAULT, engines, doubtful)) {
            if (file.toString().endsWith(".pdf")) {
                new PdfPageSource(ocr).pages(file, pages::add);
            } else {
                try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
                    ImageReader r = ImageIO.getImageReaders(in).next();
                    r.setInput(in);
                    for (int i = 0; i < r.getNumImages(true); i++) pages.add(ocr.read(r.read(i), i + 1, dpi));
                }
            }
        }
        return pages;
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        boolean words = args.length > 1;
        List<Page> pages = read(file, args.length > 2 ? Integer.parseInt(args[2]) : 300);
        if (words) {
            for (Page p : pages) {
                System.out.printf("=== page %d %s lines=%d rulings=%d%n", p.number(), p.origin(), p.lines().size(), p.rulings().size());
                p.rulings().forEach(r -> System.out.printf("  ruling %.0f,%.0f - %.0f,%.0f%n", r.x1(), r.y1(), r.x2(), r.y2()));
                p.otherReadings().forEach(o -> System.out.println("  other " + o));
                for (List<TextLine> area : StreamAreas.tables(p)) {
                    System.out.printf("  stream area: %d lines from '%s' to '%s'%n", area.size(), area.get(0).text(), area.get(area.size() - 1).text());
                }
                for (TextLine l : p.lines()) {
                    StringBuilder sb = new StringBuilder();
                    for (Word w : l.words()) sb.append(String.format("[%s @%.0f-%.0f,%.0f h%.0f c%.0f] ", w.text(), w.bbox().x(), w.bbox().right(), w.bbox().y(), w.bbox().height(), w.confidence()));
                    System.out.println(sb);
                }
            }
        }
        for (RawTable t : new TabulaTableRecognizer().recognize(pages)) {
            System.out.printf("### [%s] form=%s p%d-%d cont=%s rows=%d%n", t.title(), t.formNo(), t.pageFrom(), t.pageTo(), t.continued(), t.rows().size());
            for (RawRow r : t.rows()) {
                StringBuilder sb = new StringBuilder();
                for (RawCell c : r.cells()) sb.append(c.text()).append(" | ");
                System.out.println("   " + sb);
            }
        }
    }
}
