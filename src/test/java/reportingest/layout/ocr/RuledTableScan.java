package reportingest.layout.ocr;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * A synthetic 300-dpi scan of a ruled 支出决算表 drawn with WenQuanYi Zen Hei, optionally turned and
 * noisy, together with where every cell is, so tests can check that each recognised value sits in its cell.
 */
final class RuledTableScan {
    static final int DPI = 300;
    static final File FONT_FILE = new File("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc");

    static final List<String> HEADER = List.of("科目编码", "科目名称", "本年支出合计", "基本支出", "项目支出");
    static final List<List<String>> ROWS = List.of(
            List.of("201", "一般公共服务支出", "12,345.67", "10,000.00", "2,345.67"),
            List.of("20101", "人大事务", "1,234.56", "1,034.56", "200.00"),
            List.of("208", "社会保障和就业支出", "8,765.43", "8,000.00", "765.43"),
            List.of("2080505", "机关事业单位基本养老保险缴费支出", "456.78", "456.78", "0.00"),
            List.of("210", "卫生健康支出", "3,210.98", "3,000.00", "210.98"),
            List.of("", "合计", "25,013.64", "22,491.34", "3,522.30"));

    /** Column edges in pixels: code, name, three amounts. */
    static final int[] COLUMN_X = {120, 420, 1260, 1660, 2030, 2400};
    static final int TABLE_TOP = 420;
    static final int ROW_HEIGHT = 96;
    static final int WIDTH = 2480;
    static final int HEIGHT = 3507;

    private RuledTableScan() {}

    static Font font(float px) {
        try {
            return Font.createFont(Font.TRUETYPE_FONT, FONT_FILE).deriveFont(px);
        } catch (Exception e) {
            throw new IllegalStateException("fonts-wqy-zenhei is needed to render test scans", e);
        }
    }

    /** Horizontal rulings: one above the header, one below every row. */
    static int horizontalRulings() { return ROWS.size() + 2; }
    static int verticalRulings() { return COLUMN_X.length; }

    /** Row 0 is the header; rows 1.. the data rows. Band in points in the unturned page frame. */
    static double rowTopPt(int row) { return (TABLE_TOP + row * ROW_HEIGHT) * 72.0 / DPI; }
    static double rowBottomPt(int row) { return (TABLE_TOP + (row + 1) * ROW_HEIGHT) * 72.0 / DPI; }
    static double colLeftPt(int col) { return COLUMN_X[col] * 72.0 / DPI; }
    static double colRightPt(int col) { return COLUMN_X[col + 1] * 72.0 / DPI; }

    /**
     * @param clockwiseDegrees how far the "scanner" turned the page
     * @param noiseSigma       gray-level standard deviation of Gaussian noise (0 for none)
     */
    static BufferedImage render(double clockwiseDegrees, double noiseSigma) {
        BufferedImage img = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, WIDTH, HEIGHT);
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setTransform(AffineTransform.getRotateInstance(Math.toRadians(clockwiseDegrees), WIDTH / 2.0, HEIGHT / 2.0));
        g.setColor(Color.BLACK);

        g.setFont(font(72f));
        drawCentered(g, "支出决算表", 0, WIDTH, 250);
        g.setFont(font(40f));
        g.drawString("单位：万元", 2150, 390);

        int rows = ROWS.size() + 1;
        g.setStroke(new BasicStroke(3f));
        for (int r = 0; r <= rows; r++) {
            int y = TABLE_TOP + r * ROW_HEIGHT;
            g.drawLine(COLUMN_X[0], y, COLUMN_X[COLUMN_X.length - 1], y);
        }
        for (int x : COLUMN_X) g.drawLine(x, TABLE_TOP, x, TABLE_TOP + rows * ROW_HEIGHT);

        for (int r = 0; r < rows; r++) {
            List<String> cells = r == 0 ? HEADER : ROWS.get(r - 1);
            int baseline = TABLE_TOP + r * ROW_HEIGHT + 62;
            for (int c = 0; c < cells.size(); c++) {
                String text = cells.get(c);
                if (r == 0) drawCentered(g, text, COLUMN_X[c], COLUMN_X[c + 1], baseline);
                else if (c >= 2) drawRight(g, text, COLUMN_X[c + 1] - 20, baseline);
                else g.drawString(text, COLUMN_X[c] + 20, baseline);
            }
        }
        g.dispose();
        if (noiseSigma > 0) reportingest.bench.Degrade.noise(img, noiseSigma, 42);
        return img;
    }

    private static void drawCentered(Graphics2D g, String s, int left, int right, int baseline) {
        FontMetrics fm = g.getFontMetrics();
        g.drawString(s, (left + right - fm.stringWidth(s)) / 2, baseline);
    }

    private static void drawRight(Graphics2D g, String s, int right, int baseline) {
        g.drawString(s, right - g.getFontMetrics().stringWidth(s), baseline);
    }

    /** A small one-line "page" for multi-frame tests. */
    static BufferedImage label(String text, int widthPx, int heightPx) {
        BufferedImage img = new BufferedImage(widthPx, heightPx, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, widthPx, heightPx);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.BLACK);
        g.setFont(font(heightPx / 4f));
        g.drawString(text, widthPx / 10, heightPx * 3 / 5);
        g.dispose();
        return img;
    }

    static void write(BufferedImage img, String format, File file) {
        try {
            javax.imageio.ImageIO.write(img, format, file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
