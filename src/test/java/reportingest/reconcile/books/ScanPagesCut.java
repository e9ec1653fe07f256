package reportingest.reconcile.books;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import reportingest.layout.Page;
import reportingest.layout.ocr.PixelBudget;
import reportingest.layout.ocr.TesseractOcr;
import reportingest.layout.pdf.PdfPageSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Some pages of a scanned book cut out and OCR'd as the service reads a PDF, each numbered as its book page. */
final class ScanPagesCut {
    private ScanPagesCut() {}

    static List<Page> read(Path scan, int[] bookPages, Path tmp) throws Exception {
        Path cut = tmp.resolve("cut-" + scan.getFileName());
        try (PDDocument book = Loader.loadPDF(scan.toFile()); PDDocument out = new PDDocument()) {
            for (int p : bookPages) out.importPage(book.getPage(p - 1));
            out.save(cut.toFile());
        }
        List<Page> read = new ArrayList<>();
        try (TesseractOcr ocr = new TesseractOcr("/usr/share/tesseract-ocr/5/tessdata", "chi_sim+eng", PixelBudget.DEFAULT)) {
            new PdfPageSource(ocr).pages(cut, read::add);
        }
        List<Page> pages = new ArrayList<>();
        for (Page p : read) {
            pages.add(new Page(bookPages[p.number() - 1], p.width(), p.height(), p.origin(), p.lines(), p.rulings(), p.otherReadings()));
        }
        return pages;
    }
}
