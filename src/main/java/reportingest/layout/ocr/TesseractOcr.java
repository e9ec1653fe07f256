package reportingest.layout.ocr;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reportingest.layout.ImageOcr;
import reportingest.layout.Page;
import reportingest.layout.OtherReading;
import reportingest.layout.PageOrigin;
import reportingest.layout.Ruling;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * Reads a page image with Tesseract (chi_sim+eng, LSTM, psm 6) into the shared page model:
 * gray → straighten small skew → find ruling lines → erase them → OCR → doubtful cells and lines
 * read again → words grouped into lines.
 * Word boxes and rulings are in points (pixels × 72 / dpi) in the straightened frame, so they line up.
 *
 * Thread-safe: each call borrows a Tesseract engine from a pool, so pages may be read in parallel,
 * one engine per concurrent caller. Tesseract must run with OMP_THREAD_LIMIT=1 in the environment
 * (set before the JVM starts): with OpenMP threads it is 4× slower on two cores and collapses under
 * contention (STACK-NOTES §4). Close the reader to free the native engines.
 */
public final class TesseractOcr implements ImageOcr, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(TesseractOcr.class);
    private static final AtomicBoolean ompWarned = new AtomicBoolean();
    private static final java.util.regex.Pattern RULE_READ_AS_TEXT = java.util.regex.Pattern.compile("[|｜丨]+");

    private final TesseractEnginePool engines;
    private final SkewCorrector skew = new SkewCorrector();
    private final PixelBudget budget;
    /** The engines that actually read: the chosen ones, or Tesseract alone when PP-OCR could not load. */
    private final OcrEngines running;
    private final PpOcrEngine ppEngine;
    private final PpOcrReader pp;
    private final boolean onlyUnsureCells;
    private final OcrEngines configured;
    /** Tesseract's orientation detection, or null without osd.traineddata. */
    private final OrientationDetector orientation;

    /**
     * @param tessdata  folder holding the .traineddata files (e.g. /usr/share/tesseract-ocr/5/tessdata)
     * @param languages Tesseract language list, e.g. "chi_sim+eng"
     * @throws IllegalArgumentException when a language's model is missing, so a misconfigured service
     *                                  fails at start rather than on its first scan
     */
    public TesseractOcr(String tessdata, String languages) {
        this(tessdata, languages, PixelBudget.DEFAULT);
    }

    /** @param budget the most pixels a page may take once brought to Tesseract's resolution (never up-sampled past it) */
    public TesseractOcr(String tessdata, String languages, PixelBudget budget) {
        this(tessdata, languages, budget, OcrEngines.TESSERACT);
    }

    /**
     * @param engines which engines read (ingest.ocr.engines). When PP-OCR is chosen but cannot be loaded,
     *                pages are read by Tesseract alone and the log says so once; {@link #engines()} tells.
     */
    public TesseractOcr(String tessdata, String languages, PixelBudget budget, OcrEngines engines) {
        this(tessdata, languages, budget, engines, false);
    }

    /**
     * @param onlyUnsureCells with both engines, PP-OCR reads only what Tesseract is unsure of, cells and lines outside
     *                        them, with no detection on the whole page (ingest.ocr.second-reading=doubtful), instead of
     *                        every cell and the whole page (=all); see {@link DoubtfulRegions}
     */
    public TesseractOcr(String tessdata, String languages, PixelBudget budget, OcrEngines engines, boolean onlyUnsureCells) {
        this(tessdata, languages, budget, engines, PpOcrEngine::new, onlyUnsureCells);
    }

    /** @param ppocr loads PP-OCR (asked only when the engines include it); may throw IllegalStateException */
    TesseractOcr(String tessdata, String languages, PixelBudget budget, OcrEngines engines, Supplier<PpOcrEngine> ppocr) {
        this(tessdata, languages, budget, engines, ppocr, false);
    }

    private TesseractOcr(String tessdata, String languages, PixelBudget budget, OcrEngines engines, Supplier<PpOcrEngine> ppocr,
                         boolean onlyUnsureCells) {
        this.budget = budget;
        this.onlyUnsureCells = onlyUnsureCells;
        this.configured = engines;
        for (String lang : languages.split("\\+")) {
            if (!Files.isRegularFile(Path.of(tessdata, lang + ".traineddata"))) {
                throw new IllegalArgumentException("OCR model " + lang + ".traineddata not found in " + tessdata
                        + ": install tesseract-ocr-" + lang.replace('_', '-') + " or set ingest.ocr.tessdata");
            }
        }
        this.engines = new TesseractEnginePool(tessdata, languages);
        this.orientation = OrientationDetector.load(tessdata);
        if (orientation == null) log.info("no osd.traineddata in {}: pages printed turned on their sheet are read as they lie", tessdata);
        PpOcrEngine loaded = null;
        if (engines.usesPpOcr()) {
            try {
                loaded = ppocr.get();
                log.info("OCR engines: {} (PP-OCRv4 det+rec on ONNX Runtime)", engines);
            } catch (IllegalStateException e) {
                log.warn("ingest.ocr.engines is '{}' but PP-OCR could not be loaded ({}): scans are read by Tesseract alone",
                        engines, e.getMessage());
            }
        }
        this.ppEngine = loaded;
        this.pp = loaded == null ? null : new PpOcrReader(loaded);
        this.running = loaded == null ? OcrEngines.TESSERACT : engines;
        if (!"1".equals(System.getenv("OMP_THREAD_LIMIT")) && ompWarned.compareAndSet(false, true)) {
            log.warn("OMP_THREAD_LIMIT is not 1: Tesseract will run several times slower; set it before starting the JVM");
        }
    }

    /** The engines reading pages in words: the setting, or why Tesseract reads alone. */
    public String enginesDetail() {
        return running == configured ? running.setting()
                : "tesseract alone: ingest.ocr.engines is '" + configured + "' but PP-OCR could not be loaded (see the log)";
    }

    /** The engines reading pages: as configured, or {@code TESSERACT} when PP-OCR failed to load. */
    public OcrEngines engines() { return running; }

    @Override
    public Page read(BufferedImage image, int pageNumber, int dpi) {
        return readMeasured(image, pageNumber, dpi).page();
    }

    /** Like {@link #read} but also returns the skew removed, ruling counts and timings. */
    public OcrReading readMeasured(BufferedImage image, int pageNumber, int dpi) {
        if (dpi <= 0) throw new IllegalArgumentException("dpi must be positive: " + dpi);
        long start = System.nanoTime();
        int workDpi = OcrResolution.workingDpi(dpi, image.getWidth(), image.getHeight(), budget);
        GrayImage gray = OcrResolution.resample(GrayImage.of(image), dpi, workDpi);
        double width = image.getWidth() * 72.0 / dpi, height = image.getHeight() * 72.0 / dpi;
        if (gray.blank()) {
            log.info("page {}: blank, no print on it; nothing to read", pageNumber);
            long ms = (System.nanoTime() - start) / 1_000_000;
            return new OcrReading(new Page(pageNumber, width, height, PageOrigin.OCR, List.of(), List.of()), 0, 0, 0, ms, 0);
        }
        OcrReading upright = read(gray, pageNumber, dpi, width, height, workDpi, start);
        if (orientation == null || !doubtful(upright.page())) return upright;
        // a page read as it lies gives words of little confidence when its print is turned on the sheet (a
        // landscape table scanned on a portrait page): Tesseract's orientation detection says how to turn it
        int turn = orientation.clockwise(gray, workDpi);
        if (turn == 0) return upright;
        log.info("page {}: print turned on the sheet (orientation detection); read turned {}° clockwise", pageNumber, turn);
        boolean across = turn % 180 != 0;
        return read(gray.turned(turn), pageNumber, dpi, across ? height : width, across ? width : height, workDpi, start);
    }

    /** Mean word confidence under which a page's reading is doubtful enough to ask for its orientation. */
    static final double DOUBTFUL_PAGE = 60;

    /** Few words, or most words of little confidence. */
    private static boolean doubtful(Page page) {
        double sum = 0;
        int n = 0;
        for (var line : page.lines()) for (var w : line.words()) { sum += w.confidence(); n++; }
        return n >= 20 && sum / n < DOUBTFUL_PAGE;
    }

    /** Reads a gray page at the working resolution (scanned at {@code dpi}); {@code width} and {@code height} in points, in its frame. */
    private OcrReading read(GrayImage gray, int pageNumber, int dpi, double width, double height, int workDpi, long start) {
        Deskewed straight = skew.straighten(gray);
        List<LineSegment> found = new RulingDetector(workDpi, OcrResolution.rulingInk(dpi)).find(straight.image());
        GrayImage textOnly = new RulingEraser(workDpi, dpi).erase(straight.image(), found);
        // a 1-bit scan is read with its edges smoothed to gray (σ of 1 px at 300 dpi), as a gray scan has them
        GrayImage smoothed = gray.bilevel() ? textOnly.smoothed(workDpi / 300.0) : null;
        List<LineSegment> lines = BrokenFrame.closed(found, workDpi);
        long prepared = System.nanoTime();

        List<RuledCells.Cell> cells = RuledCells.find(textOnly.width(), textOnly.height(), lines, workDpi);
        double ptPerPx = 72.0 / workDpi;
        List<OcrWord> words = null;
        List<OtherReading> others = List.of();
        if (running == OcrEngines.PPOCR) words = ppOrNull(() -> pp.readPage(textOnly, workDpi, cells), pageNumber);
        if (words == null) {
            GrayImage page = smoothed != null ? smoothed : textOnly;
            words = engines.with(engine -> {
                List<OcrWord> read = LineRereader.improve(engine, page, workDpi,
                        CellRereader.improve(engine, page, workDpi, engine.words(page, workDpi), cells), cells);
                // a 1-bit page: what its smoothed reading lost of the text, from a reading of its own pixels
                return smoothed != null ? LineRereader.improveSwallowing(engine, page, workDpi,
                        SmoothedReading.merge(read, engine.words(textOnly, workDpi)), cells) : read;
            });
            if (running == OcrEngines.BOTH) {
                List<OcrWord> tesseract = words;
                CellConsensus.Result both = ppOrNull(() -> secondReading(textOnly, workDpi, cells, tesseract, ptPerPx, pageNumber), pageNumber);
                if (both != null) {
                    words = both.words();
                    others = both.others();
                }
            }
        }
        long done = System.nanoTime();

        List<Ruling> rulings = new ArrayList<>(lines.size());
        for (LineSegment l : lines) rulings.add(toPoints(l, ptPerPx));
        // a rule the eraser left (faint, broken) comes back as bars on it: a border, no text of any cell
        int near = Math.max(2, workDpi / 50);
        // one print, one word: a merge of readings may hold a word twice (c01 p200's 月份份, two 份 on one box)
        words = LineRereader.notReadYet(words, List.of());
        List<OcrWord> printed = words.stream().filter(w -> !RULE_READ_AS_TEXT.matcher(w.text()).matches()
                || lines.stream().noneMatch(l -> !l.horizontal() && l.x0() - near <= w.right() && w.left() <= l.x1() + near
                && l.y0() - near <= w.bottom() && w.top() <= l.y1() + near)).toList();
        Page page = new Page(pageNumber, width, height,
                PageOrigin.OCR, WordLines.group(printed, ptPerPx), rulings, others);
        long horizontal = lines.stream().filter(LineSegment::horizontal).count();
        OcrReading reading = new OcrReading(page, straight.angleDegrees(), (int) horizontal,
                (int) (lines.size() - horizontal), (prepared - start) / 1_000_000, (done - prepared) / 1_000_000);
        log.debug("page {}: skew {}°, {} words, {}+{} rulings, prepare {} ms, OCR {} ms", pageNumber,
                String.format("%.2f", reading.skewDegrees()), words.size(), reading.horizontalRulings(),
                reading.verticalRulings(), reading.prepareMillis(), reading.ocrMillis());
        return reading;
    }

    /**
     * PP-OCR reads the page again beside Tesseract's words, and the two readings are put together. Ruled cells
     * are read from their own crops; the rest of the page (an unruled table, titles) in the lines PP-OCR's
     * detector finds there, each line standing for a cell. Under {@code all}, every ruled cell and the detector
     * on the whole page; under {@code doubtful}, only what {@link DoubtfulRegions} says Tesseract is unsure of.
     */
    private CellConsensus.Result secondReading(GrayImage page, int workDpi, List<RuledCells.Cell> cells, List<OcrWord> tesseract,
                                               double ptPerPx, int pageNumber) {
        long start = System.nanoTime();
        List<RuledCells.Cell> second = onlyUnsureCells ? DoubtfulRegions.cells(tesseract, cells, page) : cells;
        List<RuledCells.Cell> looked = onlyUnsureCells ? DoubtfulRegions.outside(tesseract, cells, page.width(), page.height())
                : List.of(new RuledCells.Cell(0, 0, page.width(), page.height()));
        List<RuledCells.Cell> regions = new ArrayList<>(second);
        List<PpOcrReader.CellText> read = new ArrayList<>(pp.readCells(page, workDpi, second));
        long cellsRead = System.nanoTime();
        PpOcrReader.Detected outside = pp.readOutside(page, cells, looked);
        regions.addAll(outside.boxes());
        read.addAll(outside.texts());
        CellConsensus.Result r = CellConsensus.apply(tesseract, regions, read, ptPerPx);
        long area = looked.stream().mapToLong(c -> (long) (c.x1() - c.x0()) * (c.y1() - c.y0())).sum();
        // what PP-OCR was asked, per page: the measure of what the second reading costs (README, issue #19)
        log.debug("page {}: PP-OCR read {} of {} ruled cells ({} ms), detected in {} parts ({}% of the page), {} lines outside the cells "
                        + "({} ms); agreed on {}, text taken in {}, amounts disputed in {}", pageNumber, second.size(), cells.size(),
                (cellsRead - start) / 1_000_000, looked.size(), Math.round(100.0 * area / ((long) page.width() * page.height())),
                outside.boxes().size(), (System.nanoTime() - cellsRead) / 1_000_000, r.agreed(), r.textTaken(), r.others().size());
        return new CellConsensus.Result(CellConsensus.withoutJunk(r.words(), regions), r.others(), r.agreed(), r.textTaken());
    }

    /** PP-OCR's work, or null (the page then read by Tesseract alone) when it fails on this page. */
    private static <T> T ppOrNull(Supplier<T> work, int pageNumber) {
        try {
            return work.get();
        } catch (RuntimeException e) {
            log.warn("page {}: PP-OCR failed ({}); the page is read by Tesseract alone", pageNumber, e.getMessage());
            return null;
        }
    }

    /** A ruling through the middle of its pixel band, spanning the pixels' outer edges. */
    private static Ruling toPoints(LineSegment l, double ptPerPx) {
        if (l.horizontal()) {
            double y = (l.y0() + l.y1() + 1) / 2.0 * ptPerPx;
            return new Ruling(l.x0() * ptPerPx, y, (l.x1() + 1) * ptPerPx, y);
        }
        double x = (l.x0() + l.x1() + 1) / 2.0 * ptPerPx;
        return new Ruling(x, l.y0() * ptPerPx, x, (l.y1() + 1) * ptPerPx);
    }

    @Override
    public void close() {
        engines.close();
        if (orientation != null) orientation.close();
        if (ppEngine != null) ppEngine.close();
    }
}
