package reportingest.layout.ocr;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Second reading of doubtful text lines outside the table grid, above all table titles. Whole-page
 * OCR (psm 6) reads a page as one block sized for its body text; a title printed two or three times
 * larger comes out as Latin junk ("Sh REAR" for 支出决算表) with low confidence, and the table then
 * cannot be named. Read on its own as one line (psm 7) and brought down to body-text size, the same
 * title reads correctly (measured: at its printed size the crop still gave 文出决算表, at half size
 * 支出决算表). Enlarging does not help; large print is the problem. The second reading replaces the
 * first only when it is more confident; letters alone on a Chinese page, when it is print ({@link LatinJunk}).
 * Lines inside ruled cells are {@link CellRereader}'s.
 */
final class LineRereader {
    /** A line whose words average below this confidence is read again. */
    static final double DOUBTFUL = 80;
    /** Glyph height (px at 300 dpi) the line is scaled down to: body-text size, which the model reads best. */
    static final double BODY_TEXT_PX = 34;
    /** At most this many lines per page are read again (lowest confidence first), bounding the cost of junk pages. */
    static final int MAX_LINES = 12;
    /** Parts of a line further apart than this many line heights are read apart (部门：…   单位：万元). */
    private static final double WIDE_GAP = 2.0;
    private static final int MARGIN = 12;
    /** A doubtful part this many times the page's word height is text wrapped over lines, read as a block. */
    static final double WRAPPED = 1.7;

    private LineRereader() {}

    static List<OcrWord> improve(TesseractEngine engine, GrayImage image, int dpi, List<OcrWord> words,
                                 List<RuledCells.Cell> cells) {
        return improve(engine, image, dpi, words, cells, false);
    }

    /**
     * Only the lines where a word {@link #swallows} the print beside it: for a 1-bit page, after its smoothed reading
     * took from the plain one what smoothing lost (a whole title line on c01 p76, one of its words boxed over four).
     */
    static List<OcrWord> improveSwallowing(TesseractEngine engine, GrayImage image, int dpi, List<OcrWord> words,
                                           List<RuledCells.Cell> cells) {
        return improve(engine, image, dpi, words, cells, true);
    }

    private static List<OcrWord> improve(TesseractEngine engine, GrayImage image, int dpi, List<OcrWord> words,
                                         List<RuledCells.Cell> cells, boolean onlySwallowing) {
        // Words touching a cell belong to the table (a stray mark on a ruling between two cells, say).
        List<OcrWord> outside = words.stream()
                .filter(w -> cells.stream().noneMatch(c -> overlaps(c, w.left(), w.top(), w.right(), w.bottom())))
                .toList();
        boolean chinese = LatinJunk.chinesePage(words);
        List<List<OcrWord>> doubtful = lineParts(outside).stream()
                .filter(p -> onlySwallowing ? p.stream().anyMatch(LineRereader::swallows) : mean(p) < DOUBTFUL || chinese && LatinJunk.suspect(p))
                .sorted(Comparator.comparingDouble(LineRereader::mean)).limit(MAX_LINES).toList();
        if (doubtful.isEmpty()) return words;
        List<OcrWord> out = new ArrayList<>(words);
        int bodyHeight = medianHeight(words);
        for (List<OcrWord> before : doubtful) {
            List<OcrWord> after = bodyHeight > 0 && medianHeight(before) >= WRAPPED * bodyHeight && besideBodyText(before, words, bodyHeight)
                    ? rereadBlocks(engine, image, dpi, before, cells, bodyHeight)
                    : reread(engine, image, dpi, before, cells);
            boolean better = chinese && LatinJunk.suspect(before) ? LatinJunk.readAsPrint(after, before)
                    // a line that lost print inside a swallowing word: the reading that has it, sure or not (then flagged)
                    : onlySwallowing ? characters(after) > characters(before)
                    : mean(after) > mean(before);
            if (after.isEmpty() || !better) continue;
            out.removeAll(before);
            out.addAll(notReadYet(after, out));
        }
        return out;
    }

    /**
     * The words of a second reading that the page does not hold yet. A crop takes in a little of its neighbours (a
     * header line 4 px under the next, a block's margin over the next word), whose words come back read again: kept
     * beside the page's own reading they doubled the text of a header cell (小计计, 公务用用车车购置).
     */
    static List<OcrWord> notReadYet(List<OcrWord> after, List<OcrWord> page) {
        List<OcrWord> out = new ArrayList<>(after.size());
        for (OcrWord w : after) {
            if (page.stream().noneMatch(p -> sameWord(p, w)) && out.stream().noneMatch(p -> sameWord(p, w))) out.add(w);
        }
        return out;
    }

