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

    private static List<ExtractedTable> withCaptions(List<ExtractedTable> tables, Map<ExtractedTable, List<String>> captions) {
        return FormNumbers.reconciled(tables, captions);
    }

    @Test
    void aNumberWhose表OcrGarbledIsTheOneItsNeighboursLeave() {
        // c01 p94 read Fz 63 between 表62 and 表64, p184 #91 between 表90 and 表92
        ExtractedTable unnumbered = table(null, PageOrigin.OCR);
        Map<ExtractedTable, List<String>> captions = new java.util.IdentityHashMap<>();
        captions.put(unnumbered, List.of("单位：万元", "Fz63"));
        List<ExtractedTable> read = withCaptions(List.of(table("表62", PageOrigin.OCR), unnumbered, table("表64", PageOrigin.OCR)), captions);
        assertThat(read).extracting(ExtractedTable::formNo).containsExactly("表62", "表63", "表64");
        assertThat(read.get(1).flags()).extracting(Flag::code, Flag::message).containsExactly(org.assertj.core.groups.Tuple.tuple(
                "FORM_NUMBER_RECONCILED", "printed form number 'Fz63' read as 表63: the tables around it are 表62 and 表64"));
        // zero-padded as its neighbours are printed
        ExtractedTable sixth = table(null, PageOrigin.OCR);
        assertThat(withCaptions(List.of(table("表05", PageOrigin.OCR), sixth, table("表07", PageOrigin.OCR)), Map.of(sixth, List.of("#6"))))
                .extracting(ExtractedTable::formNo).containsExactly("表05", "表06", "表07");
    }

    @Test
    void aGarbledNumberItsNeighboursDoNotConfirmStaysUnread() {
        ExtractedTable t = table(null, PageOrigin.OCR);
        // the neighbours leave 表63, the line reads 65
        assertThat(withCaptions(List.of(table("表62", PageOrigin.OCR), t, table("表64", PageOrigin.OCR)), Map.of(t, List.of("Fz65"))))
                .extracting(ExtractedTable::formNo).containsExactly("表62", null, "表64");
        // the neighbours leave two numbers
        assertThat(withCaptions(List.of(table("表62", PageOrigin.OCR), t, table("表65", PageOrigin.OCR)), Map.of(t, List.of("Fz63"))))
                .extracting(ExtractedTable::formNo).containsExactly("表62", null, "表65");
        // no neighbour after
        assertThat(withCaptions(List.of(table("表62", PageOrigin.OCR), t), Map.of(t, List.of("Fz63"))))
                .extracting(ExtractedTable::formNo).containsExactly("表62", null);
        // a caption line with a Chinese character, three letters or a page number's dash before the number is no garbled 表
        assertThat(withCaptions(List.of(table("表62", PageOrigin.OCR), t, table("表64", PageOrigin.OCR)), Map.of(t, List.of("第63", "abc63", "-63", "—63"))))
                .extracting(ExtractedTable::formNo).containsExactly("表62", null, "表64");
        // a born-digital table
        ExtractedTable printed = table(null, PageOrigin.TEXT_LAYER);
        assertThat(withCaptions(List.of(table("表62", PageOrigin.TEXT_LAYER), printed, table("表64", PageOrigin.TEXT_LAYER)),
                Map.of(printed, List.of("Fz63")))).extracting(ExtractedTable::formNo).containsExactly("表62", null, "表64");
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
