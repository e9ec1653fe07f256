package reportingest.layout.ocr;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reportingest.detect.DetectedFile;
import reportingest.detect.DocumentKind;
import reportingest.detect.TypeDetector;
import reportingest.layout.Page;
import reportingest.layout.PageOrigin;
import reportingest.support.LogTap;
import reportingest.support.XxeCanary;
import reportingest.support.XxeInputs;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.stream.ImageInputStream;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Scans carry XMP too: TIFF in tag 700, PNG in an iTXt chunk, JPEG in an APP1 segment. With an XMP packet
 * that declares external entities, each image is detected, its frame read at its stated 300 dpi and handed
 * to OCR, and every metadata tree ImageIO offers for it can be walked, without the packet ever being
 * parsed with entities: the canary file is never read, the loopback trap never called, and neither token
 * is in a page, the metadata or the log.
 */
class ImageXmpXxeTest {
    @TempDir
    Path dir;

    @Test
    void tiffPngAndJpegWithXmpDeclaringExternalEntitiesAreReadWithoutResolvingThem() throws Exception {
        try (XxeCanary canary = XxeCanary.plant(dir.resolve("canary")); LogTap log = new LogTap()) {
            XxeInputs inputs = new XxeInputs(canary, dir.resolve("in"));
            Map<Path, DocumentKind> images = new LinkedHashMap<>();
            images.put(inputs.tiffWithXmp("xmp.tif"), DocumentKind.TIFF);
            images.put(inputs.pngWithXmp("xmp.png"), DocumentKind.PNG);
            images.put(inputs.jpegWithXmp("xmp.jpg"), DocumentKind.JPEG);

            List<String> metadataText = new ArrayList<>();
            for (var image : images.entrySet()) {
                Path path = image.getKey();
                DetectedFile detected = new TypeDetector().detect(path, path.getFileName().toString());
                List<Integer> dpis = new ArrayList<>();
                List<Page> pages = new ArrayList<>();
                new ImagePageSource((BufferedImage img, int n, int dpi) -> {
                    dpis.add(dpi);
                    return new Page(n, img.getWidth() * 72.0 / dpi, img.getHeight() * 72.0 / dpi, PageOrigin.OCR, List.of(), List.of());
                }).pages(detected, pages::add);
                metadataText.add(allMetadata(path));

                assertThat(detected.kind()).as(path.toString()).isEqualTo(image.getValue());
                assertThat(pages).as(path.toString()).hasSize(1);
                if (image.getValue() == DocumentKind.TIFF) assertThat(dpis).containsExactly(300);
            }

            assertThat(metadataText.get(0)).as("the TIFF's XMP tag is there, as bytes").contains("700");
            assertThat(canary.canaryReads()).as("reads of the canary file").isEmpty();
            assertThat(canary.requests()).as("requests to the loopback trap").isEmpty();
            for (String token : canary.tokens()) {
                assertThat(metadataText).noneMatch(t -> t.contains(token));
                assertThat(log.text()).doesNotContain(token);
            }
        }
    }

    /** Every metadata format of every reader ImageIO has for the file, walked to the last attribute. */
    private static String allMetadata(Path file) throws Exception {
        StringBuilder out = new StringBuilder();
        try (ImageInputStream probe = ImageIO.createImageInputStream(file.toFile())) {
            var readers = ImageIO.getImageReaders(probe);
            while (readers.hasNext()) {
                ImageReader reader = readers.next();
                try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
                    reader.setInput(in);
                    IIOMetadata md = reader.getImageMetadata(0);
                    List<String> formats = new ArrayList<>();
                    if (md.getNativeMetadataFormatName() != null) formats.add(md.getNativeMetadataFormatName());
                    if (md.isStandardMetadataFormatSupported()) formats.add("javax_imageio_1.0");
                    for (String format : formats) walk(md.getAsTree(format), out);
                } finally {
                    reader.dispose();
                }
            }
        }
        return out.toString();
    }

    private static void walk(org.w3c.dom.Node node, StringBuilder out) {
        out.append('<').append(node.getNodeName());
        var attrs = node.getAttributes();
        for (int i = 0; attrs != null && i < attrs.getLength(); i++) {
            out.append(' ').append(attrs.item(i).getNodeName()).append('=').append(attrs.item(i).getNodeValue());
        }
        if (node instanceof javax.imageio.metadata.IIOMetadataNode m && m.getUserObject() instanceof byte[] bytes) {
            out.append(new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1));
        }
        out.append('>');
        for (var c = node.getFirstChild(); c != null; c = c.getNextSibling()) walk(c, out);
    }
}
