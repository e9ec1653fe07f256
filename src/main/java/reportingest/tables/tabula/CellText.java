package reportingest.tables.tabula;

import reportingest.layout.Word;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Joins the words of one cell into its text. A cell may hold several printed lines (a wrapped
 * name); Chinese text is joined without a space, within a line and across the wrap, while Latin
 * words and numbers keep a space between them.
 */
final class CellText {
    private CellText() {}

    static String join(List<Word> words) {
        if (words.isEmpty()) return "";
        List<List<Word>> lines = lines(words);
        StringBuilder sb = new StringBuilder();
        for (List<Word> line : lines) {
            for (Word w : line) append(sb, w.text().strip());
        }
        return sb.toString();
    }

    static void append(StringBuilder sb, String next) {
        if (next.isEmpty()) return;
        if (sb.length() > 0 && needsSpace(sb.charAt(sb.length() - 1), next.charAt(0))) sb.append(' ');
        sb.append(next);
    }

    private static boolean needsSpace(char before, char after) {
        return !cjk(before) && !cjk(after);
    }

    static boolean cjk(char c) {
        Character.UnicodeScript s = Character.UnicodeScript.of(c);
        if (s == Character.UnicodeScript.HAN) return true;
        Character.UnicodeBlock b = Character.UnicodeBlock.of(c);
        return b == Character.UnicodeBlock.CJK_SYMBOLS_AND_PUNCTUATION
                || b == Character.UnicodeBlock.HALFWIDTH_AND_FULLWIDTH_FORMS
                || b == Character.UnicodeBlock.GENERAL_PUNCTUATION && c != '-';
    }

    /** Words in reading order: lines top to bottom (by vertical overlap), left to right within a line. */
    static List<List<Word>> lines(List<Word> words) {
        List<Word> sorted = new ArrayList<>(words);
        sorted.sort(Comparator.comparingDouble(w -> w.bbox().y() + w.bbox().height() / 2));
        List<List<Word>> lines = new ArrayList<>();
        List<Word> current = new ArrayList<>();
        double sum = 0;
        double height = 0;
        for (Word w : sorted) {
            double c = w.bbox().y() + w.bbox().height() / 2;
            double h = Math.max(height, w.bbox().height());
            if (!current.isEmpty() && c - sum / current.size() > 0.5 * h) {
                lines.add(current);
                current = new ArrayList<>();
                sum = 0;
                height = 0;
            }
            current.add(w);
            sum += c;
            height = Math.max(height, w.bbox().height());
        }
        if (!current.isEmpty()) lines.add(current);
        for (List<Word> l : lines) l.sort(Comparator.comparingDouble(w -> w.bbox().x()));
        return lines;
    }
}
