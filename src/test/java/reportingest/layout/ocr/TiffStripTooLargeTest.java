package reportingest.layout.ocr;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reportingest.detect.DetectedFile;
import reportingest.detect.DocumentKind;
import reportingest.detect.IngestFailure;
import reportingest.layout.Page;
import reportingest.layout.PageOrigin;
import reportingest.support.Bombs;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The JDK's TIFF reader decodes a strip whole before it sub-samples it, whatever the page budget: a TIFF
 * whose one strip claims a 60000 × 40000 px page (2.4 GB, more than half this JVM's heap) fails with
 * PAGE_TOO_LARGE before anything is decoded, saying so, instead of running the heap out.
 */
class TiffStripTooLargeTest {
    @TempDir
    Path dir;

    @Test
    void aTiffWhoseOneStripIsLargerThanHalfTheHeapFailsBeforeItIsDecoded() throws Exception {
        Path tiff = Bombs.tiffWithOneHugeStrip(dir.resolve("one strip.tif"), 60_000, 40_000);
        DetectedFile file = new DetectedFile(tiff, "one strip.tif", DocumentKind.TIFF, null);
        ImagePageSource source = new ImagePageSource((image, n, dpi) -> new Page(n, 1, 1, PageOrigin.OCR, List.of(), List.of()));

        assertThatThrownBy(() -> source.pages(file, page -> {}))
                .isInstanceOfSatisfying(IngestFailure.class, f -> {
                    assertThat(f.code()).isEqualTo("PAGE_TOO_LARGE");
                    assertThat(f.reason()).contains("Page 1 (60000×40000 px) of 'one strip.tif'", "comes in one piece of 2288 MB")
                            .doesNotContain("heap ran out");
                    assertThat(f.getCause()).isNull();
                });
    }
}
