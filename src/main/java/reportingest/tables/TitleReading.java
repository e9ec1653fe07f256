package reportingest.tables;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * A table title as OCR read it, with the characters nothing vouches for: read with low confidence, or a stray letter
 * or mark among Chinese characters (保险 read 例依 at confidence 0, 支出 read 文出, 财政专户Y管理v资金). A text layer's
 * title has no reading (its characters are the file's own).
 *
 * @param text   the title as exported
 * @param unsure positions (UTF-16 indices into {@code text}) of the characters not vouched for, ascending
 * @param other  another reading of the same title that differs from {@code text} (the book's contents list prints each
 *               form's number and title a second time), null where none was read or both agree
 * @param taken  {@code text} is that other reading, taken for the caption's own, which is then {@code other}
 * @param mendedFrom the caption's reading before its unsure characters were mended from words the book's other titles
 *               read surely in the same place (社会例依基金 to 社会保险基金), null where nothing was mended; a mended
 *               title never stands on its own: the mended characters are its unsure ones
 */
public record TitleReading(String text, List<Integer> unsure, String other, boolean taken, String mendedFrom) {
    public TitleReading {
        unsure = List.copyOf(new TreeSet<>(unsure));
    }

    public TitleReading(String text, List<Integer> unsure, String other, boolean taken) {
        this(text, unsure, other, taken, null);
    }

    public TitleReading(String text, List<Integer> unsure) {
        this(text, unsure, null, false);
    }

    /** Every character vouched for. */
    public boolean sure() { return unsure.isEmpty(); }

    public boolean sureAt(int i) { return !unsure.contains(i); }

    /** The same reading with the characters at {@code confirmed} vouched for (by another reading of the same words). */
    public TitleReading confirmed(Set<Integer> confirmed) {
        List<Integer> left = new ArrayList<>(unsure);
        left.removeAll(confirmed);
        return new TitleReading(text, left, other, taken, mendedFrom);
    }

    /** The same reading with the characters at {@code doubted} not vouched for. */
    public TitleReading doubted(List<Integer> doubted) {
        if (doubted.isEmpty()) return this;
        List<Integer> all = new ArrayList<>(unsure);
        all.addAll(doubted);
        return new TitleReading(text, all, other, taken, mendedFrom);
    }

    /** Every character vouched for: another reading read the same title. */
    public TitleReading allConfirmed() {
        return new TitleReading(text, List.of(), null, false);
    }

    /** The same reading beside another one that differs and did not win. */
    public TitleReading besides(String otherReading) {
        return new TitleReading(text, unsure, otherReading, false, mendedFrom);
    }

    /** The same reading's text mended: {@code unsure} are the characters put in and those left unsure. */
    public TitleReading mended(String mendedText, List<Integer> stillUnsure) {
        return new TitleReading(mendedText, stillUnsure, other, false, text);
    }

    /** Nothing speaks against the title: every character vouched for, none mended, and no other reading differs. */
    public boolean stands() {
        return sure() && mendedFrom == null && (other == null || taken);
    }

    /** The title with each run of unsure characters in 〔〕, for a reviewer: 2021年…社会〔例依〕基金… */
    public String marked() {
        StringBuilder sb = new StringBuilder();
        boolean open = false;
        for (int i = 0; i < text.length(); i++) {
            boolean u = unsure.contains(i);
            if (u && !open) sb.append('〔');
            if (!u && open) sb.append('〕');
            open = u;
            sb.append(text.charAt(i));
        }
        if (open) sb.append('〕');
        return sb.toString();
    }
}
