package reportingest.layout.ocr;

import java.util.ArrayList;
import java.util.List;

/**
 * Text boxes from the probability map of a DB (differentiable binarisation) text detector, as PP-OCR's
 * own post-processing makes them for straight text: the map thresholded, connected regions
 * (8-neighbours) taken as text, a region kept when its box's mean probability reaches
 * {@link #BOX_THRESHOLD}, and its box grown back by the margin DB trained its maps to shrink
 * ({@code unclip}: area × ratio / perimeter on each side). Boxes are axis-aligned: pages reach the
 * detector already straightened.
 */
final class DbPostProcess {
    static final float THRESHOLD = 0.3f;
    static final float BOX_THRESHOLD = 0.6f;
    static final double UNCLIP_RATIO = 1.5;
    private static final int MIN_SIDE = 3;

    /** A box in map pixels, right and bottom exclusive. */
    record Box(int x0, int y0, int x1, int y1, double score) {
        int width() { return x1 - x0; }
        int height() { return y1 - y0; }
    }

    private DbPostProcess() {}

    static List<Box> boxes(float[] prob, int width, int height) {
        boolean[] seen = new boolean[width * height];
        int[] stack = new int[width * height];
        List<Box> out = new ArrayList<>();
        for (int start = 0; start < prob.length; start++) {
            if (seen[start] || prob[start] <= THRESHOLD) continue;
            int minX = width, minY = height, maxX = -1, maxY = -1;
            int top = 0;
            stack[top++] = start;
            seen[start] = true;
            while (top > 0) {
                int i = stack[--top];
                int x = i % width, y = i / width;
                if (x < minX) minX = x;
                if (x > maxX) maxX = x;
                if (y < minY) minY = y;
                if (y > maxY) maxY = y;
                for (int dy = -1; dy <= 1; dy++) {
                    int ny = y + dy;
                    if (ny < 0 || ny >= height) continue;
                    for (int dx = -1; dx <= 1; dx++) {
                        int nx = x + dx;
                        if (nx < 0 || nx >= width || (dx == 0 && dy == 0)) continue;
                        int j = ny * width + nx;
                        if (!seen[j] && prob[j] > THRESHOLD) {
                            seen[j] = true;
                            stack[top++] = j;
                        }
                    }
                }
            }
            int w = maxX - minX + 1, h = maxY - minY + 1;
            if (Math.min(w, h) < MIN_SIDE) continue;
            double score = mean(prob, width, minX, minY, maxX + 1, maxY + 1);
            if (score < BOX_THRESHOLD) continue;
            double d = (double) w * h * UNCLIP_RATIO / (2.0 * (w + h));
            int x0 = (int) Math.max(0, Math.floor(minX - d)), y0 = (int) Math.max(0, Math.floor(minY - d));
            int x1 = (int) Math.min(width, Math.ceil(maxX + 1 + d)), y1 = (int) Math.min(height, Math.ceil(maxY + 1 + d));
            if (Math.min(x1 - x0, y1 - y0) < MIN_SIDE + 2) continue;
            out.add(new Box(x0, y0, x1, y1, score));
        }
        return out;
    }

    private static double mean(float[] prob, int width, int x0, int y0, int x1, int y1) {
        double sum = 0;
        for (int y = y0; y < y1; y++) for (int x = x0; x < x1; x++) sum += prob[y * width + x];
        return sum / ((double) (x1 - x0) * (y1 - y0));
    }
}
