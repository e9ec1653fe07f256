package reportingest.tables.tabula;

import reportingest.catalog.Catalog;
import reportingest.catalog.LabelCatalog;
import reportingest.tables.RawTable;
import reportingest.tables.TitleReading;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Mends an OCR'd title's unsure characters from the words the book's other titles read surely in the same place. A
 * book prints the same words title after title (社会保险基金预算 in fifteen of c01's, 济南高新区 in nine), and OCR misreads
 * them differently each time (例依, 仇人给, 例倍 for 保险): a run of unsure characters between sure ones is replaced by
 * what other readings print between the same sure characters, when they print exactly one thing there (社会例依基金 to
 * 社会保险基金, 专户Y管理 to 专户管理, 预算文出 to 预算支出, never 收入 or 支出 where both are printed beside the same
 * words). The catalog's form titles and subject names are asked only where the book prints nothing there, and a
 * look-alike the vocabulary names (收人 for 收入) where neither speaks. A mended
 * title is still a title OCR was unsure of: it stays flagged, the caption's reading kept beside it.
 */
final class TitleMender {
    /** Sure characters matched on each side of a run (a title's start or end counts as one). */
    static final int CONTEXT = 2;
    private static final char UNSURE = '\u0000', START = '\u0002', END = '\u0003';

    private final List<String> catalog;
    private final BookTitles vocabulary;

    /**
     * @param catalog    words asked where the book prints nothing in a run's place
     * @param vocabulary whose look-alikes (人 for 入) mend a character where nothing else does
     */
    TitleMender(List<String> catalog, BookTitles vocabulary) {
        this.catalog = catalog.stream().map(c -> START + c + END).toList();
        this.vocabulary = vocabulary;
    }

    /** The catalog's form titles and subject names. */
    static TitleMender fromCatalog(BookTitles vocabulary) {
        Set<String> words = new LinkedHashSet<>(Catalog.load().titlesLongestFirst());
        LabelCatalog labels = LabelCatalog.load();
        for (String system : List.of("function", "economic")) labels.codes(system).values().forEach(words::addAll);
        return new TitleMender(new ArrayList<>(words), vocabulary);
    }

    /**
     * The tables with the unsure characters of their titles mended where the other titles of the book, or the
     * contents list's lines ({@link ContentsTitles}), read the same place surely and print one thing there.
     */
    List<RawTable> mend(List<RawTable> tables, Map<String, TitleReading> contents) {
        List<String> readings = new ArrayList<>();
        for (RawTable t : tables) readings.add(t.titleReading() == null ? null : masked(t.titleReading()));
        List<String> listed = contents.values().stream().filter(r -> r != null).map(TitleMender::masked).toList();
        List<RawTable> out = new ArrayList<>();
        for (int t = 0; t < tables.size(); t++) {
            RawTable raw = tables.get(t);
            TitleReading r = raw.titleReading();
            if (r == null || r.sure() || r.taken() || !r.text().equals(raw.title())) {
                out.add(raw);
                continue;
            }
            List<String> book = new ArrayList<>(listed);
            for (int u = 0; u < readings.size(); u++) if (u != t && readings.get(u) != null) book.add(readings.get(u));
            TitleReading m = mend(r, book);
            out.add(m == r ? raw : raw.withTitle(m.text(), m));
        }
        return out;
    }

    /** {@code r} with each run of unsure characters mended where {@code book} (masked readings) decides; else r. */
    TitleReading mend(TitleReading r, List<String> book) {
        String s = masked(r);
        StringBuilder text = new StringBuilder();
        List<Integer> unsure = new ArrayList<>();
        boolean changed = false;
        int i = 1; // s[0] is START
        while (i < s.length() - 1) {
            if (s.charAt(i) != UNSURE) {
                text.append(r.text().charAt(i - 1));
                i++;
                continue;
            }
            int end = i;
            while (end < s.length() - 1 && s.charAt(end) == UNSURE) end++;
            String run = r.text().substring(i - 1, end - 1);
            boolean chinese = run.codePoints().anyMatch(CaptionText::han);
            Set<String> inBook = between(s, i, end, book, chinese);
            String fill = only(inBook);
            // the catalog speaks only where the book prints nothing there
            if (inBook != null && inBook.isEmpty()) fill = only(between(s, i, end, catalog, chinese));
            // a look-alike read the same way in every title (收人 for 收入, by both engines on c01): the vocabulary's
            if (fill == null && end - i == 1) {
                Character alike = vocabulary.vouchedLookAlike(r.text(), i - 1);
                if (alike != null) fill = alike.toString();
            }
            if (fill == null || fill.equals(run) || dropsPrint(run, fill)) fill = run;
            else changed = true;
            for (int k = 0; k < fill.length(); k++) unsure.add(text.length() + k);
            text.append(fill);
            i = end;
        }
        return changed ? r.mended(text.toString(), unsure) : r;
    }

    /** The one fill the sources print; null where none, several, or the context is not sure. */
    private static String only(Set<String> fills) {
        return fills == null || fills.size() != 1 ? null : fills.iterator().next();
    }

    /**
     * What the sources print between the CONTEXT sure characters before s[from, to) and those after it, no longer than
     * the run (OCR splits a character in two, 保险 read 仇人给, or adds a speck; it does not merge two into one); null
     * where the run has not that many sure characters on each side. The context is kept short on purpose: a longer one would favour the words of titles printed beside similar ones (市级 收入 over
     * 全市 支出), not the words printed here.
     */
    private static Set<String> between(String s, int from, int to, List<String> sources, boolean chinese) {
        if (!sure(s, from - CONTEXT, from) || !sure(s, to, to + CONTEXT)) return null;
        Set<String> fills = fills(s.substring(from - CONTEXT, from), s.substring(to, to + CONTEXT), to - from, sources);
        // a run without a Chinese character is specks and stray marks (收支EY情况): it never becomes Chinese characters
        if (!chinese) fills.removeIf(f -> f.codePoints().anyMatch(CaptionText::han));
        return fills;
    }

    private static Set<String> fills(String before, String after, int longest, List<String> sources) {
        Set<String> out = new LinkedHashSet<>();
        for (String src : sources) {
            for (int p = src.indexOf(before); p >= 0; p = src.indexOf(before, p + 1)) {
                int from = p + before.length();
                for (int n = 0; n <= longest && from + n + after.length() <= src.length(); n++) {
                    String x = src.substring(from, from + n);
                    if (!plain(x)) break;
                    if (src.startsWith(after, from + n)) out.add(x);
                }
            }
        }
        return out;
    }

    /** s[from, to) lies within s and holds no unsure character (a title's start or end counts as a sure one). */
    private static boolean sure(String s, int from, int to) {
        if (from < 0 || to > s.length()) return false;
        for (int i = from; i < to; i++) if (s.charAt(i) == UNSURE) return false;
        return true;
    }

    private static boolean plain(String x) {
        for (int i = 0; i < x.length(); i++) {
            char c = x.charAt(i);
            if (c == UNSURE || c == START || c == END) return false;
        }
        return true;
    }

    /** Brackets OCR reads unsure are print all the same: a title prints (基本) where another prints 基本 unbracketed. */
    private static final String BRACKETS = "()（）〈〉〔〕[]【】";

    /**
     * The fill is what the run's characters, digits and brackets leave with some of them dropped (年末市级 to 年市级,
     * where other titles print no 末; 预算(基本) to 预算基本): a character OCR was unsure of may be a misread one, but not
     * one the book's other titles merely do not print. Stray marks and letters (专户Y管理) may go.
     */
    static boolean dropsPrint(String run, String fill) {
        StringBuilder print = new StringBuilder();
        for (char c : run.toCharArray()) if (CaptionText.han(c) || Character.isDigit(c) || BRACKETS.indexOf(c) >= 0) print.append(c);
        if (fill.length() >= print.length()) return false;
        int k = 0;
        for (int i = 0; i < print.length() && k < fill.length(); i++) if (print.charAt(i) == fill.charAt(k)) k++;
        return k == fill.length();
    }

    /** The reading framed by START and END, each unsure character replaced by UNSURE. */
    static String masked(TitleReading r) {
        StringBuilder sb = new StringBuilder().append(START);
        for (int i = 0; i < r.text().length(); i++) sb.append(r.sureAt(i) ? r.text().charAt(i) : UNSURE);
        return sb.append(END).toString();
    }
}
