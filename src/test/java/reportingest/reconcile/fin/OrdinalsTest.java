package reportingest.reconcile.fin;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class OrdinalsTest {

    @Test
    void wellFormedChineseNumeralsReadAsNumbersAndSlipsAsNone() {
        assertThat(Ordinals.value("三")).isEqualTo(3);
        assertThat(Ordinals.value("十")).isEqualTo(10);
        assertThat(Ordinals.value("十一")).isEqualTo(11);
        assertThat(Ordinals.value("二十")).isEqualTo(20);
        assertThat(Ordinals.value("二十三")).isEqualTo(23);
        assertThat(Ordinals.value("二一")).isEqualTo(-1);
        assertThat(Ordinals.value("十十")).isEqualTo(-1);
        assertThat(Ordinals.value("一十")).isEqualTo(-1);
        assertThat(Ordinals.value("二十三四")).isEqualTo(-1);
        for (int n = 1; n <= 99; n++) assertThat(Ordinals.value(Ordinals.numeral(n))).isEqualTo(n);
    }

    @Test
    void theKindOfOrdinalAndItsPrintingAreKept() {
        assertThat(Ordinals.of("（二）工资福利支出")).isEqualTo(new Ordinals.Ordinal(Ordinals.Kind.PAREN_HAN, 2, "（二）"));
        assertThat(Ordinals.of("十一、住房保障支出")).isEqualTo(new Ordinals.Ordinal(Ordinals.Kind.HAN, 11, "十一、"));
        assertThat(Ordinals.of("3.其他")).isEqualTo(new Ordinals.Ordinal(Ordinals.Kind.ARABIC, 3, "3."));
        assertThat(Ordinals.of("1.50")).isNull();
        assertThat(Ordinals.of("本年支出合计")).isNull();
        Ordinals.Ordinal o = Ordinals.of("(二一)其他");
        assertThat(Ordinals.renumbered("(二一)其他", o, 11)).isEqualTo("(十一)其他");
    }

    @Test
    void anOrdinalBetweenTwoItsNeighboursNumberIsRenumberedAsDecided() {
        Ordinals.Required[] r = Ordinals.required(List.of("九、a", "十、b", "二一、c", "十二、d", "本年支出合计"));
        assertThat(r).containsExactly(null, null, new Ordinals.Required(11, true), null, null);
        // 十 read for 七 between 六 and 八: well-formed but not what the order requires
        r = Ordinals.required(List.of("六、a", "十、b", "八、c"));
        assertThat(r).containsExactly(null, new Ordinals.Required(7, true), null);
    }

    @Test
    void innerOrdinalsRestartUnderEachOuterLine() {
        Ordinals.Required[] r = Ordinals.required(List.of("一、a", "（一）x", "（二）y", "二、b", "（一）z", "（三）w", "三、c"));
        assertThat(r).containsOnlyNulls();
        r = Ordinals.required(List.of("一、a", "（一）x", "（五）y", "（三）v", "二、b"));
        assertThat(r).containsExactly(null, null, new Ordinals.Required(2, true), null, null);
    }

    @Test
    void aMalformedLastOrdinalIsOnlySuggestedAndAnUndecidedGapStands() {
        assertThat(Ordinals.required(List.of("十、a", "二一、b"))).containsExactly(null, new Ordinals.Required(11, false));
        // 三 then 五: a form may skip or renumber; nothing around 五 says otherwise
        assertThat(Ordinals.required(List.of("三、a", "五、b", "六、c"))).containsOnlyNulls();
    }
}
