package reportingest.bench;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Generates the bench inputs from the seeds and from real born-digital reports (the Putuo PDFs when
 * present, else a synthetic one): 300-dpi grey renders of report pages as a multi-page TIFF and an
 * image-only PDF, a degraded set, and a long image-only PDF repeating the same pages.
 */
final class InputGenerator {
    static final Path SEEDS = Path.of("fixtures/seeds");
    static final Path PUTUO = Path.of("..", "shared", "external", "govbudgetchecker_shanghai_putuo", "samples");
    /** Putuo pages rendered as scans: a sparse table end, two full ruled tables and a continuation. */
    static final List<Integer> SCAN_PAGES = List.of(7, 8, 9, 10);
    /** Of those, the ones degraded: one dense, one sparse page. */
    static final List<Integer> DEGRADED = List.of(1, 2);

    private final Path dir;

    InputGenerator(Path dir) {
        this.dir = dir;
    }

    /** @param largePageDpi the resolution the long PDF's page size states (0: its images' own, 300) */
    BenchInputs generate(int largePages, int largePageDpi) throws IOException {
        List<Path> text = list(SEEDS, ".txt");
        List<Path> putuo = putuoPdfs();
        String source = putuo.isEmpty() ? "synthetic (PDFBox, wqy-zenhei)" : "Putuo reports (" + putuo.size() + ")";
        List<Path> bornDigital = putuo.isEmpty() ? List.of(synthetic()) : putuo;
        Path scanSource = putuo.isEmpty() ? bornDigital.get(0) : PUTUO.resolve("good/上海市普陀区财政局2024年度部门决算.pdf");
        List<Integer> pages = putuo.isEmpty() ? List.of(1, 2, 3, 4) : SCAN_PAGES;

        List<BufferedImage> clean = PageImages.render(scanSource, pages);
        List<ImagePdfWriter.EncodedPage> encoded = new ArrayList<>();
        for (BufferedImage img : clean) encoded.add(ImagePdfWriter.EncodedPage.of(img, PageImages.DPI));
        Path tiff = dir.resolve("scan-300dpi.tiff");
        TiffFile.write(tiff, clean, PageImages.DPI);
        Path scanPdf = dir.resolve("scan-300dpi.pdf");
        writePdf(scanPdf, encoded, encoded.size());
        List<Path> scanImages = png(clean, "scan-page-");

        List<BufferedImage> worn = new ArrayList<>();
        for (int i : DEGRADED) worn.add(Degrade.scan(clean.get(i), 1000 + i));
        Path degraded = dir.resolve("degraded.tiff");
        TiffFile.write(degraded, worn, PageImages.DPI);
        List<Path> degradedImages = png(worn, "degraded-page-");

        Path large = dir.resolve("scan-" + largePages + "-pages" + (largePageDpi == 0 ? "" : "-sized-at-" + largePageDpi + "dpi") + ".pdf");
        List<ImagePdfWriter.EncodedPage> sized = largePageDpi == 0 ? encoded : encoded.stream()
                .map(p -> new ImagePdfWriter.EncodedPage(p.width(), p.height(), largePageDpi, p.flate())).toList();
        writePdf(large, sized, largePages);

        return new BenchInputs(text, bornDigital, List.of(tiff, scanPdf), scanImages, List.of(degraded), degradedImages,
                large, largePages, warmUp(text, bornDigital, clean), source);
    }

    /** One of each kind, small: a seed, the shortest PDF, and a two-frame TIFF of page strips (two engines start). */
    private List<Path> warmUp(List<Path> text, List<Path> bornDigital, List<BufferedImage> clean) throws IOException {
        Path dirW = Files.createDirectories(dir.resolve("warm-up"));
        List<BufferedImage> strips = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            BufferedImage page = clean.get(i + 1);
            strips.add(page.getSubimage(0, 0, page.getWidth(), page.getHeight() / 4));
        }
        Path tiff = dirW.resolve("strips.tiff");
        TiffFile.write(tiff, strips, PageImages.DPI);
        Path shortest = bornDigital.stream().min((a, b) -> Long.compare(size(a), size(b))).orElseThrow();
        return List.of(text.get(0), shortest, tiff);
    }

    private void writePdf(Path file, List<ImagePdfWriter.EncodedPage> pages, int count) throws IOException {
        try (ImagePdfWriter w = new ImagePdfWriter(file)) {
            for (int i = 0; i < count; i++) w.add(pages.get(i % pages.size()));
        }
    }

    private List<Path> png(List<BufferedImage> images, String prefix) throws IOException {
        List<Path> out = new ArrayList<>();
        for (int i = 0; i < images.size(); i++) {
            Path p = dir.resolve(prefix + (i + 1) + ".png");
            ImageIO.write(images.get(i), "png", p.toFile());
            out.add(p);
        }
        return out;
    }

    private Path synthetic() throws IOException {
        Path p = dir.resolve("synthetic-report.pdf");
        SyntheticReport.write(p, 8);
        return p;
    }

    private static List<Path> putuoPdfs() throws IOException {
        List<Path> out = new ArrayList<>();
        for (String sub : List.of("good", "bad")) {
            Path d = PUTUO.resolve(sub);
            if (Files.isDirectory(d)) out.addAll(list(d, ".pdf"));
        }
        return out;
    }

    private static List<Path> list(Path dir, String suffix) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().toList();
        }
    }

    private static long size(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            return Long.MAX_VALUE;
        }
    }
}
