package reportingest.layout.pdf;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reportingest.detect.DetectedFile;
import reportingest.detect.DocumentKind;
import reportingest.layout.ImageOcr;
import reportingest.layout.OrderedPages;
import reportingest.layout.Page;
import reportingest.layout.PageOrigin;
import reportingest.layout.PageSource;
import reportingest.layout.PageWorkers;
import reportingest.layout.Ruling;
import reportingest.layout.TextLine;
import reportingest.layout.ocr.PixelBudget;
import reportingest.layout.ocr.ScanResolution;
import technology.tabula.ObjectExtractor;
import technology.tabula.TextElement;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Reads PDF pages into the page model. Pages with a text layer give their characters (grouped
 * into words and lines) and the ruling lines of their vector graphics; Tabula's object extractor
 * supplies both, so the rulings are exactly those its lattice algorithm would use. Pages without
 * text (scans), and scans whose only text is an earlier OCR run's invisible layer ({@link TextLayerSurvey}),
 * are read from the scan's own pixels when one image is the whole page, else rendered at 300 dpi (less
 * for pages above the {@link PixelBudget}) in grey on the caller's thread and read by the {@link ImageOcr}
 * on the {@link PageWorkers}; only the workers' window of rendered pages exists at once, each dropped
 * after its OCR. Pages go to the sink in page order.
 */
public final class PdfPageSource implements PageSource {
    private static final Logger log = LoggerFactory.getLogger(PdfPageSource.class);
    public static final int OCR_DPI = 300;
    /** Share of the em box above the baseline in common CJK and Latin fonts. */
    private static final double ASCENT = 0.85;

    /** A placed image whose proportions are the page's within this share is taken as the whole page. */
    private static final double FULL_PAGE_PROPORTION = 0.02;

    private final ImageOcr ocr;
    private final PageWorkers workers;
    private final PixelBudget budget;

    /** @param ocr reads scanned pages, one after another; null means scanned pages come out empty (and are logged). */
    public PdfPageSource(ImageOcr ocr) {
        this(ocr, PageWorkers.sequential());
    }

    public PdfPageSource(ImageOcr ocr, PageWorkers workers) {
        this(ocr, workers, PixelBudget.DEFAULT);
    }

    public PdfPageSource(ImageOcr ocr, PageWorkers workers, PixelBudget budget) {
        this.ocr = ocr;
        this.workers = workers;
        this.budget = budget;
    }

    @Override
    public boolean accepts(DetectedFile file) {
        return file.kind() == DocumentKind.PDF;
    }

    @Override
    public int pages(DetectedFile file, Consumer<Page> sink) throws IOException {
        return pages(file.path(), sink);
    }

    /** Reads a PDF by path; public for tests and tools that have no detected file. */
    public int pages(Path pdf, Consumer<Page> sink) throws IOException {
        String[] current = {"?"};
        try {
            return read(pdf, sink, current);
        } catch (OutOfMemoryError e) {
            // the page's images are unreachable once we are here: the service goes on with the next file
            throw budget.tooLarge(pdf.getFileName().toString(), current[0], e);
        }
    }

