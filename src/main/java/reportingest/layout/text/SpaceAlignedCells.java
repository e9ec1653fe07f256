package reportingest.layout.text;

import reportingest.layout.BBox;
import reportingest.layout.TextLine;
import reportingest.layout.Word;

import java.util.ArrayList;
import java.util.List;

/**
 * Space-aligned OCR output: a line without tabs whose cells are separated by runs of two or more
 * spaces. Such a line is split at those runs, every further two spaces of a run standing for one
 * empty cell, so that blank columns keep their position. Readers of table rows use this; running
 * text keeps its line as printed.
 */
public final class SpaceAlignedCells {
    private SpaceAlignedCells() {}

    /** True when the line is one tab-free piece of text with space runs in it. */
    public static boolean applies(TextLine line) {
        return line.words().size() == 1 && line.words().get(0).text().contains("  ");
    }

    /** The line with its space runs turned into cells; the line itself when it has none. */
    public static TextLine cells(TextLine line) {
        if (!applies(line)) return line;
        Word w = line.words().get(0);
        List<Word> words = new ArrayList<>();
        int i = 0;
        for (String part : split(w.text())) {
            words.add(new Word(part, new BBox(i++, w.bbox().y(), 1, 1), w.confidence()));
        }
        return new TextLine(line.lineNo(), words);
    }

    /** Splits at runs of 2+ ASCII spaces; a run of n spaces is n/2 cell boundaries. */
    public static List<String> split(String text) {
        List<String> parts = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == ' ') {
                int j = i;
                while (j < text.length() && text.charAt(j) == ' ') j++;
                int run = j - i;
                if (run >= 2) {
                    for (int k = 0; k < run / 2; k++) {
                        parts.add(cur.toString());
                        cur.setLength(0);
                    }
                } else {
                    cur.append(' ');
                }
                i = j;
            } else {
                cur.append(c);
                i++;
            }
        }
        parts.add(cur.toString());
        return parts;
    }
}
