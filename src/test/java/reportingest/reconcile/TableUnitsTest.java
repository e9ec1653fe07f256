package reportingest.reconcile;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import reportingest.layout.BBox;
import reportingest.tables.RawCell;
import reportingest.tables.RawRow;
import reportingest.tables.RawTable;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A table's unit is what its unit line prints, simplified or traditional, with or without the currency; never guessed. */
class TableUnitsTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(nullValues = "-", value = {
            "单位：万元,万元", "单位:千元,千元", "金额单位：元,元", "單位：新臺幣千元,千元", "單位：新台幣千元,千元",
            "单位：人民币万元,万元", "單位：萬元,万元", "單位：億元,亿元", "部门：某局 单位：万元,万元", "千元,-", "本表无数据,-",
            // its colon read by OCR as ，or ；(the Jinan scan: 39 tables)
            "单位，万元,万元", "单位;万元,万元", "单位；千元,千元"})
    void theUnitLineStatesTheUnit(String line, String unit) {
        assertThat(TableUnits.of(new RawTable("表", null, List.of(line), List.of(row("項目", "預算數")), 1, 1, false))).isEqualTo(unit);
    }

    /**
     * A unit line whose 单位 OCR garbled (the Jinan scan's sideways p78 read MA:万元), kept by the caption stage only where
     * the unit line stands: its unit word was read. In a row, or with more than a short label, no unit is read.
     */
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(nullValues = "-", value = {"MA:万元,万元", "MA：万元,万元", "#:亿元,亿元", "Fz63,-", "其中说明:万元,-", "MA:12万元,-"})
    void aUnitLineWhoseLabelOcrGarbledStatesItsUnit(String line, String unit) {
        assertThat(TableUnits.of(new RawTable("表", null, List.of(line), List.of(row("項目", "預算數")), 1, 1, false))).isEqualTo(unit);
        assertThat(TableUnits.of(new RawTable("表", null, List.of(), List.of(row("", line), row("項目", "預算數")), 1, 1, false))).isNull();
    }

    /** A unit line the recognizer took in as the table's first row is page furniture: it goes to the context, with its unit. */
    @Test
    void aTraditionalUnitRowIsFurniture() {
        RawTable raw = new RawTable("基金用途明細表", null, List.of(),
                List.of(row("", "單位：新臺幣千元"), row("科目", "本年度預算數"), row("用人費用", "7,788")), 1, 1, false);
        RawTable kept = TableUnits.withoutFurnitureRows(raw);
        assertThat(kept.rows()).hasSize(2);
        assertThat(kept.context()).containsExactly("單位：新臺幣千元");
        assertThat(TableUnits.of(kept)).isEqualTo("千元");
    }

    @Test
    void aUnitWrappedInANarrowColumnIsJoined() {
        RawTable raw = new RawTable("表", null, List.of("單位：新臺幣千", "元"), List.of(row("項目", "金額")), 1, 1, false);
        assertThat(TableUnits.of(raw)).isEqualTo("千元");
    }

    private static RawRow row(String... texts) {
        return new RawRow(java.util.Arrays.stream(texts).map(t -> new RawCell(t, 1, new BBox(0, 0, 1, 1), 1.0, null)).toList());
    }
}
