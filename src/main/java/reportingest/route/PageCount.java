package reportingest.route;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.pdmodel.PDDocument;
import reportingest.detect.DetectedFile;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Iterator;

/**
 * How many pages a file has, known before any is read (issue #20 item 7: a 30-page scan must not sit at
 * PROCESSING with pages null for minutes). Cheap: the PDF's page tree, the TIFF's frame count, the text's form
 * feeds. Null when it cannot tell; the count after reading is what is stored in the end.
 */
final class PageCount {
    private PageCount() {}

    static Integer of(DetectedFile file) {
        try {
            return switch (file.kind()) {
                case PDF -> {
                    try (PDDocument doc = Loader.loadPDF(file.path().toFile(), IOUtils.createTempFileOnlyStreamCache())) {
                        yield doc.getNumberOfPages();
                    }
                }
                case TIFF -> frames(file);
                case PNG, JPEG -> 1;
                case TEXT -> {
                    String text = Files.readString(file.path(), file.charset());
                    yield (int) text.chars().filter(ch -> ch == '\f').count() + 1;
                }
            };
        } catch (IOException | RuntimeException e) {
            return null; // the reader says what is wrong with the file; progress only goes without a total
        }
    }

    private static Integer frames(DetectedFile file) throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(file.path().toFile())) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) return null;
            ImageReader r = readers.next();
            try {
                r.setInput(in);
                return r.getNumImages(true);
            } finally {
                r.dispose();
            }
        }
    }
}
