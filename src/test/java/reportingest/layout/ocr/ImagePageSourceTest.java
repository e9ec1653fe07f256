package reportingest.layout.ocr;

import org.junit.jupiter.api.Test;
import reportingest.detect.DetectedFile;
import reportingest.detect.DocumentKind;
import reportingest.layout.ImageOcr;
import reportingest.layout.Page;
import reportingest.layout.TextLine;
import reportingest.layout.Word;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class ImagePageSourceTest extends WithOcrEngine {
    @Test
    void multiPageTiffGivesOnePagePerFrameInOrderAtEachFramesResolution() throws IOException {
        Path tiff = dir.resolve("scan.tiff");
        ScanFiles.write(tiff, "tiff", List.of(
                new ScanFiles.Frame(RuledTableScan.label("第一页 合计 111.11", 1240, 240), 300),
                new ScanFiles.Frame(RuledTableScan.label("第二页 合计 222.22", 830, 160), 200)));

        List<Page> pages = new ArrayList<>();
        int count = new ImagePageSource(ocr).pages(file(tiff, DocumentKind.TIFF), pages::add);

        assertThat(count).isEqualTo(2);
        assertThat(pages).extracting(Page::number).containsExactly(1, 2);
        assertThat(words(pages.get(0))).contains("111.11").doesNotContain("222.22");
        assertThat(words(pages.get(1))).contains("222.22").doesNotContain("111.11");
        assertThat(pages.get(0).width()).isCloseTo(1240 * 72.0 / 300, within(0.01));
        assertThat(pages.get(1).width()).isCloseTo(830 * 72.0 / 200, within(0.01));
    }

    @Test
    void bilevelGroup4TiffIsRead() throws IOException {
        BufferedImage gray = RuledTableScan.label("编码 2080505 金额 456.78", 1400, 200);
        BufferedImage bilevel = new BufferedImage(gray.getWidth(), gray.getHeight(), BufferedImage.TYPE_BYTE_BINARY);
        var g = bilevel.createGraphics();
        g.drawImage(gray, 0, 0, null);
        g.dispose();
        Path tiff = dir.resolve("fax.tif");
        ScanFiles.write(tiff, "tiff", List.of(new ScanFiles.Frame(bilevel, 300)));
        List<Page> pages = new ArrayList<>();
        new ImagePageSource(ocr).pages(file(tiff, DocumentKind.TIFF), pages::add);
        assertThat(words(pages.get(0))).contains("2080505", "456.78");
    }

    @Test
    void handsEachFrameOnBeforeReadingTheNext() throws IOException {
        Path tiff = dir.resolve("three.tiff");
        BufferedImage blank = RuledTableScan.label("", 300, 100);
        ScanFiles.write(tiff, "tiff", List.of(new ScanFiles.Frame(blank, 300), new ScanFiles.Frame(blank, 300),
                new ScanFiles.Frame(blank, 300)));
        List<String> events = new ArrayList<>();
        ImageOcr recording = (image, number, dpi) -> {
            events.add("read " + number);
            return new Page(number, 1, 1, reportingest.layout.PageOrigin.OCR, List.of(), List.of());
        };
        new ImagePageSource(recording).pages(file(tiff, DocumentKind.TIFF), p -> events.add("sink " + p.number()));
        assertThat(events).containsExactly("read 1", "sink 1", "read 2", "sink 2", "read 3", "sink 3");
    }

    @Test
    void readsResolutionFromPngAndJpegMetadataAndDefaultsTo300() throws IOException {
        BufferedImage img = RuledTableScan.label("x", 600, 200);
        List<Integer> dpis = new ArrayList<>();
        ImageOcr recording = (image, number, dpi) -> {
            dpis.add(dpi);
            return new Page(number, 1, 1, reportingest.layout.PageOrigin.OCR, List.of(), List.of());
        };
        ImagePageSource source = new ImagePageSource(recording);
        Path png = dir.resolve("a.png");
        ScanFiles.write(png, "png", List.of(new ScanFiles.Frame(img, 200)));
        Path jpeg = dir.resolve("a.jpg");
        ScanFiles.write(jpeg, "jpeg", List.of(new ScanFiles.Frame(img, 400)));
        Path plain = dir.resolve("plain.png");
        ScanFiles.write(plain, "png", List.of(new ScanFiles.Frame(img, 0)));

        source.pages(file(png, DocumentKind.PNG), p -> {});
        source.pages(file(jpeg, DocumentKind.JPEG), p -> {});
        source.pages(file(plain, DocumentKind.PNG), p -> {});
        assertThat(dpis).containsExactly(200, 400, 300);
    }

    @Test
    void ignoresAStated72DpiThatWouldMakeAnImpossiblyLargePage() throws IOException {
        Path png = dir.resolve("a4at72.png");
        ScanFiles.write(png, "png", List.of(new ScanFiles.Frame(new BufferedImage(2480, 3507, BufferedImage.TYPE_BYTE_GRAY), 72)));
        List<Integer> dpis = new ArrayList<>();
        new ImagePageSource((image, n, dpi) -> {
            dpis.add(dpi);
            return new Page(n, 1, 1, reportingest.layout.PageOrigin.OCR, List.of(), List.of());
        }).pages(file(png, DocumentKind.PNG), p -> {});
        assertThat(dpis).containsExactly(300);
    }

    @Test
    void takesAWholeA4RenderStampedWithARendererDefaultAtTheResolutionThatMakesItA4() throws IOException {
        // A 144-dpi landscape A4 render whose PNG says 96 dpi: a 17.5-inch sheet at 96, exactly A4 at 144.
        assertThat(dpisRead("png", List.of(new ScanFiles.Frame(new BufferedImage(1684, 1191, BufferedImage.TYPE_BYTE_GRAY), 96))))
                .containsExactly(144);
    }

    @Test
    void takesAWholeA4PageThatStatesNoResolutionAsA4() throws IOException {
        assertThat(dpisRead("png", List.of(new ScanFiles.Frame(new BufferedImage(794, 1123, BufferedImage.TYPE_BYTE_GRAY), 0))))
                .containsExactly(96);
    }

    @Test
    void keepsAStatedResolutionThatMakesAStandardSheetEvenWhenA4WouldFitToo() throws IOException {
        // An A3 page scanned at 200 dpi has A4's proportions; its stated resolution makes it A3, and is right.
        assertThat(dpisRead("png", List.of(new ScanFiles.Frame(new BufferedImage(3307, 2339, BufferedImage.TYPE_BYTE_GRAY), 200))))
                .containsExactly(200);
    }

    private List<Integer> dpisRead(String format, List<ScanFiles.Frame> frames) throws IOException {
        Path file = dir.resolve("page." + format);
        ScanFiles.write(file, format, frames);
        List<Integer> dpis = new ArrayList<>();
        new ImagePageSource((image, n, dpi) -> {
            dpis.add(dpi);
            return new Page(n, 1, 1, reportingest.layout.PageOrigin.OCR, List.of(), List.of());
        }).pages(file(file, format.equals("png") ? DocumentKind.PNG : DocumentKind.JPEG), p -> {});
        return dpis;
    }

    @Test
    void acceptsImageKindsOnly() {
        ImagePageSource source = new ImagePageSource(ocr);
        assertThat(source.accepts(file(dir.resolve("a.tif"), DocumentKind.TIFF))).isTrue();
        assertThat(source.accepts(file(dir.resolve("a.png"), DocumentKind.PNG))).isTrue();
        assertThat(source.accepts(file(dir.resolve("a.jpg"), DocumentKind.JPEG))).isTrue();
        assertThat(source.accepts(file(dir.resolve("a.pdf"), DocumentKind.PDF))).isFalse();
        assertThat(source.accepts(file(dir.resolve("a.txt"), DocumentKind.TEXT))).isFalse();
    }

    @Test
    void corruptImageFailsWithIoException() throws IOException {
        Path broken = dir.resolve("broken.png");
        byte[] header = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R', 1, 2};
        Files.write(broken, header);
        assertThatThrownBy(() -> new ImagePageSource(ocr).pages(file(broken, DocumentKind.PNG), p -> {}))
                .isInstanceOf(IOException.class);
    }

    private static DetectedFile file(Path path, DocumentKind kind) {
        return new DetectedFile(path, path.getFileName().toString(), kind, null);
    }

    private static List<String> words(Page page) {
        return page.lines().stream().flatMap(l -> l.words().stream()).map(Word::text).collect(Collectors.toList());
    }
}
