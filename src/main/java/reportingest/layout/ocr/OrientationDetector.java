package reportingest.layout.ocr;

import com.sun.jna.ptr.PointerByReference;
import net.sourceforge.tess4j.ITessAPI.TessBaseAPI;
import net.sourceforge.tess4j.ITessAPI.TessOcrEngineMode;
import net.sourceforge.tess4j.TessAPI;

import java.nio.ByteBuffer;
import java.nio.FloatBuffer;
import java.nio.IntBuffer;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Tesseract's orientation detection (OSD, {@code osd.traineddata}) for a page printed turned on its sheet: a landscape
 * table scanned on a portrait page without /Rotate. Asked only about pages whose upright reading is doubtful, on the
 * page at 150 dpi (enough for OSD, a quarter of the pixels). One native instance, used by one thread at a time.
 */
final class OrientationDetector implements AutoCloseable {
    /** OSD's confidence below which its answer is not taken (a clear page of print scores 10–20). */
    static final float MIN_CONFIDENCE = 5f;
    static final int DPI = 150;

    private final TessAPI api = TessAPI.INSTANCE;
    private TessBaseAPI handle;

    private OrientationDetector(TessBaseAPI handle) {
        this.handle = handle;
    }

    /** The detector, or null when the folder has no osd.traineddata or it does not load. */
    static OrientationDetector load(String tessdata) {
        if (!Files.isRegularFile(Path.of(tessdata, "osd.traineddata"))) return null;
        TessAPI api = TessAPI.INSTANCE;
        TessBaseAPI h = api.TessBaseAPICreate();
        if (api.TessBaseAPIInit2(h, tessdata, "osd", TessOcrEngineMode.OEM_TESSERACT_ONLY) != 0) {
            api.TessBaseAPIDelete(h);
            return null;
        }
        api.TessBaseAPISetVariable(h, "debug_file", "/dev/null");
        return new OrientationDetector(h);
    }

    /**
     * Degrees (90, 180, 270) to turn the page clockwise so that its print stands upright; 0 when it already does or
     * when OSD is not sure.
     */
    synchronized int clockwise(GrayImage page, int dpi) {
        if (handle == null) return 0;
        GrayImage small = dpi > DPI ? OcrResolution.resample(page, dpi, DPI) : page;
        ByteBuffer pixels = ByteBuffer.allocateDirect(small.pixels().length);
        pixels.put(small.pixels()).flip();
        api.TessBaseAPISetImage(handle, pixels, small.width(), small.height(), 1, small.width());
        api.TessBaseAPISetSourceResolution(handle, Math.min(dpi, DPI));
        try {
            IntBuffer degrees = IntBuffer.allocate(1);
            FloatBuffer confidence = FloatBuffer.allocate(1), scriptConfidence = FloatBuffer.allocate(1);
            PointerByReference script = new PointerByReference();
            if (api.TessBaseAPIDetectOrientationScript(handle, degrees, confidence, script, scriptConfidence) == 0) return 0;
            if (confidence.get(0) < MIN_CONFIDENCE) return 0;
            // Tesseract states the print's orientation (counter-clockwise); turning it back is the rest of a turn
            return (360 - degrees.get(0)) % 360;
        } finally {
            api.TessBaseAPIClear(handle);
        }
    }

    @Override
    public synchronized void close() {
        if (handle != null) {
            api.TessBaseAPIEnd(handle);
            api.TessBaseAPIDelete(handle);
            handle = null;
        }
    }
}
