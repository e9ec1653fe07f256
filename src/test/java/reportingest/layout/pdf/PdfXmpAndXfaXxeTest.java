package reportingest.layout.pdf;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.xmpbox.xml.DomXmpParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reportingest.detect.DetectedFile;
import reportingest.detect.DocumentKind;
import reportingest.detect.TypeDetector;
import reportingest.layout.Page;
import reportingest.layout.PageOrigin;
import reportingest.layout.TextLine;
import reportingest.support.LogTap;
import reportingest.support.XxeCanary;
import reportingest.support.XxeInputs;

import java.awt.image.BufferedImage;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * A PDF whose XMP metadata (catalog, page, image) and XFA form declare external entities is detected and
 * read like any other: its text page gives its text and its scanned page goes to OCR, while the XML
 * inside it is never parsed with entities: the canary file is never read, the loopback trap never called,
 * and neither token is in a page or the log. PDFBox's own XMP parser, which the service does not call,
 * refuses the DOCTYPE, should it ever be used.
 */
class PdfXmpAndXfaXxeTest {
    @TempDir
    Path dir;

    @Test
    void aPdfWhoseXmpAndXfaDeclareExternalEntitiesIsReadWithoutResolvingThem() throws Exception {
        try (XxeCanary canary = XxeCanary.plant(dir.resolve("canary")); LogTap log = new LogTap()) {
            Path pdf = new XxeInputs(canary, dir.resolve("in")).pdfWithXmpAndXfa("xmp and xfa.pdf");

            DetectedFile detected = new TypeDetector().detect(pdf, "xmp and xfa.pdf");
            List<Integer> ocrPages = new ArrayList<>();
            List<Page> pages = new ArrayList<>();
            int count = new PdfPageSource((BufferedImage image, int n, int dpi) -> {
                ocrPages.add(n);
                return new Page(n, image.getWidth() * 72.0 / dpi, image.getHeight() * 72.0 / dpi, PageOrigin.OCR, List.of(), List.of());
            }).pages(detected, pages::add);

            assertThat(detected.kind()).isEqualTo(DocumentKind.PDF);
            assertThat(count).isEqualTo(2);
            assertThat(text(pages.get(0))).contains("Income", "expenditure", "1,196.83");
            assertThat(ocrPages).containsExactly(2);
            assertThat(canary.canaryReads()).as("reads of the canary file").isEmpty();
            assertThat(canary.requests()).as("requests to the loopback trap").isEmpty();
            for (String token : canary.tokens()) {
                assertThat(pages).noneMatch(p -> text(p).contains(token));
                assertThat(log.text()).doesNotContain(token);
            }
        }
    }

    @Test
    void pdfboxsXmpParserRefusesTheDoctypeOfTheSameMetadataWithoutReadingTheCanary() throws Exception {
        try (XxeCanary canary = XxeCanary.plant(dir.resolve("canary"))) {
            Path pdf = new XxeInputs(canary, dir.resolve("in")).pdfWithXmpAndXfa("xmp.pdf");

            Throwable refused;
            try (PDDocument doc = Loader.loadPDF(pdf.toFile());
                 InputStream xmp = doc.getDocumentCatalog().getMetadata().exportXMPMetadata()) {
                refused = catchThrowable(() -> new DomXmpParser().parse(xmp));
            }

            assertThat(refused).hasMessageContaining("DOCTYPE is disallowed");
            assertThat(String.valueOf(refused.getMessage())).doesNotContain(canary.tokens().get(0), canary.tokens().get(1));
            assertThat(canary.canaryReads()).isEmpty();
            assertThat(canary.requests()).isEmpty();
        }
    }

    private static String text(Page page) {
        return page.lines().stream().map(TextLine::text).collect(Collectors.joining("\n"));
    }
}