    private int read(Path pdf, Consumer<Page> sink, String[] current) throws IOException {
        // Temp-file cache: long scanned PDFs must not pull every stream into the heap.
        try (PDDocument doc = Loader.loadPDF(pdf.toFile(), IOUtils.createTempFileOnlyStreamCache());
             ObjectExtractor extractor = new ObjectExtractor(doc);
             OrderedPages pages = workers.start(sink)) {
            doc.setResourceCache(new NoImageResourceCache());
            int count = doc.getNumberOfPages();
            PDFRenderer renderer = null;
            for (int n = 1; n <= count; n++) {
                technology.tabula.Page tp = extractor.extract(n);
                List<Glyph> glyphs = glyphs(tp.getText(), doc.getPage(n - 1));
                PageImages pageImages = PageImages.of(doc.getPage(n - 1));
                boolean images = pageImages.any();
                if (glyphs.stream().anyMatch(g -> !g.blank())) {
                    // Only pages with images can be scans under an old OCR layer; others skip the survey.
                    if (!images || !TextLayerSurveyor.survey(doc, n).isEarlierOcrLayer()) {
                        pages.add(textPage(n, tp, glyphs, invisibleFills(doc.getPage(n - 1), tp, pdf), doc.getPage(n - 1).getRotation()));
                        continue;
                    }
                    log.info("'{}' page {}: the text layer is an earlier OCR run's invisible text; reading the page image again",
                            pdf.getFileName(), n);
                } else if (!images) {
                    // Nothing to read: a blank page, not a scan.
                    pages.add(new Page(n, tp.getWidth(), tp.getHeight(), PageOrigin.TEXT_LAYER, List.of(), List.of()));
                    continue;
                }
                if (ocr == null) {
                    log.warn("'{}' page {} is a scan and no OCR engine is configured; the page is left empty",
                            pdf.getFileName(), n);
                    pages.add(new Page(n, tp.getWidth(), tp.getHeight(), PageOrigin.OCR, List.of(), List.of()));
                    continue;
                }
                pages.awaitRoom();
                current[0] = Integer.toString(n);
                int number = n;
                PDPage page = doc.getPage(n - 1);
                if (pageImages.only() != null && fillsPage(pageImages.only(), page) && !realSheet(page)) {
                    // one scan on a page no printer makes: read its own pixels at its own resolution, whatever
                    // size the producer gave the page (img2pdf and ImageMagick make a 300-dpi scan a 35-inch
                    // page); a scan on a real sheet is rendered at 300 dpi below, which reads low-dpi scans better
                    PDImageXObject scan = pageImages.only();
                    int dpi = ScanResolution.ofPlacedImage(scan.getWidth(), scan.getHeight(), page.getCropBox().getWidth(), OCR_DPI);
                    int step = budget.subsampling(scan.getWidth(), scan.getHeight());
                    current[0] = n + " (a " + scan.getWidth() + "×" + scan.getHeight() + " px scan)";
                    BufferedImage image = scan.getImage(null, step);
                    int readDpi = Math.max(1, Math.round((float) dpi / step));
                    if (step > 1) log.info("'{}' page {}: a {}x{} px scan is above the page budget of {} Mpx; read at 1/{} ({} dpi)",
                            pdf.getFileName(), n, scan.getWidth(), scan.getHeight(), budget.megapixels(), step, readDpi);
                    pages.submit(() -> ocr.read(image, number, readDpi));
                    continue;
                }
                if (renderer == null) renderer = new PDFRenderer(doc);
                // colour scans are rendered in colour so that OCR can drop a seal's or a pen's colour out
                ImageType type = pageImages.colour() ? ImageType.RGB : ImageType.GRAY;
                int dpi = budget.renderDpi(page.getCropBox().getWidth(), page.getCropBox().getHeight(), OCR_DPI);
                if (dpi < OCR_DPI) log.info("'{}' page {}: a {}x{} pt page is rendered at {} dpi to stay within the page budget of {} Mpx",
                        pdf.getFileName(), n, Math.round(page.getCropBox().getWidth()), Math.round(page.getCropBox().getHeight()), dpi, budget.megapixels());
                current[0] = n + " (" + Math.round(page.getCropBox().getWidth()) + "×" + Math.round(page.getCropBox().getHeight()) + " pt)";
                BufferedImage image = renderer.renderImageWithDPI(n - 1, dpi, type);
                pages.submit(() -> ocr.read(image, number, dpi));
            }
            pages.finish();
            return count;
        }
    }

    private static Page textPage(int n, technology.tabula.Page tp, List<Glyph> glyphs, List<InvisibleFills.Fill> invisible,
                                 int rotate) {
        // a page with /Rotate is turned by Tabula's extractor, rulings and all
        Turn turn = rotate % 360 == 0 ? Turn.of(tp.getText(), tp.getWidth(), tp.getHeight()) : new Turn(0, tp.getWidth(), tp.getHeight());
        List<Ruling> rulings = new ArrayList<>();
        List<technology.tabula.Ruling> seen = InvisibleFills.visible(tp.getUnprocessedRulings(), invisible, glyphs);
        for (technology.tabula.Ruling r : visibleRulings(tp, drawnWithPaths(tp.getText(), glyphs), seen)) {
            if (r.oblique()) continue;
            double[] a = turn.point(r.getX1(), r.getY1()), b = turn.point(r.getX2(), r.getY2());
            // Start at the top-left end: Tabula's collapsing and crossing tests assume start <= end, along the ruling's
            // own direction (a horizontal whose far end sits a hair higher still runs left to right)
            boolean horizontal = Math.abs(b[0] - a[0]) >= Math.abs(b[1] - a[1]);
            boolean swap = horizontal ? a[0] > b[0] : a[1] > b[1];
            rulings.add(swap ? new Ruling(b[0], b[1], a[0], a[1]) : new Ruling(a[0], a[1], b[0], b[1]));
        }
        List<TextLine> lines = new WordBuilder(rulings).lines(turn.glyphs(tp.getText(), glyphs));
        if (turn.turned()) log.debug("page {}: text printed sideways (direction {}); read in its own orientation", n, turn.direction);
        return new Page(n, turn.width(), turn.height(), PageOrigin.TEXT_LAYER, lines, rulings);
    }

