package reportingest.layout.pdf;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.state.RenderingMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reportingest.layout.BBox;
import reportingest.layout.ImageOcr;
import reportingest.layout.Page;
import reportingest.layout.PageOrigin;
import reportingest.layout.TextLine;
import reportingest.layout.Word;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which PDF pages are read from their image: scans whose text is an earlier OCR run's invisible
 * layer are; pages whose text is drawn visibly are not, whatever images they carry.
 */
class EarlierOcrLayerTest {
    private static final PDRectangle A4 = PDRectangle.A4;

    @TempDir
    Path dir;

    /** Records which pages it was asked to read and answers with one word of its own. */
    private final List<Integer> ocrPages = new CopyOnWriteArrayList<>();
    private final ImageOcr stub = (image, number, dpi) -> {
        ocrPages.add(number);
        Word w = new Word("2015", new BBox(72, 72, 100, 84), 91);
        return new Page(number, image.getWidth() * 72.0 / dpi, image.getHeight() * 72.0 / dpi, PageOrigin.OCR,
                List.of(new TextLine(1, List.of(w))), List.of());
    };

    @Test
    void anInvisibleEarlierOcrLayerIsReadAgainFromTheImage() throws IOException {
        Path pdf = write(doc -> scanWithText(doc, RenderingMode.NEITHER));

        List<Page> pages = read(pdf);

        assertThat(ocrPages).containsExactly(1);
        assertThat(pages.get(0).origin()).isEqualTo(PageOrigin.OCR);
        assertThat(words(pages.get(0))).containsExactly("2015").doesNotContain("ZOq5");
    }

    @Test
    void aStrayVisibleGlyphDoesNotSaveAnInvisibleLayer() throws IOException {
        Path pdf = write(doc -> {
            PDPage page = scanWithText(doc, RenderingMode.NEITHER);
            try (PDPageContentStream cs = new PDPageContentStream(doc, page, PDPageContentStream.AppendMode.APPEND, false)) {
                text(cs, RenderingMode.FILL, 300, 30, "1");
            }
        });

        read(pdf);

        assertThat(ocrPages).containsExactly(1);
    }

    @Test
    void visibleTextWithASmallImageStaysATextPage() throws IOException {
        Path pdf = write(doc -> {
            PDPage page = new PDPage(A4);
            doc.addPage(page);
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                cs.drawImage(LosslessFactory.createFromImage(doc, image(200, 80)), 50, 760, 100, 40);
                text(cs, RenderingMode.FILL, 72, 700, "2015 income 2,000.00");
            }
        });

        List<Page> pages = read(pdf);

        assertThat(ocrPages).isEmpty();
        assertThat(pages.get(0).origin()).isEqualTo(PageOrigin.TEXT_LAYER);
        assertThat(String.join(" ", words(pages.get(0)))).contains("2015");
    }

    @Test
    void visibleTextOverAFullPageImageStaysATextPage() throws IOException {
        Path pdf = write(doc -> scanWithText(doc, RenderingMode.FILL));

        List<Page> pages = read(pdf);

        assertThat(ocrPages).isEmpty();
        assertThat(pages.get(0).origin()).isEqualTo(PageOrigin.TEXT_LAYER);
    }

    @Test
    void invisibleTextOverASmallImageStaysATextPage() throws IOException {
        Path pdf = write(doc -> {
            PDPage page = new PDPage(A4);
            doc.addPage(page);
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                cs.drawImage(LosslessFactory.createFromImage(doc, image(200, 80)), 50, 760, 100, 40);
                text(cs, RenderingMode.NEITHER, 72, 700, "hidden keywords");
            }
        });

        read(pdf);

        assertThat(ocrPages).isEmpty();
    }

    @Test
    void onlyTheScannedPageOfAMixedDocumentIsReadAgain() throws IOException {
        Path pdf = write(doc -> {
            PDPage digital = new PDPage(A4);
            doc.addPage(digital);
            try (PDPageContentStream cs = new PDPageContentStream(doc, digital)) {
                text(cs, RenderingMode.FILL, 72, 700, "born digital 2015");
            }
            scanWithText(doc, RenderingMode.NEITHER);
        });

        List<Page> pages = read(pdf);

        assertThat(ocrPages).containsExactly(2);
        assertThat(pages).extracting(Page::origin).containsExactly(PageOrigin.TEXT_LAYER, PageOrigin.OCR);
    }

    /** A page-filling "scan" with a text layer over it in the given mode, as OCR tools write them. */
    private static PDPage scanWithText(PDDocument doc, RenderingMode mode) throws IOException {
        PDPage page = new PDPage(A4);
        doc.addPage(page);
        try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
            cs.drawImage(LosslessFactory.createFromImage(doc, image(620, 877)), 0, 0, A4.getWidth(), A4.getHeight());
            text(cs, mode, 72, 700, "ZOq5 income 2, 000");
            text(cs, mode, 72, 680, "20I5 expenditure 1, 5OO");
        }
        return page;
    }

    private static void text(PDPageContentStream cs, RenderingMode mode, float x, float y, String s) throws IOException {
        cs.beginText();
        cs.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
        cs.setRenderingMode(mode);
        cs.newLineAtOffset(x, y);
        cs.showText(s);
        cs.endText();
    }

    private static BufferedImage image(int w, int h) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        var g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, w, h);
        g.setColor(Color.BLACK);
        g.drawString("2015", 20, 40);
        g.dispose();
        return img;
    }

    private interface Content {
        void draw(PDDocument doc) throws IOException;
    }

    private Path write(Content content) throws IOException {
        Path pdf = dir.resolve("test.pdf");
        try (PDDocument doc = new PDDocument()) {
            content.draw(doc);
            doc.save(pdf.toFile());
        }
        return pdf;
    }

    private List<Page> read(Path pdf) throws IOException {
        List<Page> pages = new ArrayList<>();
        new PdfPageSource(stub).pages(pdf, pages::add);
        return pages;
    }

    private static List<String> words(Page page) {
        return page.lines().stream().flatMap(l -> l.words().stream()).map(Word::text).toList();
    }
}
