package reportingest.reconcile.fin;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CodeNameSplitterTest {
    private static final List<Integer> FUNCTION_LEVELS = List.of(3, 5, 7);

    @Test
    void fusedCodeAndNameAreSplit() {
        assertThat(CodeNameSplitter.split("2080505行政单位医疗", FUNCTION_LEVELS))
                .isEqualTo(new CodeNameSplitter.CodeName("2080505", "行政单位医疗"));
        assertThat(CodeNameSplitter.split("\u30002101505 医疗保障政策管理", FUNCTION_LEVELS))
                .isEqualTo(new CodeNameSplitter.CodeName("2101505", "医疗保障政策管理"));
    }

    @Test
    void codeAloneHasNoName() {
        assertThat(CodeNameSplitter.split("\u30002101506", FUNCTION_LEVELS))
                .isEqualTo(new CodeNameSplitter.CodeName("2101506", null));
    }

    @Test
    void amountsAndOddLengthsAreNotCodes() {
        assertThat(CodeNameSplitter.split("1552.69", FUNCTION_LEVELS)).isNull();
        assertThat(CodeNameSplitter.split("2080", FUNCTION_LEVELS)).isNull();
        assertThat(CodeNameSplitter.split("合计", FUNCTION_LEVELS)).isNull();
        assertThat(CodeNameSplitter.split("1,196", FUNCTION_LEVELS)).isNull();
    }
}
