package reportingest.layout;

import reportingest.detect.DetectedFile;

import java.util.List;
import java.util.Optional;

/** The registry of page sources: the first that accepts a file reads it. */
public final class PageSources {
    private final List<PageSource> sources;

    public PageSources(List<PageSource> sources) {
        this.sources = List.copyOf(sources);
    }

    public Optional<PageSource> sourceFor(DetectedFile file) {
        return sources.stream().filter(s -> s.accepts(file)).findFirst();
    }
}
