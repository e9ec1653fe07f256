package reportingest.layout.ocr;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Greedy CTC decoding as PaddleOCR does it: classes 0 = blank, 1..n = dictionary, n+1 = space. */
class CtcDecoderTest {
    private final CtcDecoder decoder = new CtcDecoder(List.of("1", "2", "3", ".", "合", "计"));
    private static final int BLANK = 0, ONE = 1, TWO = 2, THREE = 3, DOT = 4, HE = 5, JI = 6, SPACE = 7;

    /** One time step per entry, the named class at probability p, the rest sharing what is left. */
    private float[] steps(int[] classes, float p) {
        int n = decoder.classCount();
        float[] out = new float[classes.length * n];
        for (int t = 0; t < classes.length; t++) {
            for (int c = 0; c < n; c++) out[t * n + c] = (1 - p) / (n - 1);
            out[t * n + classes[t]] = p;
        }
        return out;
    }

    @Test
    void repeatsCollapseBlanksDropAndABlankBetweenTwoEqualCharactersKeepsBoth() {
        int[] seq = {BLANK, ONE, ONE, BLANK, ONE, TWO, TWO, DOT, DOT, BLANK, THREE, BLANK};
        CtcDecoder.Decoded d = decoder.decode(steps(seq, 0.9f), 0, seq.length, decoder.classCount());
        assertThat(d.text()).isEqualTo("112.3");
        assertThat(d.steps()).containsExactly(1, 4, 5, 7, 10);
        assertThat(d.stepCount()).isEqualTo(12);
        assertThat(d.confidence()).isEqualTo(90.0);
    }

    @Test
    void theLastClassIsASpaceAndChineseKeysDecodeAsThemselves() {
        int[] seq = {HE, JI, BLANK, SPACE, SPACE, ONE, DOT, TWO};
        assertThat(decoder.decode(steps(seq, 0.8f), 0, seq.length, decoder.classCount()).text()).isEqualTo("合计 1.2");
    }

    @Test
    void aSampleIsReadFromItsOffsetAndOnlyForItsOwnSteps() {
        int[] first = {ONE, ONE, ONE};
        int[] second = {TWO, BLANK, THREE};
        float[] a = steps(first, 0.9f), b = steps(second, 0.7f);
        float[] batch = new float[a.length + b.length];
        System.arraycopy(a, 0, batch, 0, a.length);
        System.arraycopy(b, 0, batch, a.length, b.length);
        assertThat(decoder.decode(batch, a.length, 3, decoder.classCount()).text()).isEqualTo("23");
        assertThat(decoder.decode(batch, a.length, 1, decoder.classCount()).text()).isEqualTo("2");
    }

    @Test
    void anEmptyReadingHasNoConfidence() {
        int[] seq = {BLANK, BLANK};
        CtcDecoder.Decoded d = decoder.decode(steps(seq, 0.99f), 0, 2, decoder.classCount());
        assertThat(d.text()).isEmpty();
        assertThat(d.confidence()).isZero();
    }

    @Test
    void aModelWhoseClassesDoNotMatchTheDictionaryIsRefused() {
        assertThatThrownBy(() -> decoder.decode(new float[20], 0, 2, 10)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("10 classes");
    }
}
