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

/**
 * A scanned page with a wrong figure: the fixture scan of 支出决算表 (A4 landscape at 300 dpi) with row 208's 基本支出
 * 51.43 painted over as 57.43. OCR reads 57.43; the row sum, 类 = Σ款 and the table total then break, and the three
 * together pin the cell, so the validator proposes 51.43 (REPAIR_PROPOSED). What a reviewer meets in a real scan.
 */
final class AlteredScan {
    static final Path FIXTURE = Path.of("fixtures/scans/001_a8898a713e576bc4-t03.page.png");
    /** The cell's box in points, as the service reads the unaltered page. */
    static final double[] BOX = {412.92, 166.32, 75.6, 18.12};
    static final String PRINTED = "57.43";
    static final String PROPOSED = "51.43";

    private AlteredScan() {}

    static byte[] png() throws IOException {
        BufferedImage src = ImageIO.read(FIXTURE.toFile());
        BufferedImage img = new BufferedImage(src.getWidth(), src.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = img.createGraphics();
        g.drawImage(src, 0, 0, null);
        double k = 300 / 72.0;
        int x0 = (int) Math.round(BOX[0] * k) + 5, y0 = (int) Math.round(BOX[1] * k) + 10;
        int x1 = (int) Math.round((BOX[0] + BOX[2]) * k) - 5, y1 = (int) Math.round((BOX[1] + BOX[3]) * k) - 10;
        g.setColor(Color.WHITE);
        g.fillRect(x0, y0, x1 - x0, y1 - y0);
        g.setColor(Color.BLACK);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setFont(new Font("DejaVu Sans", Font.PLAIN, 42));
        FontMetrics fm = g.getFontMetrics();
        g.drawString(PRINTED, x1 - 20 - fm.stringWidth(PRINTED), (y0 + y1) / 2 + fm.getAscent() / 2 - 4);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "png", out);
        return out.toByteArray();
    }
}
