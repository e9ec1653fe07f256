package reportingest.reconcile.fin;

import org.junit.jupiter.api.Test;
import reportingest.catalog.Catalog;
import reportingest.reconcile.ExtractedTable;
import reportingest.reconcile.Flag;
import reportingest.tables.RawTable;
import reportingest.tables.TitleReading;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static reportingest.reconcile.fin.OcrTables.row;

/**
 * An OCR'd title with characters nothing confirms is exported as read and flagged TITLE_UNCERTAIN (asks for review), the
 * doubtful characters marked in the message; a title OCR read surely, or a text layer's (no reading), is not flagged.
 */
class TitleUncertainTest {
    private static final String MISREAD = "2021年济南高新区社会例依基金预算支出决算草案表";

    private static RawTable table(TitleReading reading) {
        RawTable t = OcrTables.table(MISREAD, row("项目", "2021年决算数"), row("养老保险基金支出", "12345"), row("合计", "12345"));
        return reading == null ? t : t.withTitleReading(reading);
    }

    private static List<Flag> titleFlags(RawTable raw) {
        List<ExtractedTable> out = new CatalogReconciler(Catalog.load()).reconcile(List.of(), List.of(raw)).tables();
        assertThat(out).hasSize(1);
        assertThat(out.get(0).title()).isEqualTo(MISREAD);
        return out.get(0).flags().stream().filter(f -> f.code().equals(Cells.TITLE_UNCERTAIN)).toList();
    }

    @Test
    void aTitleWithUnsureCharactersIsFlaggedWithThemMarked() {
        List<Flag> flags = titleFlags(table(new TitleReading(MISREAD, List.of(12, 13))));
        assertThat(flags).hasSize(1);
        assertThat(flags.get(0).message()).endsWith("2021年济南高新区社会〔例依〕基金预算支出决算草案表");
        assertThat(flags.get(0).asksForReview()).isTrue();
    }

    @Test
    void aTitleTakenFromTheContentsListKeepsTheCaptionsReading() {
        String printed = "2021年济南高新区社会保险基金预算支出决算草案表";
        RawTable raw = table(null).withTitle(printed, new TitleReading(printed, List.of(), MISREAD, true));
        List<ExtractedTable> out = new CatalogReconciler(Catalog.load()).reconcile(List.of(), List.of(raw)).tables();
        assertThat(out.get(0).title()).isEqualTo(printed);
        assertThat(out.get(0).flags()).extracting(Flag::code).contains(Cells.TITLE_RECONCILED).doesNotContain(Cells.TITLE_UNCERTAIN);
        Flag f = out.get(0).flags().stream().filter(x -> x.code().equals(Cells.TITLE_RECONCILED)).findFirst().orElseThrow();
        assertThat(f.message()).endsWith(MISREAD);
        assertThat(f.asksForReview()).isFalse();
    }

    @Test
    void aMendedTitleIsExportedMendedAndStillFlaggedWithTheCaptionsReading() {
        String mended = "2021年济南高新区社会保险基金预算支出决算草案表";
        RawTable raw = table(null).withTitle(mended, new TitleReading(MISREAD, List.of(12, 13)).mended(mended, List.of(12, 13)));
        List<ExtractedTable> out = new CatalogReconciler(Catalog.load()).reconcile(List.of(), List.of(raw)).tables();
        assertThat(out.get(0).title()).isEqualTo(mended);
        List<Flag> flags = out.get(0).flags().stream().filter(f -> f.code().equals(Cells.TITLE_UNCERTAIN)).toList();
        assertThat(flags).hasSize(1);
        assertThat(flags.get(0).message()).contains("2021年济南高新区社会〔保险〕基金预算支出决算草案表")
                .endsWith("; the caption reads: " + MISREAD);
        assertThat(flags.get(0).asksForReview()).isTrue();
    }

    @Test
    void twoReadingsThatDifferAreBothInTheFlag() {
        String other = "2021年济南高新区社会保险基金预算支出决算草案表";
        List<Flag> flags = titleFlags(table(new TitleReading(MISREAD, List.of(), other, false)));
        assertThat(flags).hasSize(1);
        assertThat(flags.get(0).message()).endsWith(MISREAD + "; the contents list reads: " + other);
    }

    @Test
    void aSureReadingOrATextLayersTitleIsNotFlagged() {
        assertThat(titleFlags(table(new TitleReading(MISREAD, List.of())))).isEmpty();
        assertThat(titleFlags(table(null))).isEmpty();
    }
}
