package reportingest.api;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Scanned pages with wrong figures: the fixture scan of 支出决算表 (A4 landscape at 300 dpi) with printed figures painted
 * over by others one OCR slip away (1/7, 3/8, 5/6, 0/6/8/9). OCR reads the new figure; the identities it breaks (the
 * row's sum, 款 = Σ项 or 类 = Σ款 and the table total) pin the cell, so the validator proposes the printed figure
 * (REPAIR_PROPOSED). What a reviewer meets in a real scan.
 */
final class AlteredScan {
    static final Path FIXTURE = Path.of("fixtures/scans/001_a8898a713e576bc4-t03.page.png");

    /** A figure painted over: the cell's box in points (as the service reads the unaltered page), what it printed, what it says now. */
    record Alteration(String row, String column, double[] box, String printed, String wrong) {}

    /** Row 208's 基本支出 51.43 as 57.43. */
    static final Alteration ONE = new Alteration("208", "基本支出", new double[]{412.92, 166.32, 75.6, 18.12}, "51.43", "57.43");
    static final double[] BOX = ONE.box();
    static final String PRINTED = ONE.wrong();
    static final String PROPOSED = ONE.printed();

    private static final double BASIC = 412.92, PROJECT = 488.52;

    /**
     * Six figures of one page that no failing identity links (the proposer groups failing identities by the cells they
     * share, and a group with more than one wrong figure gets no proposal): one 项 per 款 (a row's sum spans all its
     * columns, 款 = Σ项 all its 项 of a column, 类 = Σ款 all its 款), and 类 210's 项目支出, whose identities (its row,
     * 类 = Σ款 and the total of 项目支出) touch none of theirs. Each is pinned by two or three identities.
     */
    static final List<Alteration> SIX = List.of(
            new Alteration("2080505", "基本支出", box(BASIC, 202.44, 18.0), "50.90", "56.90"),
            new Alteration("2089999", "基本支出", box(BASIC, 238.44, 18.0), "0.53", "0.58"),
            new Alteration("210", "项目支出", box(PROJECT, 256.44, 18.0), "607.59", "601.59"),
            new Alteration("2101101", "基本支出", box(BASIC, 292.44, 18.0), "27.68", "21.68"),
            new Alteration("2101399", "基本支出", box(BASIC, 346.44, 18.0), "77.00", "77.60"),
            new Alteration("2101501", "基本支出", box(BASIC, 382.44, 18.0), "485.95", "485.65"));

    /** Five of {@link #SIX}, all but the {@code left}th: four such pages are 20 wrong figures in four different files. */
    static List<Alteration> fiveOfSix(int left) {
        List<Alteration> five = new java.util.ArrayList<>(SIX);
        five.remove(left);
        return five;
    }

    private static double[] box(double x, double y, double h) {
        return new double[]{x, y, x == BASIC ? 75.6 : 75.84, h};
    }

    private AlteredScan() {}

    static byte[] png() throws IOException {
        return png(List.of(ONE));
    }

    static byte[] png(List<Alteration> alterations) throws IOException {
        BufferedImage src = ImageIO.read(FIXTURE.toFile());
        BufferedImage img = new BufferedImage(src.getWidth(), src.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = img.createGraphics();
        g.drawImage(src, 0, 0, null);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setFont(new Font("DejaVu Sans", Font.PLAIN, 42));
        FontMetrics fm = g.getFontMetrics();
        double k = 300 / 72.0;
        for (Alteration a : alterations) {
            double[] b = a.box();
            int x0 = (int) Math.round(b[0] * k) + 5, y0 = (int) Math.round(b[1] * k) + 10;
            int x1 = (int) Math.round((b[0] + b[2]) * k) - 5, y1 = (int) Math.round((b[1] + b[3]) * k) - 10;
            g.setColor(Color.WHITE);
            g.fillRect(x0, y0, x1 - x0, y1 - y0);
            g.setColor(Color.BLACK);
            g.drawString(a.wrong(), x1 - 20 - fm.stringWidth(a.wrong()), (y0 + y1) / 2 + fm.getAscent() / 2 - 4);
        }
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "png", out);
        return out.toByteArray();
    }
}
