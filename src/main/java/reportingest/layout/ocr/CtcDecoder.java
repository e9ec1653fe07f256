package reportingest.layout.ocr;

import java.util.ArrayList;
import java.util.List;

/**
 * Greedy CTC decoding of a PP-OCR recognition output: per time step the most probable class, repeats
 * collapsed, the blank (class 0) dropped. The classes are PP-OCR's: 0 is the blank, 1..n the lines of
 * {@code ppocr_keys_v1.txt}, n+1 a space. Each character keeps the time step it was read at, so a
 * reading can be cut into words with boxes of their own (the steps map linearly onto the crop's width).
 */
final class CtcDecoder {
    /** One decoded line: its characters, the time step of each, their probabilities, the step count. */
    record Decoded(String[] chars, int[] steps, float[] probabilities, int stepCount) {
        String text() { return String.join("", chars); }

        /** Mean probability of the characters kept, 0..100 (0 for an empty reading). */
        double confidence() {
            if (probabilities.length == 0) return 0;
            double sum = 0;
            for (float p : probabilities) sum += p;
            return Math.round(sum / probabilities.length * 1000) / 10.0;
        }
    }

    private final String[] classes;

    /** @param keys the dictionary's characters in file order (without the blank and the trailing space) */
    CtcDecoder(List<String> keys) {
        classes = new String[keys.size() + 2];
        classes[0] = "";
        for (int i = 0; i < keys.size(); i++) classes[i + 1] = keys.get(i);
        classes[keys.size() + 1] = " ";
    }

    int classCount() { return classes.length; }

    /**
     * @param probs  row-major [steps × classes] probabilities of one sample
     * @param offset where the sample starts in {@code probs}
     */
    Decoded decode(float[] probs, int offset, int steps, int classCount) {
        if (classCount != classes.length) {
            throw new IllegalArgumentException("model has " + classCount + " classes, dictionary " + classes.length);
        }
        List<String> text = new ArrayList<>();
        List<Integer> at = new ArrayList<>();
        List<Float> p = new ArrayList<>();
        int previous = -1;
        for (int t = 0; t < steps; t++) {
            int base = offset + t * classCount;
            int best = 0;
            float bestP = probs[base];
            for (int c = 1; c < classCount; c++) {
                if (probs[base + c] > bestP) { bestP = probs[base + c]; best = c; }
            }
            if (best != 0 && best != previous) {
                text.add(classes[best]);
                at.add(t);
                p.add(bestP);
            }
            previous = best;
        }
        int[] stepsOut = new int[at.size()];
        float[] pOut = new float[p.size()];
        for (int i = 0; i < stepsOut.length; i++) { stepsOut[i] = at.get(i); pOut[i] = p.get(i); }
        return new Decoded(text.toArray(String[]::new), stepsOut, pOut, steps);
    }
}