    /** The same text over mostly the same pixels: half of the smaller box or more. */
    private static boolean sameWord(OcrWord a, OcrWord b) {
        if (!a.text().equals(b.text())) return false;
        long ix = Math.max(0, Math.min(a.right(), b.right()) - Math.max(a.left(), b.left()));
        long iy = Math.max(0, Math.min(a.bottom(), b.bottom()) - Math.max(a.top(), b.top()));
        long smaller = Math.min((long) (a.right() - a.left()) * a.height(), (long) (b.right() - b.left()) * b.height());
        return smaller > 0 && 2 * ix * iy >= smaller;
    }

    /** Reads the part's box (with a margin) as one line, scaled to body-text size; boxes in page pixels. */
    private static List<OcrWord> reread(TesseractEngine engine, GrayImage image, int dpi, List<OcrWord> part,
                                        List<RuledCells.Cell> cells) {
        int h = medianHeight(part);
        int x0 = Math.max(0, part.stream().mapToInt(OcrWord::left).min().orElse(0) - h / 2);
        int x1 = Math.min(image.width(), part.stream().mapToInt(OcrWord::right).max().orElse(0) + h / 2);
        int y0 = Math.max(0, part.stream().mapToInt(OcrWord::top).min().orElse(0) - h / 3);
        int y1 = Math.min(image.height(), part.stream().mapToInt(OcrWord::bottom).max().orElse(0) + h / 3);
        if (x1 - x0 < 2 || y1 - y0 < 2) return List.of();
        // The crop must not take in text of the table, which would come back as this line's words.
        if (cells.stream().anyMatch(c -> overlaps(c, x0, y0, x1, y1))) return List.of();
        double scale = Math.min(1.0, BODY_TEXT_PX * dpi / 300.0 / Math.max(1, h));
        GrayImage line = scaledCrop(image, x0, y0, x1, y1, scale);
        List<OcrWord> read = engine.line(line, (int) Math.round(dpi * scale));
        List<OcrWord> out = new ArrayList<>(read.size());
        for (OcrWord w : read) {
            out.add(new OcrWord(w.text(),
                    x0 + (int) Math.round((w.left() - MARGIN) / scale), y0 + (int) Math.round((w.top() - MARGIN) / scale),
                    x0 + (int) Math.round((w.right() - MARGIN) / scale), y0 + (int) Math.round((w.bottom() - MARGIN) / scale),
                    w.confidence()));
        }
        return out;
    }

    /**
     * A tall part stands beside text of body size at its height (项目 行次 合计 beside a header wrapped in its narrow
     * column): lines of body text, not one line of large print (a title, which is read as one line).
     */
    private static boolean besideBodyText(List<OcrWord> part, List<OcrWord> words, int bodyHeight) {
        int top = part.stream().mapToInt(OcrWord::top).min().orElse(0), bottom = part.stream().mapToInt(OcrWord::bottom).max().orElse(0);
        for (OcrWord w : words) {
            if (part.contains(w) || w.height() > 1.3 * bodyHeight) continue;
            double c = w.centerY();
            if (c > top && c < bottom && LatinJunk.hasHan(w.text())) return true;
        }
        return false;
    }

    /**
     * Reads each word of the part as a block of lines (psm 6), scaled so that its lines come to body-text size:
     * a header text wrapped over two or three tight lines in a narrow unruled column (一般公共预算财 / 政拨款) is taken
     * by the page reading for one word two lines high and read as junk ("ee"); a single-line reading of it fails
     * the same way. Boxes in page pixels.
     */
    private static List<OcrWord> rereadBlocks(TesseractEngine engine, GrayImage image, int dpi, List<OcrWord> part,
                                              List<RuledCells.Cell> cells, int lineHeight) {
        double scale = Math.min(1.0, BODY_TEXT_PX * dpi / 300.0 / Math.max(1, lineHeight));
        List<OcrWord> out = new ArrayList<>();
        for (OcrWord w : part) {
            int x0 = Math.max(0, w.left() - lineHeight / 2), x1 = Math.min(image.width(), w.right() + lineHeight / 2);
            int y0 = Math.max(0, w.top() - lineHeight / 3), y1 = Math.min(image.height(), w.bottom() + lineHeight / 3);
            if (x1 - x0 < 2 || y1 - y0 < 2 || cells.stream().anyMatch(c -> overlaps(c, x0, y0, x1, y1))) return List.of();
            GrayImage block = scaledCrop(image, x0, y0, x1, y1, scale);
            for (OcrWord r : engine.words(block, (int) Math.round(dpi * scale))) {
                out.add(new OcrWord(r.text(),
                        x0 + (int) Math.round((r.left() - MARGIN) / scale), y0 + (int) Math.round((r.top() - MARGIN) / scale),
                        x0 + (int) Math.round((r.right() - MARGIN) / scale), y0 + (int) Math.round((r.bottom() - MARGIN) / scale),
                        r.confidence()));
            }
        }
        return out;
    }

