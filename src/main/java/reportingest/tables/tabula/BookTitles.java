package reportingest.tables.tabula;

import reportingest.catalog.Catalog;
import reportingest.catalog.LabelCatalog;
import reportingest.tables.RawTable;
import reportingest.tables.TitleReading;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Other readings of a title's words confirm its unsure characters. A book prints the same words in title after title
 * (社会保险基金预算, 济南高新区, 执行情况表: c01 opens nine titles each with 2021年济南高新区): a character OCR was unsure of
 * stands when it and a neighbour form a pair of characters that another table's title of the same book holds with both
 * read surely, or that the catalog's own vocabulary (form titles, subject names) prints. A misread glyph (例依 for 保险,
 * 文出 for 支出, 改府 for 政府) forms no such pair and stays unsure, and its table is flagged; so does a stray mark.
 * A quote mark (“三公”) OCR always reads unsure stands where the catalog prints one between the same two characters.
 * A contents list's line is one more reading of a title, and the one reading of the same form number.
 */
final class BookTitles {
    private final Set<String> vocabulary;

    BookTitles(Set<String> vocabulary) {
        this.vocabulary = vocabulary;
    }

    /** The catalog's form titles and subject names as pairs of characters. */
    static BookTitles fromCatalog() {
        Set<String> pairs = new HashSet<>();
        for (String t : Catalog.load().titlesLongestFirst()) pairs.addAll(pairs(t));
        LabelCatalog labels = LabelCatalog.load();
        for (String system : List.of("function", "economic")) {
            labels.codes(system).values().forEach(names -> names.forEach(n -> pairs.addAll(pairs(n))));
        }
        return new BookTitles(pairs);
    }

    /** The tables with their titles' characters that other titles of the book confirm vouched for. */
    List<RawTable> confirm(List<RawTable> tables) {
        return confirm(tables, Map.of());
    }

    /**
     * As {@link #confirm(List)}, with the titles a contents list reads ({@link ContentsTitles}: form number to reading)
     * as second readings. Where the two read the same title, it stands; where they differ, the one whose every character
     * is vouched for is taken and the other kept beside it (the caption's own reading, when the contents line's is
     * taken); where both or neither are, the caption's stays, with the contents line's beside it, and is in doubt.
     */
    List<RawTable> confirm(List<RawTable> tables, Map<String, TitleReading> contents) {
        List<TitleReading> readings = new ArrayList<>();
        for (RawTable t : tables) readings.add(t.titleReading() == null ? null : lookAlikesDoubted(t.titleReading()));
        List<String> listed = new ArrayList<>(contents.keySet());
        for (String k : listed) readings.add(contents.get(k) == null ? null : lookAlikesDoubted(contents.get(k)));
        // where each pair is read surely: by reading, so that a title never confirms itself
        Map<String, Set<Integer>> sureIn = new HashMap<>();
        for (int t = 0; t < readings.size(); t++) {
            TitleReading r = readings.get(t);
            if (r == null) continue;
            String s = r.text();
            for (int i = 0; i + 1 < s.length(); i++)
                if (r.sureAt(i) && r.sureAt(i + 1)) sureIn.computeIfAbsent(s.substring(i, i + 2), k -> new HashSet<>()).add(t);
        }
        List<RawTable> out = new ArrayList<>();
        for (int t = 0; t < tables.size(); t++) {
            RawTable raw = tables.get(t);
            TitleReading r = readings.get(t);
            if (r == null) {
                out.add(raw);
                continue;
            }
            TitleReading own = byPairs(r, t, sureIn);
            int at = raw.formNo() == null ? -1 : listed.indexOf(ContentsTitles.key(raw.formNo()));
            if (at < 0) {
                out.add(raw.withTitleReading(own));
                continue;
            }
            TitleReading second = byPairs(readings.get(tables.size() + at), tables.size() + at, sureIn);
            // two readings alike stand, but for a look-alike both may have misread the same way
            if (CaptionText.compact(second.text()).equals(CaptionText.compact(r.text())))
                out.add(raw.withTitleReading(own.allConfirmed().doubted(lookAlikes(r.text()))));
            else if (second.sure() && !own.sure())
                out.add(raw.withTitle(second.text(), new TitleReading(second.text(), List.of(), r.text(), true)));
            else if (own.sure() && !second.sure()) out.add(raw.withTitleReading(own));
            else out.add(raw.withTitleReading(own.besides(second.text())));
        }
        return out;
    }

