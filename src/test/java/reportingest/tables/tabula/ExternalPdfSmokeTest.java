package reportingest.tables.tabula;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import reportingest.layout.Page;
import reportingest.layout.PageOrigin;
import reportingest.layout.pdf.PdfPageSource;
import reportingest.support.Ratchet;
import reportingest.tables.RawCell;
import reportingest.tables.RawRow;
import reportingest.tables.RawTable;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Every PDF collected under ../shared/external (government reports, tabula-java, camelot,
 * pdfplumber and ICDAR samples, scans) goes through page reading and table recognition without
 * an exception and within a bounded time. No OCR engine: scanned pages come out empty. These files have no
 * truth to score against, so what they give today (pages, tables, rows, non-blank cells) is pinned exactly in
 * src/test/resources/ratchet/external-pdf-shapes.tsv ({@link Ratchet#exact}): a change either way fails until someone
 * looks at it and records it. Skipped, saying why, when ../shared/external is absent.
 */
class ExternalPdfSmokeTest {
    /** Generous for the largest file (30 pages) on a loaded 2-core machine. */
    private static final Duration PER_FILE = Duration.ofSeconds(90);

    private static final Ratchet SHAPES = Ratchet.exact("external-pdf-shapes", "pages", "tables", "rows", "cells");

    /** Without ../shared/external, the one case is the missing folder itself, skipped saying so. */
    static Stream<Path> pdfs() throws IOException {
        if (!Files.isDirectory(RealPdfs.EXTERNAL)) return Stream.of(RealPdfs.EXTERNAL);
        try (Stream<Path> s = Files.walk(RealPdfs.EXTERNAL)) {
            List<Path> all = s.filter(p -> p.getFileName().toString().toLowerCase().endsWith(".pdf")).sorted().toList();
            return all.stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pdfs")
    void readsAndRecognisesWithoutFailing(Path pdf) {
        assumeTrue(Files.isRegularFile(pdf), "no " + pdf + " beside the repository: third-party PDFs absent");
        assertTimeoutPreemptively(PER_FILE, () -> {
            List<Page> pages = new ArrayList<>();
            int count = new PdfPageSource(null).pages(pdf, pages::add);
            assertThat(pages).hasSize(count).isNotEmpty();
            for (int i = 0; i < pages.size(); i++) assertThat(pages.get(i).number()).isEqualTo(i + 1);
            List<RawTable> tables = new TabulaTableRecognizer().recognize(pages);
            long rows = 0, cells = 0;
            for (RawTable t : tables) {
                rows += t.rows().size();
                for (RawRow r : t.rows()) for (RawCell c : r.cells()) if (!c.text().isBlank()) cells++;
                assertThat(t.pageFrom()).isBetween(1, count);
                assertThat(t.pageTo()).isBetween(t.pageFrom(), count);
                assertThat(t.rows()).isNotEmpty();
                int width = t.rows().get(0).cells().size();
                assertThat(t.rows()).allMatch(r -> r.cells().size() == width);
            }
            boolean scanned = pages.stream().anyMatch(p -> p.origin() == PageOrigin.OCR);
            System.out.printf("%s: %d pages%s, %d tables, %d rows, %d cells%n", pdf.getFileName(), count,
                    scanned ? " (some scanned)" : "", tables.size(), rows, cells);
            SHAPES.check(RealPdfs.EXTERNAL.relativize(pdf).toString(), count, tables.size(), rows, cells);
        });
    }
}
