package reportingest.layout.ocr;

import com.sun.jna.Pointer;
import net.sourceforge.tess4j.ITessAPI.TessBaseAPI;
import net.sourceforge.tess4j.ITessAPI.TessOcrEngineMode;
import net.sourceforge.tess4j.ITessAPI.TessPageIterator;
import net.sourceforge.tess4j.ITessAPI.TessPageIteratorLevel;
import net.sourceforge.tess4j.ITessAPI.TessPageSegMode;
import net.sourceforge.tess4j.ITessAPI.TessResultIterator;
import net.sourceforge.tess4j.TessAPI;

import java.nio.ByteBuffer;
import java.nio.IntBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * One initialised Tesseract instance, driven through Tess4J's {@link TessAPI#INSTANCE} C-API mapping.
 * Not thread-safe: a native TessBaseAPI must only be used by one thread at a time (see {@link TesseractEnginePool}).
 *
 * Why the C API and not {@code net.sourceforge.tess4j.Tesseract}: that class initialises and tears down the
 * engine on every call (0.5–0.9 s each) and passes images through lept4j, which needs Leptonica symbols
 * missing from Debian 12's 1.82 (STACK-NOTES §4). {@code TessBaseAPISetImage} with raw gray bytes needs
 * neither, and the engine stays loaded between pages. {@code TessAPI1} is avoided: its direct mapping binds
 * every symbol eagerly and fails on this libtesseract.
 */
final class TesseractEngine implements AutoCloseable {
    private final TessAPI api = TessAPI.INSTANCE;
    private TessBaseAPI handle;

    TesseractEngine(String tessdata, String languages) {
        handle = api.TessBaseAPICreate();
        int rc = api.TessBaseAPIInit2(handle, tessdata, languages, TessOcrEngineMode.OEM_LSTM_ONLY);
        if (rc != 0) {
            api.TessBaseAPIDelete(handle);
            handle = null;
            throw new IllegalStateException("Tesseract could not load languages '" + languages + "' from " + tessdata
                    + "; install the traineddata files (apt-get install tesseract-ocr-chi-sim tesseract-ocr-eng)"
                    + " or set ingest.ocr.tessdata");
        }
        // Tesseract prints debug statistics (e.g. "Range=… Mean=…" for empty regions) through tprintf,
        // which goes to stdout unless a debug file is set; it would flood the service log.
        api.TessBaseAPISetVariable(handle, "debug_file", "/dev/null");
        // A table is one block of uniform rows; with the rulings erased psm 6 reads it best (STACK-NOTES §4).
        api.TessBaseAPISetPageSegMode(handle, TessPageSegMode.PSM_SINGLE_BLOCK);
    }

    /** Recognises a gray page and returns its words in Tesseract's reading order. */
    List<OcrWord> words(GrayImage image, int dpi) {
        if (handle == null) throw new IllegalStateException("engine closed");
        ByteBuffer pixels = ByteBuffer.allocateDirect(image.pixels().length);
        pixels.put(image.pixels()).flip();
        api.TessBaseAPISetImage(handle, pixels, image.width(), image.height(), 1, image.width());
        api.TessBaseAPISetSourceResolution(handle, dpi);
        try {
            if (api.TessBaseAPIRecognize(handle, null) != 0) {
                throw new IllegalStateException("Tesseract failed to recognise the page");
            }
            return collectWords();
        } finally {
            // Frees the page's recognition results; the loaded models stay.
            api.TessBaseAPIClear(handle);
        }
    }

    /** Recognises an image holding one line of text (psm 7), e.g. a title cut out of its page. */
    List<OcrWord> line(GrayImage image, int dpi) {
        if (handle == null) throw new IllegalStateException("engine closed");
        api.TessBaseAPISetPageSegMode(handle, TessPageSegMode.PSM_SINGLE_LINE);
        try {
            return words(image, dpi);
        } finally {
            api.TessBaseAPISetPageSegMode(handle, TessPageSegMode.PSM_SINGLE_BLOCK);
        }
    }

    /**
     * Recognises each rectangle of a page on its own (the image is set once), for re-reading
     * doubtful cells. Word boxes are in page pixels.
     */
    List<List<OcrWord>> wordsIn(GrayImage image, int dpi, List<RuledCells.Cell> cells) {
        if (handle == null) throw new IllegalStateException("engine closed");
        ByteBuffer pixels = ByteBuffer.allocateDirect(image.pixels().length);
        pixels.put(image.pixels()).flip();
        api.TessBaseAPISetImage(handle, pixels, image.width(), image.height(), 1, image.width());
        api.TessBaseAPISetSourceResolution(handle, dpi);
        List<List<OcrWord>> out = new ArrayList<>(cells.size());
        try {
            for (RuledCells.Cell c : cells) {
                api.TessBaseAPISetRectangle(handle, c.x0(), c.y0(), c.x1() - c.x0(), c.y1() - c.y0());
                out.add(api.TessBaseAPIRecognize(handle, null) == 0 ? collectWords() : List.of());
            }
            return out;
        } finally {
            api.TessBaseAPIClear(handle);
        }
    }

    private List<OcrWord> collectWords() {
        List<OcrWord> words = new ArrayList<>();
        TessResultIterator ri = api.TessBaseAPIGetIterator(handle);
        if (ri == null) return words;
        int level = TessPageIteratorLevel.RIL_WORD;
        try {
            TessPageIterator pi = api.TessResultIteratorGetPageIterator(ri);
            api.TessPageIteratorBegin(pi);
            IntBuffer left = IntBuffer.allocate(1), top = IntBuffer.allocate(1);
            IntBuffer right = IntBuffer.allocate(1), bottom = IntBuffer.allocate(1);
            do {
                Pointer textPtr = api.TessResultIteratorGetUTF8Text(ri, level);
                if (textPtr == null) continue;
                String text = textPtr.getString(0, StandardCharsets.UTF_8.name()).strip();
                api.TessDeleteText(textPtr);
                if (text.isEmpty()) continue;
                float confidence = api.TessResultIteratorConfidence(ri, level);
                api.TessPageIteratorBoundingBox(pi, level, left, top, right, bottom);
                words.add(new OcrWord(text, left.get(0), top.get(0), right.get(0), bottom.get(0),
                        Math.max(0, Math.min(100, confidence))));
            } while (api.TessPageIteratorNext(pi, level) == 1);
        } finally {
            api.TessResultIteratorDelete(ri);
        }
        return words;
    }

    @Override
    public void close() {
        if (handle != null) {
            api.TessBaseAPIEnd(handle);
            api.TessBaseAPIDelete(handle);
            handle = null;
        }
    }
}