    /** Characters OCR reads one for the other however sure it is (收入 read 收人 at 93 by both engines on c01). */
    private static final Map<Character, String> LOOK_ALIKES = Map.of('人', "入", '入', "人", '己', "已", '已', "己",
            '未', "末", '末', "未", '土', "士", '士', "土", '千', "干", '干', "千");

    /**
     * The reading with a character read surely made unsure where it is one of a look-alike pair and neither of its
     * pairs of characters is in the vocabulary while its look-alike's is (收人决算: 收入 is printed, 收人 and 人决 are
     * not). Other titles of the book do not vouch here: OCR misreads the same word the same way in title after title.
     */
    private TitleReading lookAlikesDoubted(TitleReading r) {
        return r.doubted(lookAlikes(r.text()));
    }

    /** Where the text holds a look-alike that the vocabulary says is the other one. */
    private List<Integer> lookAlikes(String s) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < s.length(); i++) if (vouchedLookAlike(s, i) != null) out.add(i);
        return out;
    }

    /**
     * The look-alike of {@code s[i]} that forms a pair the vocabulary prints with a neighbour, where {@code s[i]}
     * forms none (收人决算: 入, of 收入); null where there is none.
     */
    Character vouchedLookAlike(String s, int i) {
        String alikes = LOOK_ALIKES.get(s.charAt(i));
        if (alikes == null || inVocabulary(s, i, s.charAt(i))) return null;
        for (char a : alikes.toCharArray()) if (inVocabulary(s, i, a)) return a;
        return null;
    }

    /** The title with {@code c} at {@code i} has a pair with a neighbour that the vocabulary prints. */
    private boolean inVocabulary(String s, int i, char c) {
        return i > 0 && vocabulary.contains("" + s.charAt(i - 1) + c) || i + 1 < s.length() && vocabulary.contains("" + c + s.charAt(i + 1));
    }

    /** The reading with the unsure characters that a pair read surely elsewhere, or the vocabulary, vouches for. */
    private TitleReading byPairs(TitleReading r, int self, Map<String, Set<Integer>> sureIn) {
        if (r.sure()) return r;
        Set<Integer> confirmed = new HashSet<>();
        String s = r.text();
        for (int i : r.unsure()) {
            if (quote(s.charAt(i))) {
                // a quote mark stands where the catalog prints one between the same two characters (拨款“三公”经费)
                if (i > 0 && i + 1 < s.length() && vocabulary.contains(s.substring(i - 1, i + 1)) && vocabulary.contains(s.substring(i, i + 2)))
                    confirmed.add(i);
                continue;
            }
            if (!confirmable(s.charAt(i))) continue;
            if (i > 0 && confirms(s.substring(i - 1, i + 1), self, sureIn) || i + 1 < s.length() && confirms(s.substring(i, i + 2), self, sureIn))
                confirmed.add(i);
        }
        return r.confirmed(confirmed);
    }

    /** Chinese characters, digits and brackets can be read again elsewhere; a speck or a stray letter cannot. */
    private static boolean confirmable(char c) {
        return CaptionText.han(c) || Character.isDigit(c) || "()（）-－—–".indexOf(c) >= 0;
    }

    private static boolean quote(char c) {
        return "“”‘’\"".indexOf(c) >= 0;
    }

    private boolean confirms(String pair, int self, Map<String, Set<Integer>> sureIn) {
        if (pair.chars().anyMatch(c -> !confirmable((char) c))) return false;
        if (vocabulary.contains(pair)) return true;
        Set<Integer> in = sureIn.get(pair);
        return in != null && (in.size() > 1 || !in.contains(self));
    }

    private static List<String> pairs(String s) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i + 1 < s.length(); i++) out.add(s.substring(i, i + 2));
        return out;
    }
}