    /**
     * A page whose text runs up or down the sheet (a landscape table printed sideways on a portrait page without
     * /Rotate): PDFBox states such glyphs in their own reading frame (direction-adjusted), while the page's rulings are
     * in the sheet's. The page is read in the frame of its text: rulings are turned into it, and the page's width and
     * height swap. The few glyphs running another way (the sheet's upright page number, "— 128 —") are left out: turned,
     * they would stand as a column of digits beside the table's title. A page of upright text is left as is.
     */
    private record Turn(int direction, double sheetWidth, double sheetHeight) {
        /** Share of a page's glyphs that must run one sideways direction for the page to be read in it. */
        private static final double MOST = 0.8;

        static Turn of(List<TextElement> elements, double width, double height) {
            int total = 0, up = 0, down = 0;
            for (TextElement te : elements) {
                if (te.getText().isBlank()) continue;
                total++;
                int d = Math.round(te.getDirection()) % 360;
                if (d == 90) up++;
                else if (d == 270) down++;
            }
            int dir = total > 0 && up >= MOST * total ? 90 : total > 0 && down >= MOST * total ? 270 : 0;
            return new Turn(dir, width, height);
        }

        boolean turned() { return direction != 0; }

        double width() { return turned() ? sheetHeight : sheetWidth; }

        double height() { return turned() ? sheetWidth : sheetHeight; }

        /** A point of the sheet (top-left origin) in the text's frame. */
        double[] point(double x, double y) {
            if (direction == 90) return new double[] {sheetHeight - y, x};
            if (direction == 270) return new double[] {y, sheetWidth - x};
            return new double[] {x, y};
        }

        /** The glyphs running the page's way, already in its frame. */
        List<Glyph> glyphs(List<TextElement> elements, List<Glyph> glyphs) {
            if (!turned()) return glyphs;
            List<Glyph> out = new ArrayList<>(glyphs.size());
            for (int i = 0; i < glyphs.size(); i++) {
                if (Math.round(elements.get(i).getDirection()) % 360 == direction) out.add(glyphs.get(i));
            }
            return out;
        }
    }


    /**
     * Whether a page's one image is the whole page: unrotated, with the page's proportions. (A logo or a
     * stamp alone on a page rarely has them; if it does, it is read at its own resolution, which is harmless.)
     */
    /** A page no larger than A3 (842 × 1191 pt, 3% slack) in either orientation: a sheet a scanner takes. */
    private static boolean realSheet(PDPage page) {
        double w = page.getCropBox().getWidth(), h = page.getCropBox().getHeight();
        return Math.min(w, h) <= 842 * 1.03 && Math.max(w, h) <= 1191 * 1.03;
    }

    private static boolean fillsPage(PDImageXObject image, PDPage page) {
        if (page.getRotation() % 360 != 0 || image.isStencil() || image.getWidth() < 2 || image.getHeight() < 2) return false;
        double imageRatio = (double) image.getWidth() / image.getHeight();
        double pageRatio = page.getCropBox().getWidth() / page.getCropBox().getHeight();
        return Math.abs(imageRatio / pageRatio - 1) <= FULL_PAGE_PROPORTION;
    }

    /**
     * What a page draws as images, from one pass over its XObjects: any image or form (a scan may sit in
     * a form), whether an image has colour (a colour scan is rendered in colour), and the image when it is
     * the page's only XObject (a scan that can be read from its own pixels). An object that cannot be read
     * counts as both any and colour: the OCR path decides, and colour costs memory, not correctness.
     */
    private record PageImages(boolean any, boolean colour, PDImageXObject only) {
        static PageImages of(PDPage page) {
            PDResources res = page.getResources();
            if (res == null) return new PageImages(false, false, null);
            boolean any = false, colour = false;
            int count = 0;
            PDImageXObject image = null;
            for (COSName name : res.getXObjectNames()) {
                count++;
                try {
                    var x = res.getXObject(name);
                    if (x instanceof PDImageXObject img) {
                        if (img.getColorSpace().getNumberOfComponents() > 1) colour = true;
                        any = true;
                        image = img;
                    } else if (x instanceof PDFormXObject) {
                        any = true;
                    }
                } catch (IOException e) {
                    return new PageImages(true, true, null);
                }
            }
            return new PageImages(any, colour, count == 1 ? image : null);
        }
    }

