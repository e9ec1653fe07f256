package reportingest.layout.pdf;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.util.Matrix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reportingest.layout.Page;
import reportingest.layout.TextLine;
import reportingest.layout.Word;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Glyph boxes are as tall as the text is printed, whatever transformation the producer draws it under. PDFBox
 * reports a glyph's size without the page's cm: Chromium prints in CSS pixels under a 0.75 scale, so its 9 pt text in
 * a TrueType face reported 12, and the lines of a multi-line table header (set 8 to 9 pt apart) overlapped and merged
 * into one row: an empty fund table (header and 合计 only) was lost, two-sided tables were misread.
 */
class PageScaleTest {
    @TempDir
    Path dir;

    @Test
    void textDrawnUnderAScaledTransformationIsAsTallAsPrinted() throws IOException {
        Path pdf = dir.resolve("scaled.pdf");
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                cs.transform(Matrix.getScaleInstance(0.5f, 0.5f));
                cs.beginText();
                cs.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 20);
                cs.newLineAtOffset(200, 1200);
                cs.showText("1234.56");
                cs.endText();
            }
            doc.save(pdf.toFile());
        }
        Word w = words(pdf).get(0).get(0);
        assertThat(w.text()).isEqualTo("1234.56");
        // printed at 10 pt (20 under a 0.5 scale), not the reported 20
        assertThat(w.bbox().height()).isBetween(9.5, 10.5);
    }

    @Test
    void chromiumsTrueTypeTextIsAsTallAsItsTypeSize() throws IOException {
        Path pdf;
        try (var files = Files.list(Path.of("fixtures", "producers"))) {
            pdf = files.filter(p -> p.getFileName().toString().startsWith("prd13_")).findFirst().orElseThrow();
        }
        List<List<Word>> pages = words(pdf);
        for (List<Word> ws : pages) {
            if (ws.stream().noneMatch(w -> w.text().equals("公开08表"))) continue;
            // the table's 9 pt text: its form number, header and 合计 (the title is larger)
            for (Word w : ws) {
                if (w.text().equals("公开08表") || w.text().equals("合计")) assertThat(w.bbox().height()).isBetween(8.5, 9.5);
            }
            return;
        }
        throw new AssertionError("no page prints 公开08表");
    }

    private static List<List<Word>> words(Path pdf) throws IOException {
        List<Page> pages = new ArrayList<>();
        new PdfPageSource(null).pages(pdf, pages::add);
        List<List<Word>> out = new ArrayList<>();
        for (Page p : pages) {
            List<Word> ws = new ArrayList<>();
            for (TextLine l : p.lines()) ws.addAll(l.words());
            out.add(ws);
        }
        return out;
    }
}
