package reportingest.bench;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import technology.tabula.ObjectExtractor;
import technology.tabula.Page;
import technology.tabula.PageIterator;
import technology.tabula.extractors.SpreadsheetExtractionAlgorithm;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** The raw engine for born-digital PDFs: Tabula's lattice extraction over every page, nothing else. */
final class TabulaAlone {
    private TabulaAlone() {}

    static Timing run(List<Path> pdfs) throws IOException {
        int pages = 0;
        int tables = 0;
        long start = System.nanoTime();
        for (Path pdf : pdfs) {
            try (PDDocument doc = Loader.loadPDF(pdf.toFile()); ObjectExtractor extractor = new ObjectExtractor(doc)) {
                SpreadsheetExtractionAlgorithm lattice = new SpreadsheetExtractionAlgorithm();
                for (PageIterator it = extractor.extract(); it.hasNext(); ) {
                    Page page = it.next();
                    tables += lattice.extract(page).size();
                    pages++;
                }
            }
        }
        if (tables == 0) throw new IllegalStateException("Tabula found no tables: the born-digital inputs are not what the bench expects");
        return new Timing(pages, (System.nanoTime() - start) / 1e9);
    }
}