    /** The glyphs of Type 3 fonts: only these are drawn with paths that Tabula can take for rulings. */
    private static List<Glyph> drawnWithPaths(List<TextElement> elements, List<Glyph> glyphs) {
        List<Glyph> out = new ArrayList<>();
        for (int i = 0; i < elements.size(); i++) {
            if (elements.get(i).getFont() instanceof org.apache.pdfbox.pdmodel.font.PDType3Font) out.add(glyphs.get(i));
        }
        return out;
    }

    /**
     * The edges of the page's white fills ({@link InvisibleFills}), read only when Tabula found rulings
     * (before it snaps them in place); a page whose content cannot be read again keeps all its rulings.
     */
    private static List<InvisibleFills.Fill> invisibleFills(PDPage page, technology.tabula.Page tp, Path pdf) {
        if (tp.getUnprocessedRulings().isEmpty()) return List.of();
        try {
            return InvisibleFills.of(page);
        } catch (IOException | RuntimeException e) {
            log.debug("'{}' page {}: fills not read ({}); every ruling kept", pdf.getFileName(), tp.getPageNumber(), e.toString());
            return List.of();
        }
    }

    /**
     * The rulings a reader sees. Tabula takes every filled path's edges for rulings, and two kinds draw no
     * line there: (1) phantom rules, the edges of white cell fills a few points inside the visible borders
     * ({@link InvisibleFills}: Word and WPS inset them by the cell padding, a second grid that puts text beside
     * its column); (2) Type 3 glyphs, drawn with paths (Chromium embeds CFF fonts such as Noto CJK that way),
     * whose straight strokes of 出, 目, 口 … would split words and cut table cells: a ruling within one such
     * glyph's box is a stroke of that glyph. Pages with neither keep Tabula's rulings as they are.
     */
    private static List<technology.tabula.Ruling> visibleRulings(technology.tabula.Page tp, List<Glyph> glyphs,
                                                                 List<technology.tabula.Ruling> seen) {
        List<technology.tabula.Ruling> drawn = tp.getUnprocessedRulings();
        if (glyphs.isEmpty() && seen == drawn) return tp.getRulings();
        List<technology.tabula.Ruling> kept = new ArrayList<>();
        List<Glyph> runs = runs(glyphs);
        for (technology.tabula.Ruling r : seen) {
            if (insideOneGlyph(r, glyphs) || insideOneGlyph(r, runs) || joinsTwoGlyphs(r, glyphs)) continue;
            // copies: Tabula snaps and collapses its own list in place
            kept.add(new technology.tabula.Ruling(r.getP1(), r.getP2()));
        }
        if (seen == drawn && kept.size() == drawn.size()) return tp.getRulings();
        if (kept.isEmpty()) return List.of(); // an unruled page: every stroke was a glyph's (Tabula's snapping fails on none)
        // as Tabula's Page.getRulings, on the strokes that are not glyphs': the same stroke of a digit in
        // rows above one another would otherwise be collapsed into one line across the rows
        technology.tabula.Utils.snapPoints(kept, tp.getMinCharWidth(), tp.getMinCharHeight());
        List<technology.tabula.Ruling> out = new ArrayList<>(technology.tabula.Ruling.collapseOrientedRulings(
                kept.stream().filter(technology.tabula.Ruling::vertical).collect(java.util.stream.Collectors.toList())));
        out.addAll(technology.tabula.Ruling.collapseOrientedRulings(
                kept.stream().filter(technology.tabula.Ruling::horizontal).collect(java.util.stream.Collectors.toList())));
        return out;
    }

    /**
     * Glyphs set side by side on one line, as one box each run: a stroke Tabula collapsed from the same stroke of
     * several glyphs (the foot of 1 and the bar of 4 in 4.13) reaches past any one glyph's box, never past its run's.
     */
    static List<Glyph> runs(List<Glyph> glyphs) {
        List<Glyph> sorted = new ArrayList<>();
        for (Glyph g : glyphs) if (!g.blank()) sorted.add(g);
        sorted.sort(java.util.Comparator.comparingDouble(Glyph::x));
        List<Glyph> runs = new ArrayList<>();
        for (Glyph g : sorted) {
            int at = -1;
            for (int i = 0; i < runs.size() && at < 0; i++) {
                Glyph run = runs.get(i);
                if (Math.abs(g.y() - run.y()) <= 0.2 * g.height() && Math.abs(g.height() - run.height()) <= 0.2 * g.height()
                        && g.x() <= run.right() + 0.3 * g.height()) at = i;
            }
            if (at < 0) {
                runs.add(g);
                continue;
            }
            Glyph run = runs.get(at);
            double top = Math.min(run.y(), g.y());
            runs.set(at, new Glyph(run.text() + g.text(), run.x(), top, Math.max(run.right(), g.right()) - run.x(),
                    Math.max(run.bottom(), g.bottom()) - top));
        }
        return runs;
    }

