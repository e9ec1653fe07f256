package reportingest.tables.tabula;

import org.junit.jupiter.api.Test;
import reportingest.layout.BBox;
import reportingest.layout.Page;
import reportingest.layout.PageOrigin;
import reportingest.layout.TextLine;
import reportingest.layout.Word;
import reportingest.tables.RawTable;
import reportingest.tables.TitleReading;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A scanned book's contents list reads each form's title a second time: where it reads the caption's title the title
 * stands; where they differ, the reading whose every character is vouched for is taken (the other kept beside it); where
 * nothing decides, the caption's title stays and is in doubt with the contents line's reading beside it.
 */
class ContentsTitlesTest {
    private static Word w(String text, double confidence) {
        return new Word(text, new BBox(0, 0, 20, 20), confidence);
    }

    private static TextLine line(int no, Object... wordsAndConfidences) {
        List<Word> words = new ArrayList<>();
        for (int i = 0; i < wordsAndConfidences.length; i += 2)
            words.add(w((String) wordsAndConfidences[i], ((Number) wordsAndConfidences[i + 1]).doubleValue()));
        return new TextLine(no, words);
    }

    /** A contents page as OCR reads it: 表NN, the title, leaders, the page number. */
    private static Page contents(PageOrigin origin) {
        return new Page(3, 595, 842, origin, List.of(
                line(1, "目", 95, "录", 95),
                line(2, "表01", 92, "2021年全市社会保险基金预算收入决算草案表", 93, "……………", 60, "17", 95),
                line(3, "表02", 92, "2021年全市社会保险基金预算支出决算草案表", 93, "……", 60, "18", 95),
                line(4, "表54", 92, "2021年起步区社会保险基金预算结余决算草案表", 94, "………", 60, "76", 95),
                line(5, "表55", 92, "2021年市对区县税收返", 94, "还", 40, "决算草案表", 94, "……", 60, "77", 95)), List.of(), List.of());
    }

    private static RawTable table(String formNo, Object... wordsAndConfidences) {
        List<Word> words = new ArrayList<>();
        StringBuilder title = new StringBuilder();
        for (int i = 0; i < wordsAndConfidences.length; i += 2) {
            words.add(w((String) wordsAndConfidences[i], ((Number) wordsAndConfidences[i + 1]).doubleValue()));
            title.append(wordsAndConfidences[i]);
        }
        TitleReading r = TitleReadings.of(title.toString(), words);
        return new RawTable(r.text(), formNo, List.of(), List.of(), 17, 17, false, r);
    }

    @Test
    void aContentsPageListsEachFormsTitleWithHowSureOcrWas() {
        Map<String, TitleReading> read = ContentsTitles.of(List.of(contents(PageOrigin.OCR)));
        assertThat(read).containsOnlyKeys("表1", "表2", "表54", "表55");
        assertThat(read.get("表1").text()).isEqualTo("2021年全市社会保险基金预算收入决算草案表");
        assertThat(read.get("表1").sure()).isTrue();
        assertThat(read.get("表55").marked()).isEqualTo("2021年市对区县税收返〔还〕决算草案表");
        // a text layer's contents are the file's own: no second reading to take
        assertThat(ContentsTitles.of(List.of(contents(PageOrigin.TEXT_LAYER)))).isEmpty();
    }

    @Test
    void fewerThanThreeListedLinesAreNoContentsList() {
        Page caption = new Page(17, 595, 842, PageOrigin.OCR, List.of(
                line(1, "表01", 92, "2021年全市社会保险基金预算收入决算草案表", 93, "17", 95)), List.of(), List.of());
        assertThat(ContentsTitles.of(List.of(caption))).isEmpty();
    }

    @Test
    void theTwoReadingsAgreeOrTheSureOneIsTaken() {
        Map<String, TitleReading> read = ContentsTitles.of(List.of(contents(PageOrigin.OCR)));
        // the caption's title read the same with a low-confidence 险: it stands
        RawTable same = table("表01", "2021年全市社会保", 93, "险", 40, "基金预算收入决算草案表", 93);
        // the caption's 保险 read 例依 at 0: the contents line's reading, every character sure, is taken
        RawTable misread = table("表02", "2021年全市社会", 93, "例依", 0, "基金预算支出决算草案表", 93);
        List<RawTable> out = new BookTitles(Set.of()).confirm(List.of(same, misread), read);
        assertThat(out.get(0).titleReading().stands()).isTrue();
        assertThat(out.get(1).title()).isEqualTo("2021年全市社会保险基金预算支出决算草案表");
        assertThat(out.get(1).titleReading().taken()).isTrue();
        assertThat(out.get(1).titleReading().other()).isEqualTo("2021年全市社会例依基金预算支出决算草案表");
    }

    @Test
    void twoSureReadingsThatDifferLeaveTheTitleInDoubt() {
        Map<String, TitleReading> read = ContentsTitles.of(List.of(contents(PageOrigin.OCR)));
        // 草案 lost on the table's page, every character read surely (c01 表54): nothing decides between the two
        RawTable lost = table("表54", "2021年起步区社会保险基金预算结余决算表", 94);
        TitleReading r = new BookTitles(Set.of()).confirm(List.of(lost), read).get(0).titleReading();
        assertThat(r.text()).isEqualTo("2021年起步区社会保险基金预算结余决算表");
        assertThat(r.stands()).isFalse();
        assertThat(r.other()).isEqualTo("2021年起步区社会保险基金预算结余决算草案表");
        // the caption read surely, the contents line with an unsure character: the caption's stands
        RawTable sure = table("表55", "2021年市对区县税收返还决算草案表", 94);
        assertThat(new BookTitles(Set.of()).confirm(List.of(sure), read).get(0).titleReading().stands()).isTrue();
    }
}
