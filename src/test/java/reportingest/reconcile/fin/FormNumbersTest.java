package reportingest.reconcile.fin;

import org.junit.jupiter.api.Test;
import reportingest.layout.BBox;
import reportingest.layout.PageOrigin;
import reportingest.reconcile.ExtractedTable;
import reportingest.reconcile.Flag;
import reportingest.reconcile.TableRow;
import reportingest.tables.RawCell;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Form numbers OCR read out of a book's order, against the numbers around them. */
class FormNumbersTest {
    private static ExtractedTable table(String formNo, PageOrigin origin) {
        TableRow row = Cells.row(Cells.key("label", "合计"), Map.of("金额", Cells.value(new RawCell("1.00", 1, new BBox(0, 0, 10, 10), 90, origin))), List.of());
        return new ExtractedTable("unknown", "表", formNo, List.of("金额"), List.of(row), List.of(), List.of(), 1, 1);
    }

    @Test
    void aNumberOutOfOrderBetweenTwoOneApartIsTheOneTheyLeave() {
        List<ExtractedTable> read = FormNumbers.reconciled(List.of(table("表45", PageOrigin.OCR), table("表40", PageOrigin.OCR),
                table("表47", PageOrigin.OCR)));
        assertThat(read).extracting(ExtractedTable::formNo).containsExactly("表45", "表46", "表47");
        assertThat(read.get(1).flags()).extracting(Flag::code, Flag::message).containsExactly(org.assertj.core.groups.Tuple.tuple(
                "FORM_NUMBER_RECONCILED", "printed form number '表40' read as 表46: the tables around it are 表45 and 表47"));
        assertThat(read.get(1).flags().get(0).asksForReview()).isFalse();
    }

    @Test
    void aRepeatedNumberANumberNothingDecidesAndPrintedNumbersStay() {
        // the rest of 表45 kept apart by the stitcher
        assertThat(FormNumbers.reconciled(List.of(table("表44", PageOrigin.OCR), table("表45", PageOrigin.OCR), table("表45", PageOrigin.OCR),
                table("表46", PageOrigin.OCR)))).extracting(ExtractedTable::formNo).containsExactly("表44", "表45", "表45", "表46");
        // 表45 · 表40 · 表48: two numbers missing, nothing decides
        assertThat(FormNumbers.reconciled(List.of(table("表45", PageOrigin.OCR), table("表40", PageOrigin.OCR), table("表48", PageOrigin.OCR))))
                .extracting(ExtractedTable::formNo).containsExactly("表45", "表40", "表48");
        // a born-digital book's own slip is the book's
        assertThat(FormNumbers.reconciled(List.of(table("表45", PageOrigin.TEXT_LAYER), table("表40", PageOrigin.TEXT_LAYER),
                table("表47", PageOrigin.TEXT_LAYER)))).extracting(ExtractedTable::formNo).containsExactly("表45", "表40", "表47");
    }
}
