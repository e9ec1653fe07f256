package reportingest.layout.ocr;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reportingest.detect.DetectedFile;
import reportingest.detect.DocumentKind;
import reportingest.layout.ImageOcr;
import reportingest.layout.OrderedPages;
import reportingest.layout.Page;
import reportingest.layout.PageSource;
import reportingest.layout.PageWorkers;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import java.io.IOException;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Pages from image scans: TIFF (one page per frame), PNG and JPEG. Frames are decoded one at a time on
 * the caller's thread and OCR'd on the {@link PageWorkers}; only the workers' window of frames is ever
 * decoded at once, so a 200-page TIFF never sits in memory. Pages are handed on in frame order.
 * Resolution comes from each frame's metadata, else {@link #DEFAULT_DPI}.
 */
public final class ImagePageSource implements PageSource {
    public static final int DEFAULT_DPI = 300;
    private static final Logger log = LoggerFactory.getLogger(ImagePageSource.class);
    private static final Set<DocumentKind> KINDS = EnumSet.of(DocumentKind.TIFF, DocumentKind.PNG, DocumentKind.JPEG);

    private final ImageOcr ocr;
    private final int defaultDpi;
    private final PageWorkers workers;
    private final PixelBudget budget;

    /** Pages read one after another on the caller's thread. */
    public ImagePageSource(ImageOcr ocr) {
        this(ocr, DEFAULT_DPI, PageWorkers.sequential());
    }

    public ImagePageSource(ImageOcr ocr, PageWorkers workers) {
        this(ocr, DEFAULT_DPI, workers);
    }

    /** @param defaultDpi resolution assumed for images whose metadata states none (or a meaningless one) */
    public ImagePageSource(ImageOcr ocr, int defaultDpi, PageWorkers workers) {
        this(ocr, defaultDpi, workers, PixelBudget.DEFAULT);
    }

    public ImagePageSource(ImageOcr ocr, int defaultDpi, PageWorkers workers, PixelBudget budget) {
        this.ocr = ocr;
        this.defaultDpi = defaultDpi;
        this.workers = workers;
        this.budget = budget;
    }

    @Override
    public boolean accepts(DetectedFile file) {
        return KINDS.contains(file.kind());
    }

    @Override
    public int pages(DetectedFile file, Consumer<Page> sink) throws IOException {
        String[] current = {"?"};
        try {
            return read(file, sink, current);
        } catch (OutOfMemoryError e) {
            // the frames are unreachable once we are here: the service goes on with the next file
            throw budget.tooLarge(file.fileName(), current[0], e);
        }
    }

    private int read(DetectedFile file, Consumer<Page> sink, String[] current) throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(file.path().toFile())) {
            if (in == null) throw new IOException("cannot open " + file.fileName());
            ImageReader reader = readerFor(in, file);
            try (OrderedPages pages = workers.start(sink)) {
                // Forward-only: the reader may drop frames already read instead of caching them.
                reader.setInput(in, true, false);
                int index = 0;
                while (true) {
                    pages.awaitRoom();
                    IIOImage frame;
                    int step;
                    int dpi;
                    try {
                        // size and resolution before decoding, so that a frame above the budget is never decoded whole
                        int w = reader.getWidth(index), h = reader.getHeight(index);
                        current[0] = (index + 1) + " (" + w + "×" + h + " px)";
                        if (file.kind() == DocumentKind.TIFF) checkPieceSize(reader, index, file.fileName(), current[0]);
                        dpi = ScanResolution.dpiOr(reader.getImageMetadata(index), w, h, defaultDpi);
                        step = budget.subsampling(w, h);
                        ImageReadParam param = reader.getDefaultReadParam();
                        if (step > 1) param.setSourceSubsampling(step, step, 0, 0);
                        frame = reader.readAll(index, param);
                    } catch (IndexOutOfBoundsException end) {
                        break;
                    }
                    var image = (java.awt.image.BufferedImage) frame.getRenderedImage();
                    if (step > 1) {
                        log.info("'{}' frame {}: above the page budget of {} Mpx; read at 1/{} ({} dpi)",
                                file.fileName(), index + 1, budget.megapixels(), step, Math.round((float) dpi / step));
                        dpi = Math.max(1, Math.round((float) dpi / step));
                    }
                    int frameDpi = dpi;
                    int number = ++index;
                    log.debug("'{}' frame {}: {}x{} px at {} dpi", file.fileName(), number, image.getWidth(), image.getHeight(), frameDpi);
                    pages.submit(() -> ocr.read(image, number, frameDpi));
                }
                if (index == 0) throw new IOException(file.fileName() + " contains no image");
                return pages.finish();
            } finally {
                reader.dispose();
            }
        }
    }

    /**
     * The TIFF reader decodes a strip or tile whole before it sub-samples it: a TIFF whose single strip is a
     * gigapixel page asks for a gigabyte however small the page budget. A piece above half the heap is refused
     * before it is decoded (PAGE_TOO_LARGE), instead of the heap running out. (The PNG and JPEG readers
     * sub-sample row by row, so their size alone is governed by the budget.)
     */
    private void checkPieceSize(ImageReader reader, int index, String fileName, String page) throws IOException {
        long limit = Runtime.getRuntime().maxMemory() / 2;
        long tileW = reader.getTileWidth(index), tileH = reader.getTileHeight(index);
        var type = reader.getRawImageType(index);
        long bits = type == null ? 32 : Math.max(1, type.getColorModel().getPixelSize());
        long bytes = (tileW * bits + 7) / 8 * tileH;
        if (bytes > limit) throw budget.tooLargeToDecode(fileName, page, bytes, limit);
    }

    private static ImageReader readerFor(ImageInputStream in, DetectedFile file) throws IOException {
        Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
        if (!readers.hasNext()) {
            throw new IOException("no image reader understands " + file.fileName() + " (detected as " + file.kind() + ")");
        }
        return readers.next();
    }
}
