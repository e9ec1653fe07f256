package reportingest.layout.ocr;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOInvalidTreeException;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataFormatImpl;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Writes test scans the way scanners do: several TIFF frames, resolution stated in the metadata. */
public final class ScanFiles {
    private ScanFiles() {}

    public record Frame(BufferedImage image, int dpi) {}

    public static void write(Path file, String format, List<Frame> frames) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName(format).next();
        Files.deleteIfExists(file);
        try (ImageOutputStream out = ImageIO.createImageOutputStream(file.toFile())) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            if (format.equals("tiff") && frames.get(0).image().getType() == BufferedImage.TYPE_BYTE_BINARY) {
                // Archive scans are usually bilevel with fax (Group 4) compression.
                param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                param.setCompressionType("CCITT T.6");
            }
            if (frames.size() > 1) writer.prepareWriteSequence(null);
            for (Frame f : frames) {
                IIOMetadata meta = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(f.image()), param);
                if (f.dpi() > 0) stateDpi(meta, format, f.dpi());
                IIOImage image = new IIOImage(f.image(), null, meta);
                if (frames.size() > 1) writer.writeToSequence(image, param); else writer.write(null, image, param);
            }
            if (frames.size() > 1) writer.endWriteSequence();
        } finally {
            writer.dispose();
        }
    }

    /**
     * The JDK's PNG and JPEG writers mis-convert the format-neutral pixel size (a 200-dpi PNG came out
     * with pHYs 127 px/m), so those two get their native fields set, as scanners write them.
     */
    private static void stateDpi(IIOMetadata meta, String format, int dpi) throws IIOInvalidTreeException {
        switch (format) {
            case "png" -> {
                String ppm = Long.toString(Math.round(dpi / 0.0254));
                IIOMetadataNode phys = new IIOMetadataNode("pHYs");
                phys.setAttribute("pixelsPerUnitXAxis", ppm);
                phys.setAttribute("pixelsPerUnitYAxis", ppm);
                phys.setAttribute("unitSpecifier", "meter");
                IIOMetadataNode root = new IIOMetadataNode("javax_imageio_png_1.0");
                root.appendChild(phys);
                meta.mergeTree("javax_imageio_png_1.0", root);
            }
            case "jpeg" -> {
                String name = "javax_imageio_jpeg_image_1.0";
                var root = (IIOMetadataNode) meta.getAsTree(name);
                var jfif = (IIOMetadataNode) root.getElementsByTagName("app0JFIF").item(0);
                jfif.setAttribute("resUnits", "1");
                jfif.setAttribute("Xdensity", Integer.toString(dpi));
                jfif.setAttribute("Ydensity", Integer.toString(dpi));
                meta.setFromTree(name, root);
            }
            default -> {
                String mmPerPixel = Double.toString(25.4 / dpi);
                IIOMetadataNode h = new IIOMetadataNode("HorizontalPixelSize");
                h.setAttribute("value", mmPerPixel);
                IIOMetadataNode v = new IIOMetadataNode("VerticalPixelSize");
                v.setAttribute("value", mmPerPixel);
                IIOMetadataNode dimension = new IIOMetadataNode("Dimension");
                dimension.appendChild(h);
                dimension.appendChild(v);
                IIOMetadataNode root = new IIOMetadataNode(IIOMetadataFormatImpl.standardMetadataFormatName);
                root.appendChild(dimension);
                meta.mergeTree(IIOMetadataFormatImpl.standardMetadataFormatName, root);
            }
        }
    }
}
