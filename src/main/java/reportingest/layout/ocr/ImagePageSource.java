package reportingest.layout.ocr;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reportingest.detect.DetectedFile;
import reportingest.detect.DocumentKind;
import reportingest.layout.ImageOcr;
import reportingest.layout.Page;
import reportingest.layout.PageSource;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import java.io.IOException;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Pages from image scans: TIFF (one page per frame), PNG and JPEG. Frames are read one at a time and
 * each page is handed on as soon as it is read, so a 200-page TIFF never sits in memory at once.
 * Resolution comes from each frame's metadata, else {@link #DEFAULT_DPI}.
 */
public final class ImagePageSource implements PageSource {
    public static final int DEFAULT_DPI = 300;
    private static final Logger log = LoggerFactory.getLogger(ImagePageSource.class);
    private static final Set<DocumentKind> KINDS = EnumSet.of(DocumentKind.TIFF, DocumentKind.PNG, DocumentKind.JPEG);

    private final ImageOcr ocr;
    private final int defaultDpi;

    public ImagePageSource(ImageOcr ocr) {
        this(ocr, DEFAULT_DPI);
    }

    /** @param defaultDpi resolution assumed for images whose metadata states none (or a meaningless one) */
    public ImagePageSource(ImageOcr ocr, int defaultDpi) {
        this.ocr = ocr;
        this.defaultDpi = defaultDpi;
    }

    @Override
    public boolean accepts(DetectedFile file) {
        return KINDS.contains(file.kind());
    }

    @Override
    public int pages(DetectedFile file, Consumer<Page> sink) throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(file.path().toFile())) {
            if (in == null) throw new IOException("cannot open " + file.fileName());
            ImageReader reader = readerFor(in, file);
            try {
                // Forward-only: the reader may drop frames already read instead of caching them.
                reader.setInput(in, true, false);
                int index = 0;
                while (true) {
                    IIOImage frame;
                    try {
                        frame = reader.readAll(index, null);
                    } catch (IndexOutOfBoundsException end) {
                        break;
                    }
                    var image = (java.awt.image.BufferedImage) frame.getRenderedImage();
                    int dpi = ScanResolution.dpiOr(frame.getMetadata(), image.getWidth(), image.getHeight(), defaultDpi);
                    index++;
                    log.debug("'{}' frame {}: {}x{} px at {} dpi", file.fileName(), index, image.getWidth(), image.getHeight(), dpi);
                    sink.accept(ocr.read(image, index, dpi));
                }
                if (index == 0) throw new IOException(file.fileName() + " contains no image");
                return index;
            } finally {
                reader.dispose();
            }
        }
    }

    private static ImageReader readerFor(ImageInputStream in, DetectedFile file) throws IOException {
        Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
        if (!readers.hasNext()) {
            throw new IOException("no image reader understands " + file.fileName() + " (detected as " + file.kind() + ")");
        }
        return readers.next();
    }
}
