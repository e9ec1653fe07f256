package reportingest.layout.pdf;

import reportingest.layout.BBox;
import reportingest.layout.Ruling;
import reportingest.layout.TextLine;
import reportingest.layout.Word;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Groups the characters of a text layer into lines (top to bottom) and words (left to right).
 * Chinese text has no spaces, so a word also ends at a horizontal gap and where a vertical
 * ruling passes between two characters: two table cells never share a word.
 */
final class WordBuilder {
    /** A gap wider than this share of the character height separates words. */
    private static final double WORD_GAP = 0.6;
    /**
     * A gap wider than this share of the character height separates a figure from a figure or a Chinese character
     * (Latin text may set its words this close without spaces: end of 2007). Inside a figure, and between a figure
     * and the 年/万元 it is printed with, glyphs touch; a spreadsheet's unruled
     * columns can sit closer than {@link #WORD_GAP} (Calc pads a cell by about half a character), and an amount
     * must not become one word with the label or code of the next column (1234.56一、一般公共服务支出, 1234.56302).
     */
    private static final double FIGURE_GAP = 0.3;
    /** Characters whose vertical centres differ by less than this share of their height share a line. */
    private static final double SAME_LINE = 0.5;
    /** Confidence of text that the PDF states itself. */
    static final double TEXT_LAYER_CONFIDENCE = 100.0;

    private final List<Ruling> verticals;

    WordBuilder(List<Ruling> rulings) {
        this.verticals = rulings.stream().filter(r -> !r.horizontal()).toList();
    }

    List<TextLine> lines(List<Glyph> glyphs) {
        List<List<Glyph>> lines = groupLines(glyphs);
        List<TextLine> out = new ArrayList<>();
        for (List<Glyph> line : lines) {
            List<Word> words = words(line);
            if (!words.isEmpty()) out.add(new TextLine(out.size() + 1, words));
        }
        return out;
    }

    private static List<List<Glyph>> groupLines(List<Glyph> glyphs) {
        List<Glyph> sorted = new ArrayList<>(glyphs);
        sorted.sort(Comparator.comparingDouble(Glyph::centerY).thenComparingDouble(Glyph::x));
        List<List<Glyph>> lines = new ArrayList<>();
        List<Glyph> current = new ArrayList<>();
        double centreSum = 0;
        double height = 0;
        for (Glyph g : sorted) {
            double h = Math.max(height, g.height());
            if (!current.isEmpty() && g.centerY() - centreSum / current.size() > SAME_LINE * h) {
                lines.add(current);
                current = new ArrayList<>();
                centreSum = 0;
                height = 0;
            }
            current.add(g);
            centreSum += g.centerY();
            height = Math.max(height, g.height());
        }
        if (!current.isEmpty()) lines.add(current);
        for (List<Glyph> l : lines) l.sort(Comparator.comparingDouble(Glyph::x));
        return lines;
    }

    private List<Word> words(List<Glyph> line) {
        List<Word> words = new ArrayList<>();
        List<Glyph> word = new ArrayList<>();
        Glyph prev = null;
        for (Glyph g : line) {
            if (g.blank()) {
                flush(word, words);
                prev = null;
                continue;
            }
            if (prev != null && separated(prev, g)) flush(word, words);
            word.add(g);
            prev = g;
        }
        flush(word, words);
        return words;
    }

    private boolean separated(Glyph a, Glyph b) {
        double h = Math.max(a.height(), b.height());
        double gap = b.x() - a.right();
        if (gap > WORD_GAP * h) return true;
        if (gap > FIGURE_GAP * h && (figure(a) || figure(b)) && (figure(a) || cjk(a)) && (figure(b) || cjk(b))) return true;
        double from = a.centerX();
        double to = b.centerX();
        double top = Math.min(a.y(), b.y());
        double bottom = Math.max(a.bottom(), b.bottom());
        for (Ruling r : verticals) {
            double x = (r.x1() + r.x2()) / 2;
            if (x > from && x < to && Math.min(r.y1(), r.y2()) <= bottom && Math.max(r.y1(), r.y2()) >= top) return true;
        }
        return false;
    }

    private static boolean figure(Glyph g) {
        String t = g.text();
        if (t.length() != 1) return false;
        char c = t.charAt(0);
        return c >= '0' && c <= '9' || c >= '０' && c <= '９';
    }

    private static boolean cjk(Glyph g) {
        String t = g.text();
        return !t.isEmpty() && Character.UnicodeScript.of(t.codePointAt(0)) == Character.UnicodeScript.HAN;
    }

    private static void flush(List<Glyph> word, List<Word> out) {
        if (word.isEmpty()) return;
        StringBuilder text = new StringBuilder();
        double x0 = Double.MAX_VALUE, y0 = Double.MAX_VALUE, x1 = -Double.MAX_VALUE, y1 = -Double.MAX_VALUE;
        for (Glyph g : word) {
            text.append(g.text());
            x0 = Math.min(x0, g.x());
            y0 = Math.min(y0, g.y());
            x1 = Math.max(x1, g.right());
            y1 = Math.max(y1, g.bottom());
        }
        out.add(new Word(text.toString(), new BBox(x0, y0, x1 - x0, y1 - y0), TEXT_LAYER_CONFIDENCE));
        word.clear();
    }
}
