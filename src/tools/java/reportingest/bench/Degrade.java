package reportingest.bench;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.ConvolveOp;
import java.awt.image.Kernel;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Random;

/**
 * A worn scan of a clean page: turned by about a degree, slightly out of focus, sensor noise, and
 * saved as a middling JPEG. Deterministic (fixed seed), so every run measures the same pixels.
 */
public final class Degrade {
    static final double SKEW_DEGREES = 1.0;
    static final double NOISE_SIGMA = 12;
    static final float JPEG_QUALITY = 0.6f;

    private Degrade() {}

    static BufferedImage scan(BufferedImage clean, long seed) throws IOException {
        return jpegRoundTrip(noise(blur(turn(clean, SKEW_DEGREES)), NOISE_SIGMA, seed), JPEG_QUALITY);
    }

    private static BufferedImage turn(BufferedImage src, double degrees) {
        BufferedImage out = new BufferedImage(src.getWidth(), src.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = out.createGraphics();
        g.setColor(Color.WHITE); // paper, not black corners
        g.fillRect(0, 0, out.getWidth(), out.getHeight());
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.rotate(Math.toRadians(degrees), src.getWidth() / 2.0, src.getHeight() / 2.0);
        g.drawImage(src, 0, 0, null);
        g.dispose();
        return out;
    }

    private static BufferedImage blur(BufferedImage src) {
        float[] k = {1 / 16f, 2 / 16f, 1 / 16f, 2 / 16f, 4 / 16f, 2 / 16f, 1 / 16f, 2 / 16f, 1 / 16f};
        BufferedImage out = new BufferedImage(src.getWidth(), src.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        return new ConvolveOp(new Kernel(3, 3, k), ConvolveOp.EDGE_NO_OP, null).filter(src, out);
    }

    /** Adds Gaussian noise in place (fixed seed: the same "scan" on every run); also used by test scans. */
    public static BufferedImage noise(BufferedImage img, double sigma, long seed) {
        Random random = new Random(seed);
        var raster = img.getRaster();
        int[] row = new int[img.getWidth()];
        for (int y = 0; y < img.getHeight(); y++) {
            raster.getSamples(0, y, row.length, 1, 0, row);
            for (int x = 0; x < row.length; x++) {
                row[x] = Math.max(0, Math.min(255, (int) Math.round(row[x] + random.nextGaussian() * sigma)));
            }
            raster.setSamples(0, y, row.length, 1, 0, row);
        }
        return img;
    }

    private static BufferedImage jpegRoundTrip(BufferedImage img, float quality) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam p = writer.getDefaultWriteParam();
            p.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            p.setCompressionQuality(quality);
            writer.write(null, new IIOImage(img, null, null), p);
        } finally {
            writer.dispose();
        }
        return ImageIO.read(new ByteArrayInputStream(bytes.toByteArray()));
    }
}
