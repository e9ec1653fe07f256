package reportingest.bench;

import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * A born-digital report for machines without the real Putuo PDFs: ruled 支出决算表 pages drawn with
 * an embedded WenQuanYi Zen Hei (Noto CJK cannot be embedded by PDFBox, STACK-NOTES P1).
 */
final class SyntheticReport {
    static final File FONT = new File("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc");
    private static final String[] HEADER = {"科目编码", "科目名称", "本年支出合计", "基本支出", "项目支出"};
    private static final float[] COLUMNS = {40, 110, 300, 400, 480, 555};
    private static final int ROWS = 30;
    private static final float ROW_HEIGHT = 22;

    private SyntheticReport() {}

    static void write(Path file, int pages) throws IOException {
        try (PDDocument doc = new PDDocument(); TrueTypeCollection ttc = new TrueTypeCollection(FONT)) {
            PDType0Font font = PDType0Font.load(doc, ttc.getFontByName("WenQuanYiZenHei"), true);
            for (int p = 0; p < pages; p++) {
                PDPage page = new PDPage(PDRectangle.A4);
                doc.addPage(page);
                try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                    drawPage(cs, font, p);
                }
            }
            doc.save(file.toFile());
        }
    }

    private static void drawPage(PDPageContentStream cs, PDType0Font font, int p) throws IOException {
        float top = 760;
        text(cs, font, 16, 240, 800, p == 0 ? "支出决算表" : "支出决算表（续表）");
        text(cs, font, 9, 500, 775, "单位：万元");
        for (int r = 0; r <= ROWS + 1; r++) {
            cs.moveTo(COLUMNS[0], top - r * ROW_HEIGHT);
            cs.lineTo(COLUMNS[COLUMNS.length - 1], top - r * ROW_HEIGHT);
        }
        for (float x : COLUMNS) {
            cs.moveTo(x, top);
            cs.lineTo(x, top - (ROWS + 1) * ROW_HEIGHT);
        }
        cs.stroke();
        for (int c = 0; c < HEADER.length; c++) text(cs, font, 9, COLUMNS[c] + 4, top - 15, HEADER[c]);
        for (int r = 0; r < ROWS; r++) {
            float y = top - (r + 2) * ROW_HEIGHT + 7;
            int seq = p * ROWS + r;
            double basic = 100 + seq * 7.31;
            double project = 20 + seq * 1.17;
            text(cs, font, 9, COLUMNS[0] + 4, y, Integer.toString(2010101 + seq));
            text(cs, font, 9, COLUMNS[1] + 4, y, "行政运行支出项目" + (seq + 1));
            text(cs, font, 9, COLUMNS[2] + 4, y, amount(basic + project));
            text(cs, font, 9, COLUMNS[3] + 4, y, amount(basic));
            text(cs, font, 9, COLUMNS[4] + 4, y, amount(project));
        }
    }

    private static String amount(double v) {
        return String.format(Locale.ROOT, "%,.2f", v);
    }

    private static void text(PDPageContentStream cs, PDType0Font font, float size, float x, float y, String s) throws IOException {
        cs.beginText();
        cs.setFont(font, size);
        cs.newLineAtOffset(x, y);
        cs.showText(s);
        cs.endText();
    }
}