    /**
     * A segment from a point inside one Type 3 glyph to a point inside another: Tabula carries the current point
     * from one glyph's procedure into the next, so the first stroke of 4 in 45.34 is drawn from where 贴 of the
     * label before it ended, a line across the cell that the page never shows. A table rule ends at a border,
     * never inside a glyph at both ends.
     */
    static boolean joinsTwoGlyphs(technology.tabula.Ruling r, List<Glyph> glyphs) {
        return insideAGlyph(r.getX1(), r.getY1(), glyphs) && insideAGlyph(r.getX2(), r.getY2(), glyphs);
    }

    private static boolean insideAGlyph(double x, double y, List<Glyph> glyphs) {
        for (Glyph g : glyphs) {
            if (g.blank()) continue;
            double slack = 0.1 * g.height();
            if (x >= g.x() - slack && x <= g.right() + slack && y >= g.y() - slack && y <= g.bottom() + slack) return true;
        }
        return false;
    }

    private static boolean insideOneGlyph(technology.tabula.Ruling r, List<Glyph> glyphs) {
        double x0 = Math.min(r.getX1(), r.getX2()), x1 = Math.max(r.getX1(), r.getX2());
        double y0 = Math.min(r.getY1(), r.getY2()), y1 = Math.max(r.getY1(), r.getY2());
        for (Glyph g : glyphs) {
            if (g.blank()) continue;
            double slack = 0.1 * g.height();
            if (x0 >= g.x() - slack && x1 <= g.right() + slack && y0 >= g.y() - slack && y1 <= g.bottom() + slack) return true;
        }
        return false;
    }

    private static List<Glyph> glyphs(List<TextElement> elements, PDPage page) {
        // Type 3 text (Chromium's CFF faces): the em is the glyphs' own, measured on the ideographs' advance. Other
        // faces: the em is the font size, and the page's transformation (Chromium's 0.75 over CSS pixels, whatever
        // the face) is read off the content stream (TextScale), since a condensed face's narrower ideographs would
        // pass for a scale.
        double scale = elements.stream().anyMatch(te -> te.getFont() instanceof org.apache.pdfbox.pdmodel.font.PDType3Font)
                ? emScale(elements) : pageScale(page);
        List<Glyph> out = new ArrayList<>(elements.size());
        for (TextElement te : elements) {
            // Tabula's glyph height is half the font box or the cap height, which embedded CJK
            // subsets (and Type 3 fonts with a flipped font matrix) report as nearly zero; the em box
            // from the font size is stable.
            double baseline = te.getTop() + te.getHeight();
            double size = te.getFontSize() > 0 ? te.getFontSize() * scale : te.getHeight();
            out.add(new Glyph(te.getText(), te.getLeft(), baseline - ASCENT * size, te.getWidth(), size));
        }
        return out;
    }

    /** {@link TextScale} of a page, 1 when it is within 5% of 1 (as {@link #emScale}) or the page cannot be read. */
    private static double pageScale(PDPage page) {
        if (page == null) return 1;
        try {
            double s = TextScale.of(page);
            return Math.abs(s - 1) < 0.05 ? 1 : s;
        } catch (IOException | RuntimeException e) {
            log.debug("text scale not read ({}); sizes as reported", e.toString());
            return 1;
        }
    }

    /**
     * Tabula's font size leaves out the page's transformation: Chromium draws in CSS pixels under a 0.75
     * scale, so its 10.5 pt text reports size 14. A CJK ideograph's advance is exactly one em, so the
     * median ratio of advance to reported size over a page's ideographs is the factor to apply; 1 when
     * the page has none or they agree.
     */
    static double emScale(List<TextElement> elements) {
        List<Double> ratios = new ArrayList<>();
        for (TextElement te : elements) {
            String t = te.getText();
            if (t.length() != 1 || te.getFontSize() <= 0 || te.getWidth() <= 0) continue;
            if (Character.UnicodeScript.of(t.codePointAt(0)) != Character.UnicodeScript.HAN) continue;
            ratios.add(te.getWidth() / te.getFontSize());
        }
        if (ratios.isEmpty()) return 1;
        ratios.sort(null);
        double median = ratios.get(ratios.size() / 2);
        return Math.abs(median - 1) < 0.05 ? 1 : median;
    }
}
