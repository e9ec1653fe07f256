package reportingest.detect;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import reportingest.support.Bombs;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Compressed data that expands far beyond what it is for is refused at detection (EXPANDS_TOO_LARGE), before
 * PDFBox or ImageIO decode it into the heap, and genuine compressed data of the same kinds is not. The
 * general limit is 8 MB here and each bomb expands to 32 MB (the service's default limit is 128 MB;
 * {@code DecompressionBombsThroughServiceTest} drops gigabyte bombs on the running service).
 */
class CompressedDataTest {
    private static final long LIMIT = 8L << 20;
    private static final long BOMB = 32L << 20;

    @TempDir
    Path dir;

    private final TypeDetector detector = new TypeDetector(Long.MAX_VALUE, LIMIT);

    @Test
    void anImageWhoseDataExpandsFarBeyondItsPixelsIsRefusedWhateverTheGeneralLimit() throws Exception {
        Path pdf = Bombs.pdfWithImageBomb(dir.resolve("image.pdf"), BOMB);
        assertRefused(new TypeDetector(), pdf, "a compressed image (object 5)");
    }

    @Test
    void anObjectStreamHoldingTheCatalogIsRefusedBeforePdfboxOpensTheFile() throws Exception {
        assertRefused(detector, Bombs.pdfWithObjectStreamBomb(dir.resolve("objstm.pdf"), BOMB), "an object stream");
    }

    @Test
    void aCrossReferenceStreamIsRefusedBeforePdfboxOpensTheFile() throws Exception {
        assertRefused(detector, Bombs.pdfWithXrefStreamBomb(dir.resolve("xref.pdf"), BOMB), "a cross-reference stream");
    }

    @Test
    void aContentStreamAboveTheLimitIsRefused() throws Exception {
        assertRefused(detector, Bombs.pdfWithContentBomb(dir.resolve("content.pdf"), BOMB), "a compressed part (object 4)");
    }

    @Test
    void aStreamCompressedTwiceIsMeasuredThroughBothFilters() throws Exception {
        assertRefused(detector, Bombs.pdfWithTwiceCompressedBomb(dir.resolve("twice.pdf"), BOMB), "a compressed part (object 4)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"zTXt", "iTXt", "iCCP"})
    void aPngChunkThatInflatesPast16MbIsRefused(String chunk) throws Exception {
        Path png = Bombs.pngWithChunkBomb(dir.resolve(chunk + ".png"), chunk, 32L << 20);
        assertRefused(detector, png, "(its " + chunk + " chunk)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"zTXt", "iTXt", "iCCP"})
    void aPngWithASmallCompressedChunkIsRead(String chunk) throws Exception {
        Path png = Bombs.pngWithSmallChunk(dir.resolve(chunk + ".png"), chunk);
        assertThat(detector.detect(png, chunk + ".png").kind()).isEqualTo(DocumentKind.PNG);
    }

    @Test
    void aGenuineImageLargerThanTheGeneralLimitIsRead() throws Exception {
        // 4000 x 6000 grey: 24 MB of pixels, three times the general limit, exactly what the image needs
        Path pdf = Bombs.pdfWithLargeGenuineImage(dir.resolve("scan.pdf"), 4000, 6000);
        assertThat(detector.detect(pdf, "scan.pdf").kind()).isEqualTo(DocumentKind.PDF);
    }

    @Test
    void anAttachmentIsNeverDecodedSoItsSizeDoesNotMatter() throws Exception {
        Path pdf = Bombs.pdfWithLargeAttachment(dir.resolve("attached.pdf"), BOMB);
        assertThat(detector.detect(pdf, "attached.pdf").kind()).isEqualTo(DocumentKind.PDF);
    }

    private static void assertRefused(TypeDetector detector, Path file, String what) {
        String name = file.getFileName().toString();
        assertThatThrownBy(() -> detector.detect(file, name))
                .isInstanceOfSatisfying(IngestFailure.class, f -> {
                    assertThat(f.code()).isEqualTo("EXPANDS_TOO_LARGE");
                    assertThat(f.reason()).startsWith("'" + name + "' holds ").contains(what, "far more than its pages need");
                    assertThat(f.action()).contains("ingest.max-stream-mb");
                });
    }
}
