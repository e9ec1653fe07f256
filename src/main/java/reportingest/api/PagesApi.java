package reportingest.api;

import org.apache.camel.Header;
import reportingest.layout.ocr.PixelBudget;
import reportingest.store.CellLocator;
import reportingest.store.DocumentRecord;
import reportingest.store.DocumentStatus;
import reportingest.store.DocumentStore;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** Handlers of the page images a reviewer checks a number against: a whole page, or the area around one cell. */
public final class PagesApi {
    static final String PNG = "image/png";
    /** Response header of a page image: its pixels per point (PDF 150 dpi: 2.083…), to place cells' boxes on it. */
    static final String PIXELS_PER_POINT = "X-Pixels-Per-Point";
    /** Space around a cell's box, in points, so the row and column labels nearby show too. */
    static final int DEFAULT_MARGIN = 24;

    private final DocumentStore documents;
    private final CellLocator cells;
    private final PixelBudget budget;

    public PagesApi(DocumentStore documents, CellLocator cells) {
        this(documents, cells, PixelBudget.DEFAULT);
    }

    /** @param budget the most pixels one page image may take (the OCR stage's page budget) */
    public PagesApi(DocumentStore documents, CellLocator cells, PixelBudget budget) {
        this.documents = documents;
        this.cells = cells;
        this.budget = budget;
    }

    /** {@code GET /api/documents/{id}/pages/{n}.png}. */
    public ApiResponse page(@Header("id") String idParam, @Header("page") String pageParam) throws IOException {
        long id = Params.requiredId("document id", idParam);
        int page = pageNumber(Params.withoutSuffix("page", pageParam, ".png"));
        PageImages.Rendered r = render(document(id), page);
        // cells' boxes are in points: the review station multiplies them by this to outline them on the image
        return new ApiResponse(200, PageImages.png(r.image()), PNG)
                .withHeader(PIXELS_PER_POINT, Double.toString(r.pixelsPerPoint()));
    }

    /** {@code GET /api/cells/{cellId}/crop.png?margin=}: the cell's box on its page, with a margin in points. */
    public ApiResponse crop(@Header("cellId") String cellParam, @Header("margin") String marginParam) throws IOException {
        long cellId = Params.requiredId("cell id", cellParam);
        Long margin = Params.optionalLong("margin", marginParam);
        if (margin != null && margin > 500) throw Params.bad("margin must be between 0 and 500 points");
        CellLocator.Location at = cells.locate(cellId).orElseThrow(() -> Params.notFound("no cell " + cellId));
        DocumentRecord d = document(at.documentId());
        if (at.page() == null || at.bbox() == null) throw Params.notFound("cell " + cellId + " has no page position");
        PageImages.Rendered r = render(d, at.page());
        BufferedImage crop = crop(r, at.bbox(), margin == null ? DEFAULT_MARGIN : margin);
        if (crop == null) throw Params.notFound("the box of cell " + cellId + " lies outside its page");
        return new ApiResponse(200, PageImages.png(crop), PNG);
    }

    static BufferedImage crop(PageImages.Rendered r, List<Double> bbox, double margin) {
        double k = r.pixelsPerPoint();
        int x0 = (int) Math.max(0, Math.floor((bbox.get(0) - margin) * k));
        int y0 = (int) Math.max(0, Math.floor((bbox.get(1) - margin) * k));
        int x1 = (int) Math.min(r.image().getWidth(), Math.ceil((bbox.get(0) + bbox.get(2) + margin) * k));
        int y1 = (int) Math.min(r.image().getHeight(), Math.ceil((bbox.get(1) + bbox.get(3) + margin) * k));
        if (x1 <= x0 || y1 <= y0) return null;
        return r.image().getSubimage(x0, y0, x1 - x0, y1 - y0);
    }

    private DocumentRecord document(long id) {
        return documents.find(id).orElseThrow(() -> Params.notFound("no document " + id));
    }

    private PageImages.Rendered render(DocumentRecord d, int page) throws IOException {
        if ("text/plain".equals(d.type())) {
            throw Params.notFound("document " + d.id() + " is text from an earlier OCR run: it has no page images "
                    + "(the raw text of each cell is in its export)");
        }
        if (d.storedAs() == null) throw Params.notFound("document " + d.id() + " has no stored original yet");
        if (d.status() == DocumentStatus.FAILED) {
            // its pages were never read, and the file may be what made it fail (too large, or built to exhaust memory)
            throw Params.notFound("document " + d.id() + " failed, so its pages were not read and no page images are served"
                    + " (the reason is in the document's error)");
        }
        try {
            return PageImages.render(Path.of(d.storedAs()), page, budget);
        } catch (PageImages.NoImage e) {
            throw Params.notFound("no page " + page + " image for document " + d.id() + ": " + e.getMessage());
        }
    }

    private static int pageNumber(String s) {
        Long n = Params.optionalLong("page", s);
        if (n == null || n < 1 || n > 100_000) throw Params.bad("page must be a page number from 1");
        return n.intValue();
    }
}
