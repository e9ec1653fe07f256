package reportingest.tables.tabula;

import org.junit.jupiter.api.Test;
import reportingest.layout.BBox;
import reportingest.layout.Word;
import reportingest.tables.RawTable;
import reportingest.tables.TitleReading;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An OCR'd title's unsure characters are mended from what the book's other titles read surely between the same sure
 * characters, when they read one thing there; the mended title keeps its caption's reading and stays unsure. Words and
 * confidences as Tesseract gave them on the scan c01 (#21).
 */
class TitleMenderTest {
    private static final TitleMender NO_CATALOG = new TitleMender(List.of(), new BookTitles(Set.of()));

    private static TitleReading read(Object... wordsAndConfidences) {
        List<Word> words = new ArrayList<>();
        StringBuilder title = new StringBuilder();
        for (int i = 0; i < wordsAndConfidences.length; i += 2) {
            String s = (String) wordsAndConfidences[i];
            words.add(new Word(s, new BBox(0, 0, 20, 20), ((Number) wordsAndConfidences[i + 1]).doubleValue()));
            title.append(s);
        }
        return TitleReadings.of(title.toString(), words);
    }

    private static TitleReading sure(String title) {
        return new TitleReading(title, List.of());
    }

    private static RawTable table(TitleReading r) {
        return new RawTable(r.text(), null, List.of(), List.of(), 1, 1, false, r);
    }

    private static List<TitleReading> mended(TitleMender mender, TitleReading... readings) {
        List<RawTable> tables = new ArrayList<>();
        for (TitleReading r : readings) tables.add(table(r));
        return mender.mend(tables, Map.of()).stream().map(RawTable::titleReading).toList();
    }

    @Test
    void aMisreadWordIsMendedFromAnotherTitleThatReadsItSurely() {
        // p55 表35: 保险 read 例依 at 68 and 0; 表34 reads the fund's name surely
        TitleReading misread = read("2021", 92, "年", 96, "济南", 96, "高新区", 96, "社会", 93, "例", 68, "依", 0, "基金", 88,
                "预算", 96, "支出", 96, "决算", 96, "草案", 91, "表", 92);
        TitleReading m = mended(NO_CATALOG, misread, sure("2021年济南高新区社会保险基金预算收入决算草案表")).get(0);
        assertThat(m.text()).isEqualTo("2021年济南高新区社会保险基金预算支出决算草案表");
        assertThat(m.marked()).isEqualTo("2021年济南高新区社会〔保险〕基金预算支出决算草案表");
        assertThat(m.mendedFrom()).isEqualTo("2021年济南高新区社会例依基金预算支出决算草案表");
        assertThat(m.stands()).isFalse();
    }

    @Test
    void aRunOfOtherLengthAndStrayLettersAreMendedToWhatTheBookPrints() {
        // 表44: 保险 read as three characters; 表83: letters among the characters, the book reads 专户管理资金收支情况 surely
        TitleReading three = read("2021", 92, "年", 96, "市", 96, "社会", 93, "仇", 40, "人", 50, "给", 30, "基金", 90, "预算", 96,
                "结余", 96, "表", 92);
        TitleReading letters = read("2021", 86, "年", 96, "市", 96, "级", 96, "财政", 93, "专", 91, "户", 92, "Y", 56, "管理", 96,
                "v", 39, "资金", 93, "收支", 93, "EY", 65, "情况", 93, "表", 92);
        List<TitleReading> out = mended(NO_CATALOG, three, letters, sure("2021年全市社会保险基金预算收入表"),
                sure("2021年高新区财政专户管理资金收支情况表"));
        assertThat(out.get(0).text()).isEqualTo("2021年市社会保险基金预算结余表");
        assertThat(out.get(1).text()).isEqualTo("2021年市级财政专户管理资金收支情况表");
        assertThat(out.get(1).unsure()).isEmpty();
        assertThat(out.get(1).stands()).isFalse();
    }

    @Test
    void whereTheBookPrintsSeveralWordsInThePlaceNothingIsMended() {
        // 收入 and 支出 both printed between 预算 and 决算: 文出's 出 read surely tells them apart, 文文 would not
        TitleReading one = read("一般", 96, "公共", 96, "预算", 96, "文", 54, "出", 93, "决算", 96, "表", 92);
        TitleReading both = read("一般", 96, "公共", 96, "预算", 96, "文文", 54, "决算", 96, "表", 92);
        List<TitleReading> out = mended(NO_CATALOG, one, both, sure("政府性基金预算收入决算表"), sure("政府性基金预算支出决算表"));
        assertThat(out.get(0).text()).isEqualTo("一般公共预算支出决算表");
        assertThat(out.get(1)).isEqualTo(both);
        assertThat(out.get(1).marked()).isEqualTo("一般公共预算〔文文〕决算表");
    }

    @Test
    void aFillLongerThanTheRunIsNoReading() {
        // p78 表56: 区县 read 区有只 before 转移; the book prints 县 there, and 县专项 in 市对区县专项转移支付
        TitleReading r = read("含省", 97, "对", 97, "区", 96, "有", 84, "只", 40, "转移", 96, "支付", 97, "表", 92);
        List<TitleReading> out = mended(NO_CATALOG, r, sure("含省对区县转移支付"), sure("市对区县专项转移支付表"));
        assertThat(out.get(0).text()).isEqualTo("含省对区县转移支付表");
    }

    @Test
    void strayMarksAreMendedToNothingNeverToChineseCharacters() {
        // p176 表83: 收支EY情况; the book prints 收支情况 (表87) and 收支完成情况 (表113): EY was no pair of characters
        TitleReading r = read("资金", 93, "收", 93, "支", 92, "EY", 66, "情况", 93, "表", 93);
        List<TitleReading> out = mended(NO_CATALOG, r, sure("管理资金收支情况表"), sure("济南市分级次收支完成情况表"));
        assertThat(out.get(0).text()).isEqualTo("资金收支情况表");
        // where the book prints only characters there, the marks stay as read
        assertThat(mended(NO_CATALOG, r, sure("济南市分级次收支完成情况表")).get(0)).isEqualTo(r);
    }

    @Test
    void twoWordsBetweenTheSameCharactersMendNothingHoweverLikeTheRestOfTheTitles() {
        // between 社会 and 基金 the book prints 保险 and 保障: a title like one of them in every other word does not decide
        TitleReading r = read("全市", 96, "社会", 96, "例依", 20, "基金", 96, "收入", 96, "表", 92);
        List<TitleReading> out = mended(NO_CATALOG, r, sure("全市社会保险基金收入表"), sure("全国社会保障基金补助表"));
        assertThat(out.get(0)).isEqualTo(r);
    }

    @Test
    void aTitleNeverMendsItselfAndTheCatalogSpeaksOnlyWhereTheBookIsSilent() {
        TitleReading alone = read("一般", 96, "公共", 96, "预算", 96, "文", 54, "出", 93, "表", 92);
        assertThat(mended(NO_CATALOG, alone).get(0)).isEqualTo(alone);
        TitleMender catalog = new TitleMender(List.of("一般公共预算支出表"), new BookTitles(Set.of()));
        assertThat(mended(catalog, alone).get(0).text()).isEqualTo("一般公共预算支出表");
        // the book reads 文出 there surely (a different form): the catalog is not asked, and the title stays as read
        assertThat(mended(catalog, alone, sure("一般公共预算文出表")).get(0).text()).isEqualTo("一般公共预算文出表");
    }

    @Test
    void aCharacterTheOtherTitlesDoNotPrintIsNotDropped() {
        // p36 表18: 年末 read at 5 and 0, the other titles print 2021年市级 with no 末
        TitleReading r = read("2021", 93, "年", 93, "末", 5, "市", 0, "级", 97, "社会", 97, "保险", 96, "基金", 95, "表", 93);
        assertThat(mended(NO_CATALOG, r, sure("2021年市级社会保险基金收入表")).get(0)).isEqualTo(r);
        assertThat(TitleMender.dropsPrint("末市", "市")).isTrue();
        assertThat(TitleMender.dropsPrint("仇人给", "保险")).isFalse();
        assertThat(TitleMender.dropsPrint("|二", "性")).isFalse();
        assertThat(TitleMender.dropsPrint("EY", "")).isFalse();
        // c01 一般公共预算(基本)支出 with its bracket unsure, where another title prints 预算基本支出 (JinanScanCaptionsTest)
        assertThat(TitleMender.dropsPrint("(", "")).isTrue();
        assertThat(TitleMender.dropsPrint("〈", "(")).isFalse();
    }

    @Test
    void aLookAlikeReadSoInEveryTitleIsMendedToTheOneTheVocabularyPrints() {
        // c01 表28 and 表34 with both engines: 收入 read 收人 at 93 in every title, so no title reads it surely
        TitleReading r = read("一般", 96, "公共", 96, "预算", 96, "收人", 93, "决算", 96, "表", 92);
        TitleReading other = read("社会", 96, "保险", 96, "基金", 96, "收人", 93, "决算", 96, "表", 92);
        BookTitles vocabulary = new BookTitles(Set.of("收入", "决算", "预算"));
        List<RawTable> confirmed = vocabulary.confirm(List.of(table(r), table(other)));
        List<RawTable> out = new TitleMender(List.of(), vocabulary).mend(confirmed, Map.of());
        assertThat(out).extracting(RawTable::title).containsExactly("一般公共预算收入决算表", "社会保险基金收入决算表");
        assertThat(out.get(0).titleReading().marked()).isEqualTo("一般公共预算收〔入〕决算表");
        assertThat(out.get(0).titleReading().mendedFrom()).isEqualTo("一般公共预算收人决算表");
    }

    @Test
    void runsWithTooLittleSureContextStayAsRead() {
        // 表28: the title's start is garbage; one sure character before the run is not enough
        TitleReading r = read("2021", 60, "年", 96, "济", 30, "南", 96, "高新区", 96, "表", 92);
        assertThat(mended(NO_CATALOG, r, sure("2021年济南高新区表")).get(0)).isEqualTo(r);
    }

    @Test
    void theContentsListsLinesAreReadingsToo() {
        TitleReading r = read("2022年", 96, "1-6月份", 90, "市级", 96, "国有", 96, "资本", 96, "经营", 96, "预算", 96, "收入", 96,
                "执行", 96, "|尼部", 40, "表", 92);
        RawTable t = table(r);
        RawTable out = NO_CATALOG.mend(List.of(t), Map.of("109", sure("2022年1-6月份市级国有资本经营预算收入执行情况表"))).get(0);
        assertThat(out.title()).isEqualTo("2022年1-6月份市级国有资本经营预算收入执行情况表");
        assertThat(out.titleReading().marked()).isEqualTo("2022年1-6月份市级国有资本经营预算收入执行〔情况〕表");
    }
}