    /** The rectangle, scaled, on a white margin (Tesseract reads a line badly when ink touches the edge). */
    static GrayImage scaledCrop(GrayImage image, int x0, int y0, int x1, int y1, double scale) {
        int w = Math.max(1, (int) Math.round((x1 - x0) * scale));
        int h = Math.max(1, (int) Math.round((y1 - y0) * scale));
        BufferedImage src = new BufferedImage(x1 - x0, y1 - y0, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = y0; y < y1; y++) {
            for (int x = x0; x < x1; x++) src.getRaster().setSample(x - x0, y - y0, 0, image.at(x, y));
        }
        BufferedImage dst = new BufferedImage(w + 2 * MARGIN, h + 2 * MARGIN, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = dst.createGraphics();
        g.setColor(java.awt.Color.WHITE);
        g.fillRect(0, 0, dst.getWidth(), dst.getHeight());
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        g.drawImage(src, MARGIN, MARGIN, w, h, null);
        g.dispose();
        return GrayImage.wrap(dst);
    }

    /** Words grouped into lines by vertical overlap, each line cut at wide gaps into parts. */
    static List<List<OcrWord>> lineParts(List<OcrWord> words) {
        List<OcrWord> sorted = new ArrayList<>(words);
        sorted.sort(Comparator.comparingDouble(OcrWord::centerY));
        List<List<OcrWord>> lines = new ArrayList<>();
        for (OcrWord w : sorted) {
            List<OcrWord> line = lines.isEmpty() ? null : lines.get(lines.size() - 1);
            if (line != null && overlaps(line, w)) line.add(w); else lines.add(new ArrayList<>(List.of(w)));
        }
        List<List<OcrWord>> parts = new ArrayList<>();
        for (List<OcrWord> line : lines) {
            line.sort(Comparator.comparingInt(OcrWord::left));
            int h = medianHeight(line);
            List<OcrWord> part = new ArrayList<>();
            for (OcrWord w : line) {
                if (!part.isEmpty() && w.left() - part.get(part.size() - 1).right() > WIDE_GAP * h) {
                    parts.add(part);
                    part = new ArrayList<>();
                }
                part.add(w);
            }
            parts.add(part);
        }
        return parts;
    }

    private static boolean overlaps(RuledCells.Cell c, int left, int top, int right, int bottom) {
        return left < c.x1() && right > c.x0() && top < c.y1() && bottom > c.y0();
    }

    private static boolean overlaps(List<OcrWord> line, OcrWord w) {
        int top = line.stream().mapToInt(OcrWord::top).min().orElse(0);
        int bottom = line.stream().mapToInt(OcrWord::bottom).max().orElse(0);
        return Math.min(bottom, w.bottom()) - Math.max(top, w.top()) >= 0.5 * Math.min(w.height(), bottom - top);
    }

    /**
     * A word of Chinese whose box is far wider than its characters: the page reading took the print beside it into the
     * word and read none of it (c01 p76: 预算 boxed over 预算结余决算草案, 草案 lost however sure the line reads).
     */
    static boolean swallows(OcrWord w) {
        int n = w.text().codePointCount(0, w.text().length());
        return w.height() > 0 && LatinJunk.hasHan(w.text()) && w.text().chars().noneMatch(Character::isDigit)
                && w.right() - w.left() > (n + 2) * w.height() * 1.2;
    }

    private static int characters(List<OcrWord> ws) {
        return ws.stream().mapToInt(w -> w.text().codePointCount(0, w.text().length())).sum();
    }

    private static int medianHeight(List<OcrWord> ws) {
        int[] hs = ws.stream().mapToInt(OcrWord::height).sorted().toArray();
        return hs.length == 0 ? 0 : hs[hs.length / 2];
    }

    private static double mean(List<OcrWord> ws) {
        return ws.stream().mapToDouble(OcrWord::confidence).average().orElse(0);
    }
}
