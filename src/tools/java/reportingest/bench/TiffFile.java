package reportingest.bench;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataFormatImpl;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;

/** Multi-page TIFF as scanners write it: one LZW-compressed grey frame per page, resolution stated. */
final class TiffFile {
    private TiffFile() {}

    static void write(Path file, List<BufferedImage> frames, int dpi) throws IOException {
        ImageWriter writer = jdkWriter();
        Files.deleteIfExists(file);
        try (ImageOutputStream out = ImageIO.createImageOutputStream(file.toFile())) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionType("LZW");
            writer.prepareWriteSequence(null);
            for (BufferedImage f : frames) {
                IIOMetadata meta = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(f), param);
                meta.mergeTree(IIOMetadataFormatImpl.standardMetadataFormatName, resolution(dpi));
                writer.writeToSequence(new IIOImage(f, null, meta), param);
            }
            writer.endWriteSequence();
        } finally {
            writer.dispose();
        }
    }

    /** The JDK's own writer, so the file does not depend on which ImageIO plugins are on the classpath. */
    private static ImageWriter jdkWriter() {
        ImageWriter first = null;
        for (Iterator<ImageWriter> it = ImageIO.getImageWritersByFormatName("tiff"); it.hasNext(); ) {
            ImageWriter w = it.next();
            if (w.getClass().getName().startsWith("com.sun.imageio")) return w;
            if (first == null) first = w;
        }
        if (first == null) throw new IllegalStateException("no TIFF writer");
        return first;
    }

    private static IIOMetadataNode resolution(int dpi) {
        String mmPerPixel = Double.toString(25.4 / dpi);
        IIOMetadataNode dimension = new IIOMetadataNode("Dimension");
        for (String axis : List.of("HorizontalPixelSize", "VerticalPixelSize")) {
            IIOMetadataNode n = new IIOMetadataNode(axis);
            n.setAttribute("value", mmPerPixel);
            dimension.appendChild(n);
        }
        IIOMetadataNode root = new IIOMetadataNode(IIOMetadataFormatImpl.standardMetadataFormatName);
        root.appendChild(dimension);
        return root;
    }
}
