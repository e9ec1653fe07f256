package reportingest.tables.tabula;

import org.junit.jupiter.api.Test;
import reportingest.layout.BBox;
import reportingest.layout.Word;
import reportingest.tables.RawTable;
import reportingest.tables.TitleReading;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which characters of an OCR'd title stand: read surely, or read surely elsewhere in the book or in the catalog's
 * vocabulary; a misread glyph or a stray mark does not. Words and confidences as Tesseract gave them on the scan c01
 * (pp. 55, 176, 197; #21).
 */
class TitleReadingsTest {
    private static Word w(String text, double confidence) {
        return new Word(text, new BBox(0, 0, 20, 20), confidence);
    }

    private static TitleReading read(Object... wordsAndConfidences) {
        List<Word> words = new ArrayList<>();
        StringBuilder title = new StringBuilder();
        for (int i = 0; i < wordsAndConfidences.length; i += 2) {
            String s = (String) wordsAndConfidences[i];
            words.add(w(s, ((Number) wordsAndConfidences[i + 1]).doubleValue()));
            title.append(s);
        }
        return TitleReadings.of(title.toString(), words);
    }

    @Test
    void lowConfidenceCharactersAndStrayMarksAreUnsure() {
        // p55 表35: 保险 read 例依 at 68 and 0
        TitleReading r = read("2021", 92, "年", 96, "济南", 96, "高", 72, "新", 96, "区", 96, "社会", 93, "例", 68, "依", 0,
                "基金", 88, "预算", 96, "支出", 46, "决算", 96, "草案", 91, "表", 92);
        assertThat(r.marked()).isEqualTo("2021年济南〔高〕新区社会〔例依〕基金预算〔支出〕决算草案表");
        // p176 表83: letters among Chinese characters, whatever their confidence
        TitleReading s = read("2021", 86, "年", 96, "市", 96, "级", 96, "财政", 93, "专", 91, "户", 92, "Y", 56, "管理", 96,
                "v", 39, "资金", 93, "收", 93, "支", 30, "EY", 65, "情况", 93, "表", 92);
        assertThat(s.marked()).isEqualTo("2021年市级财政专户〔Y〕管理〔v〕资金收〔支EY〕情况表");
        // a word of letters read surely is a word (PPP, REITs); a comma OCR put between two words never is
        assertThat(read("PPP", 92, "项目", 95, "情况表", 93).sure()).isTrue();
        assertThat(read("全市", 96, "，", 90, "社会", 96).marked()).isEqualTo("全市〔，〕社会");
    }

    @Test
    void aWordCutFromTheTitleSaysNothing() {
        // a sideways page's number read as a bar before the title: the exported title starts after it
        TitleReading r = TitleReadings.of("2021年市对区县", List.of(w("|", 92), w("2021", 95), w("年", 96), w("市", 96),
                w("对", 96), w("区", 96), w("县", 93)));
        assertThat(r.sure()).isTrue();
    }

    @Test
    void anUnsureCharacterStandsWhereAnotherTitleOfTheBookReadsTheSamePairSurely() {
        RawTable misread = table(read("市级", 96, "社会", 93, "例", 68, "依", 0, "基金", 88, "预算", 96, "支出", 46, "表", 92));
        RawTable other = table(read("全市", 96, "社会", 96, "保险", 96, "基金", 96, "预算", 96, "支出", 96, "表", 92));
        List<RawTable> out = new BookTitles(Set.of()).confirm(List.of(misread, other));
        // 支出 is read surely in the other title; 例依 nowhere
        assertThat(out.get(0).titleReading().marked()).isEqualTo("市级社会〔例依〕基金预算支出表");
        assertThat(out.get(1).titleReading().sure()).isTrue();
    }

    @Test
    void aTitleNeverConfirmsItselfButTheCatalogsVocabularyDoes() {
        RawTable alone = table(read("一般", 96, "公共", 96, "预算", 92, "文", 72, "出", 93, "执行", 96, "情况", 93, "表", 92));
        assertThat(new BookTitles(Set.of()).confirm(List.of(alone)).get(0).titleReading().marked())
                .isEqualTo("一般公共预算〔文〕出执行情况表");
        // 支出 read with a low confidence, and 支出 in the vocabulary: it stands; 文出 still does not
        RawTable low = table(read("一般", 96, "公共", 96, "预算", 92, "支", 60, "出", 93, "表", 92));
        assertThat(new BookTitles(Set.of("支出")).confirm(List.of(low, alone)).stream().map(t -> t.titleReading().marked()).toList())
                .containsExactly("一般公共预算支出表", "一般公共预算〔文〕出执行情况表");
    }

    @Test
    void strayMarksAreNeverConfirmed() {
        RawTable t = table(read("全市", 96, "，", 90, "社会", 96));
        RawTable other = table(read("全市", 96, "，", 96, "社会", 96));
        assertThat(new BookTitles(Set.of("市，")).confirm(List.of(t, other)).get(0).titleReading().marked()).isEqualTo("全市〔，〕社会");
    }

    @Test
    void quoteMarksStandWhereTheCatalogPrintsThemBetweenTheSameCharacters() {
        // seed 173205080's 200-dpi 三公 scan: the quotes read at 93 and 92 are marks, so unsure
        RawTable t = table(read("财政", 97, "拨款", 95, "“", 93, "三", 93, "公", 89, "”", 92, "经", 92, "费", 86, "支出", 97,
                "决算", 93, "表", 93));
        assertThat(BookTitles.fromCatalog().confirm(List.of(t)).get(0).titleReading().sure()).isTrue();
        // a quote mark where the catalog prints none stays a stray mark
        RawTable stray = table(read("财政", 97, "拨款", 95, "“", 93, "支出", 97, "表", 93));
        assertThat(BookTitles.fromCatalog().confirm(List.of(stray)).get(0).titleReading().marked()).isEqualTo("财政拨款〔“〕支出表");
    }

    @Test
    void aLookAlikeReadSurelyIsDoubtedWhereTheVocabularyPrintsTheOther() {
        // c01 表28 and 表34: 收入 read 收人 at 93, the same in both titles, so they cannot vouch for each other
        RawTable a = table(read("一般", 96, "公共", 96, "预算", 96, "收人", 93, "决算", 96, "表", 92));
        RawTable b = table(read("社会", 96, "保险", 96, "基金", 96, "收人", 93, "决算", 96, "表", 92));
        assertThat(new BookTitles(Set.of("收入", "决算", "预算")).confirm(List.of(a, b)).stream().map(t -> t.titleReading().marked()).toList())
                .containsExactly("一般公共预算收〔人〕决算表", "社会保险基金收〔人〕决算表");
        // 人 where the vocabulary prints its pair (人员经费) stands
        RawTable c = table(read("人员", 96, "经费", 96, "表", 92));
        assertThat(new BookTitles(Set.of("人员", "收入")).confirm(List.of(c)).get(0).titleReading().sure()).isTrue();
    }

    @Test
    void theCatalogVocabularyLoadsAndHoldsTheFundWords() {
        RawTable t = table(read("社", 96, "会", 60, "保", 60, "险", 96));
        // 社会保险 is printed in subject names (社会保险基金支出, 对社会保险基金补助)
        assertThat(BookTitles.fromCatalog().confirm(List.of(t)).get(0).titleReading().sure()).isTrue();
    }

    private static RawTable table(TitleReading r) {
        return new RawTable(r.text(), null, List.of(), List.of(), 1, 1, false, r);
    }
}
