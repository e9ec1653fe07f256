package reportingest.layout;

import reportingest.detect.DetectedFile;

import java.io.IOException;
import java.util.function.Consumer;

/**
 * Turns one kind of input into pages. Implementations are registered in {@link PageSources};
 * adding a kind of input is adding a class.
 */
public interface PageSource {
    /** True when this source reads files of the detected kind. */
    boolean accepts(DetectedFile file);

    /**
     * Hands the file's pages to {@code sink} one at a time, in order, so that long scans need not
     * be held in memory at once. Returns the number of pages.
     */
    int pages(DetectedFile file, Consumer<Page> sink) throws IOException;
}
