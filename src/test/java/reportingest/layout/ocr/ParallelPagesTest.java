package reportingest.layout.ocr;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.junit.jupiter.api.Test;
import reportingest.detect.DetectedFile;
import reportingest.detect.DocumentKind;
import reportingest.layout.Page;
import reportingest.layout.PageSource;
import reportingest.layout.PageWorkers;
import reportingest.layout.Word;
import reportingest.layout.pdf.PdfPageSource;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Scans read with two OCR workers give the same pages, in the same order, as with one. */
class ParallelPagesTest extends WithOcrEngine {
    private static final List<String> AMOUNTS = List.of("111.11", "222.22", "333.33", "444.44", "555.55");

    @Test
    void multiPageTiffWithTwoWorkers() throws Exception {
        Path tiff = dir.resolve("scan.tiff");
        List<ScanFiles.Frame> frames = new ArrayList<>();
        for (BufferedImage img : labels()) frames.add(new ScanFiles.Frame(img, 300));
        ScanFiles.write(tiff, "tiff", frames);
        DetectedFile file = new DetectedFile(tiff, "scan.tiff", DocumentKind.TIFF, null);

        try (PageWorkers oneWorker = PageWorkers.parallel(1); PageWorkers twoWorkers = PageWorkers.parallel(2)) {
            assertSameWordsInOrder(read(new ImagePageSource(ocr, oneWorker), file),
                    read(new ImagePageSource(ocr, twoWorkers), file));
        }
    }

    @Test
    void imageOnlyPdfWithTwoWorkers() throws Exception {
        Path pdf = dir.resolve("scan.pdf");
        try (PDDocument doc = new PDDocument()) {
            for (BufferedImage img : labels()) {
                PDPage page = new PDPage(new PDRectangle(img.getWidth() * 72f / 300, img.getHeight() * 72f / 300));
                doc.addPage(page);
                PDImageXObject x = LosslessFactory.createFromImage(doc, img);
                try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                    cs.drawImage(x, 0, 0, page.getMediaBox().getWidth(), page.getMediaBox().getHeight());
                }
            }
            doc.save(pdf.toFile());
        }
        DetectedFile file = new DetectedFile(pdf, "scan.pdf", DocumentKind.PDF, null);

        List<Page> one = read(new PdfPageSource(ocr), file);
        List<Page> two;
        try (PageWorkers workers = PageWorkers.parallel(2)) {
            two = read(new PdfPageSource(ocr, workers), file);
        }
        assertSameWordsInOrder(one, two);
    }

    private static List<BufferedImage> labels() {
        List<BufferedImage> out = new ArrayList<>();
        for (int i = 0; i < AMOUNTS.size(); i++) {
            // pages of different sizes finish at different times, so order is really at stake
            out.add(RuledTableScan.label("第" + (i + 1) + "页 合计 " + AMOUNTS.get(i), 1240 + (i % 2) * 600, 240));
        }
        return out;
    }

    private static List<Page> read(PageSource source, DetectedFile file) throws IOException {
        List<Page> pages = new ArrayList<>();
        int count = source.pages(file, pages::add);
        assertThat(count).isEqualTo(AMOUNTS.size());
        return pages;
    }

    private static void assertSameWordsInOrder(List<Page> one, List<Page> two) {
        assertThat(two).extracting(Page::number).containsExactly(1, 2, 3, 4, 5);
        for (int i = 0; i < AMOUNTS.size(); i++) {
            assertThat(words(two.get(i))).isEqualTo(words(one.get(i))).contains(AMOUNTS.get(i));
        }
    }

    private static List<String> words(Page page) {
        return page.lines().stream().flatMap(l -> l.words().stream()).map(Word::text).toList();
    }
}
