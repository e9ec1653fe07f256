package reportingest.catalog;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class TextKeyTest {
    @ParameterizedTest(name = "{0} matches {1}")
    @CsvSource({
            "因公出国（境）费, 因公出国(境)费",
            "因公出国〈境)费, 因公出国(境)费",     // OCR's reading of the full-width bracket
            "因公出国〔境〕费, 因公出国(境)费",
            "【项目】, (项目)",
            "“三公”经费, 三公经费",
            "'一般 公共\u3000预算', 一般公共预算",
    })
    void bracketsQuotesAndSpacesOfAnyShapeAreOneKey(String printed, String key) {
        assertThat(TextKey.of(printed)).isEqualTo(key);
    }
}
