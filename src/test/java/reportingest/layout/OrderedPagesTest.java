package reportingest.layout;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OrderedPagesTest {
    private static Page page(int n) {
        return new Page(n, 1, 1, PageOrigin.OCR, List.of(), List.of());
    }

    @Test
    void pagesReadInParallelComeOutInOrderWithFewImagesLoadedAtOnce() throws Exception {
        AtomicInteger loaded = new AtomicInteger();
        AtomicInteger mostLoaded = new AtomicInteger();
        List<Integer> out = new ArrayList<>();
        Random random = new Random(7);
        try (PageWorkers workers = PageWorkers.parallel(2); OrderedPages pages = workers.start(p -> out.add(p.number()))) {
            for (int n = 1; n <= 30; n++) {
                pages.awaitRoom();
                mostLoaded.accumulateAndGet(loaded.incrementAndGet(), Math::max); // "render" the image
                int number = n;
                long delay = random.nextInt(15);
                if (n % 7 == 0) {
                    pages.add(page(number)); // a text-layer page between scans
                    loaded.decrementAndGet();
                    continue;
                }
                pages.submit(() -> {
                    sleep(delay);
                    loaded.decrementAndGet(); // the image is dropped once read
                    return page(number);
                });
            }
            assertThat(pages.finish()).isEqualTo(30);
        }
        assertThat(out).containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(1, 30).boxed().toList());
        assertThat(mostLoaded.get()).isLessThanOrEqualTo(3);
    }

    @Test
    void aFailedPageFailsTheDocument() throws Exception {
        try (PageWorkers workers = PageWorkers.parallel(2); OrderedPages pages = workers.start(p -> {})) {
            // the failure may surface from submit (page already done) or from finish: either fails the document
            assertThatThrownBy(() -> {
                pages.submit(() -> page(1));
                pages.submit(() -> {
                    throw new IllegalStateException("engine broke");
                });
                pages.finish();
            }).isInstanceOf(IllegalStateException.class).hasMessage("engine broke");
        }
    }

    @Test
    void sequentialWorkersHandEachPageOnBeforeTheNextIsLoaded() throws IOException {
        List<String> events = new ArrayList<>();
        OrderedPages pages = PageWorkers.sequential().start(p -> events.add("sink " + p.number()));
        for (int n = 1; n <= 2; n++) {
            pages.awaitRoom();
            events.add("load " + n);
            int number = n;
            pages.submit(() -> page(number));
        }
        pages.finish();
        assertThat(events).containsExactly("load 1", "sink 1", "load 2", "sink 2");
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
