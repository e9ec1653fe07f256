package reportingest.layout.ocr;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OcrEnginesTest {
    @Test
    void theSettingNamesOneEngineOrBothInAnyOrder() {
        assertThat(OcrEngines.parse("tesseract")).isEqualTo(OcrEngines.TESSERACT);
        assertThat(OcrEngines.parse("")).isEqualTo(OcrEngines.TESSERACT);
        assertThat(OcrEngines.parse(null)).isEqualTo(OcrEngines.TESSERACT);
        assertThat(OcrEngines.parse(" PPOCR ")).isEqualTo(OcrEngines.PPOCR);
        assertThat(OcrEngines.parse("tesseract,ppocr")).isEqualTo(OcrEngines.BOTH);
        assertThat(OcrEngines.parse("ppocr, tesseract")).isEqualTo(OcrEngines.BOTH);
        assertThat(OcrEngines.BOTH.setting()).isEqualTo("tesseract,ppocr");
    }

    @Test
    void anUnknownEngineIsRefusedWithTheChoices() {
        assertThatThrownBy(() -> OcrEngines.parse("tesseract,easyocr")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("easyocr").hasMessageContaining("tesseract,ppocr");
    }
}
