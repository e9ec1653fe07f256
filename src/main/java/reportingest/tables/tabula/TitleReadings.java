package reportingest.tables.tabula;

import reportingest.layout.Word;
import reportingest.tables.TitleReading;

import java.util.ArrayList;
import java.util.List;

/**
 * Which characters of an OCR'd title OCR vouches for. A Chinese character, a digit or a bracket is vouched for when
 * its word was read at {@link #SURE} confidence or more: on the scan c01 the misread title characters come at 0 to 79
 * (保险 read 例依 at 68/0, 支出 read 文出 at 54–77, 政府 read 改府 at 78) while the print read right mostly comes at 85 to
 * 96. A Latin letter among Chinese characters (Y, v, EY between 专户 and 管理) or any other mark (| ~ » 〈 ，) is a speck,
 * a rule or a misread glyph, never vouched for however sure OCR says it is; a word of three letters or more (PPP,
 * REITs) read surely is a word.
 */
final class TitleReadings {
    /** Word confidence (Tesseract, 0–100) from which a title character stands on its own. */
    static final double SURE = 85;

    private TitleReadings() {}

    /**
     * The reading of {@code title} (as exported: the lines joined, a leading page mark cut) from the words its lines
     * hold, in reading order: each word is found in the title from where the one before it ended; a word cut from the
     * title (the page mark) is found nowhere and says nothing.
     */
    static TitleReading of(String title, List<Word> words) {
        return of(title, words, false);
    }

    /**
     * As {@link #of(String, List)}; with {@code uncoveredUnsure} a character no word was found for is unsure too (a
     * contents line, whose title is cut from a line of form number, title, leaders and page number: a word running
     * from the title into the leaders is found nowhere, and its characters have no confidence to show).
     */
    static TitleReading of(String title, List<Word> words, boolean uncoveredUnsure) {
        List<Integer> unsure = new ArrayList<>();
        boolean[] covered = new boolean[title.length()];
        int at = 0;
        for (Word w : words) {
            String s = w.text().strip();
            if (s.isEmpty()) continue;
            int i = title.indexOf(s, at);
            if (i < 0) continue;
            for (int k = 0; k < s.length(); k++) {
                covered[i + k] = true;
                if (!vouched(s.charAt(k), s, w.confidence())) unsure.add(i + k);
            }
            at = i + s.length();
        }
        if (uncoveredUnsure) {
            for (int i = 0; i < covered.length; i++) if (!covered[i] && !Character.isWhitespace(title.charAt(i))) unsure.add(i);
        }
        return new TitleReading(title, unsure);
    }

    private static boolean vouched(char c, String word, double confidence) {
        if (Character.isWhitespace(c)) return true;
        boolean sure = confidence >= SURE;
        if (CaptionText.han(c) || Character.isDigit(c) || "()（）-－—–".indexOf(c) >= 0) return sure;
        if (Character.isLetter(c) && c < 0x250) return sure && word.chars().filter(x -> Character.isLetter(x) && x < 0x250).count() >= 3;
        return false;
    }
}
