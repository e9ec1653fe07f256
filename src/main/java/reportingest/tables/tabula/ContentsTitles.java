package reportingest.tables.tabula;

import reportingest.layout.Page;
import reportingest.layout.PageOrigin;
import reportingest.layout.TextLine;
import reportingest.layout.Word;
import reportingest.tables.TitleReading;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A scanned book's contents list (目录) prints each form's number and title a second time: an independent OCR reading
 * of the title its table's caption prints. Lines of a form number, a title ending in 表 (a bracketed remark may follow),
 * and dot leaders or spaces before a page number, on an OCR'd page listing {@link #LISTED} or more of them.
 */
final class ContentsTitles {
    private static final Pattern LINE = Pattern.compile(
            "^(附?表[0-9一二三四五六七八九十]{1,3}(?:[-－][0-9]{1,2})?(?:[（(]之[0-9一二三四五六七八九十]{1,3}[)）])?)(?:\\s*[:：.、]\\s*|\\s+)"
                    + "(\\S.*?表(?:\\s*[（(][^）)]*[)）])?)[\\s.·…・。—_\\-]*\\d{1,3}$");
    /** A page listing this many forms with page numbers is a contents list (a caption prints one, with no page number). */
    static final int LISTED = 3;

    private ContentsTitles() {}

    /** Form number (as {@link #key}) to the title its contents line reads, for the OCR'd contents pages of a book. */
    static Map<String, TitleReading> of(List<Page> pages) {
        Map<String, TitleReading> out = new LinkedHashMap<>();
        for (Page p : pages) {
            if (p.origin() != PageOrigin.OCR) continue; // a text layer's contents are the file's own: nothing to confirm
            Map<String, TitleReading> listed = new LinkedHashMap<>();
            for (TextLine l : p.lines()) {
                List<Word> words = new ArrayList<>();
                StringBuilder text = new StringBuilder();
                for (Word w : l.words()) {
                    String c = CaptionText.compact(w.text());
                    if (c.isEmpty()) continue;
                    words.add(new Word(c, w.bbox(), w.confidence()));
                    text.append(text.length() > 0 ? " " : "").append(c); // words apart: 表01 | 2021年… is no 表012
                }
                Matcher m = LINE.matcher(CaptionText.strayMarksOff(text.toString()));
                if (!m.matches()) continue;
                listed.putIfAbsent(key(m.group(1)), TitleReadings.of(m.group(2).replaceAll("\\s+", ""), words, true));
            }
            if (listed.size() >= LISTED) listed.forEach(out::putIfAbsent);
        }
        return out;
    }

    /** A form number as the contents list and a caption both print it: 表01 and 表1 are one, brackets full-width. */
    static String key(String formNo) {
        return CaptionText.compact(formNo).replace('(', '（').replace(')', '）').replaceAll("(?<=表)0+(?=\\d)", "");
    }
}
