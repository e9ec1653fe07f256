package reportingest.validate;

import org.junit.jupiter.api.Test;
import reportingest.catalog.Catalog;
import reportingest.reconcile.ExtractedDocument;
import reportingest.reconcile.ExtractedTable;
import reportingest.reconcile.Flag;
import reportingest.reconcile.RowStatus;
import reportingest.reconcile.TableRow;
import reportingest.reconcile.fin.CatalogReconciler;
import reportingest.tables.RawGrids;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue #20 item 2: row labels checked like amounts; garbage or cut-short labels are not ACCEPTED. */
class LabelCheckTest {
    private final Catalog catalog = Catalog.load();

    private ExtractedTable validated(String title, String... rows) {
        ExtractedDocument doc = new CatalogReconciler(catalog).reconcile(List.of(), List.of(RawGrids.ocr(title, rows)));
        return new Validator(catalog).validate(doc, List.of()).document().tables().get(0);
    }

    private static TableRow row(ExtractedTable t, String code) {
        return t.rows().stream().filter(r -> code.equals(r.key().get("code"))).findFirst().orElseThrow();
    }

    private static final String[] TABLE = {
            "项目||本年支出合计|基本支出|项目支出|上缴上级支出|经营支出|对附属单位补助支出",
            "科目编码|科目名称||||||",
            "合计||374.48|374.48|||||",
            "208|社会保障和就业支出|151.09|151.09||||",
            "20805|行政事业单位养老支出|151.09|151.09||||",
            "2080505|机关事业单位基本养老保|151.09|151.09||||",
            "221|住房保障支出|223.39|223.39||||",
            "22102|Weih|223.39|223.39||||",
            "2210201|住房公积金|223.39|223.39||||"};

    @Test
    void aLabelWithoutChineseTextIsFlaggedWithTheCatalogsName() {
        TableRow r = row(validated("支出决算表", TABLE), "22102");
        assertThat(r.status()).isEqualTo(RowStatus.NEEDS_REVIEW);
        assertThat(r.flags()).extracting(Flag::code).containsExactly("LABEL_UNREADABLE");
        assertThat(r.flags().get(0).message())
                .isEqualTo("code 22102: name 'Weih' is not Chinese text; the catalog's label is '住房改革支出'");
        assertThat(r.key().get("name")).isEqualTo("Weih"); // never silently replaced
    }

    @Test
    void aNameCutShortIsFlagged() {
        TableRow r = row(validated("支出决算表", TABLE), "2080505");
        assertThat(r.status()).isEqualTo(RowStatus.NEEDS_REVIEW);
        assertThat(r.flags()).extracting(Flag::message).containsExactly(
                "code 2080505: name '机关事业单位基本养老保' is cut short; the catalog's label is '机关事业单位基本养老保险缴费支出'");
    }

    @Test
    void labelsTheCatalogKnowsStayAccepted() {
        ExtractedTable t = validated("支出决算表", TABLE);
        for (String code : List.of("208", "20805", "221", "2210201")) {
            assertThat(row(t, code).status()).as(code).isEqualTo(RowStatus.ACCEPTED);
            assertThat(row(t, code).flags()).as(code).isEmpty();
        }
    }

    @Test
    void aCodeWhose类IsNoClassOfItsSystemIsFlaggedThoughItsRowsAgreeWithEachOther() {
        // 208 misread 030 down a whole column: 030 / 03005 / 0300505 nest as a hierarchy, none is a subject code
        String[] misread = TABLE.clone();
        misread[3] = "030|社会保障和就业支出|151.09|151.09||||";
        misread[4] = "03005|行政事业单位养老支出|151.09|151.09||||";
        misread[5] = "0300505|机关事业单位基本养老保险缴费支出|151.09|151.09||||";
        ExtractedTable t = validated("支出决算表", misread);
        for (String code : List.of("030", "03005", "0300505")) {
            TableRow r = row(t, code);
            assertThat(r.status()).as(code).isEqualTo(RowStatus.NEEDS_REVIEW);
            assertThat(r.flags()).as(code).extracting(Flag::code).contains("LABEL_UNREADABLE");
        }
        assertThat(row(t, "03005").flags()).extracting(Flag::message).contains(
                "code 03005 is no function code: its 类 030 is none of 101–110, 201–234; the catalog has no label to propose; correct the label");
        assertThat(row(t, "221").flags()).isEmpty();
    }

    @Test
    void anUnknownCodeWhoseNameIsThatOfAKnownCodeOneDigitAwayIsFlaggedAndStandsAsPrinted() {
        String[] misread = TABLE.clone();
        misread[4] = "20815|行政事业单位养老支出|151.09|151.09||||"; // 20805 with one digit misread
        ExtractedTable t = validated("支出决算表", misread);
        TableRow r = row(t, "20815");
        assertThat(r.status()).isEqualTo(RowStatus.NEEDS_REVIEW);
        assertThat(r.flags()).extracting(Flag::message).containsExactly("code 20815 is none the catalog knows, and '行政事业单位养老支出' "
                + "is the name of code 20805, one digit from it; the catalog has no label to propose; correct the label");
        assertThat(r.key().get("code")).isEqualTo("20815");
    }
}
