package reportingest.bench;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** bin/bench's --engines reaches every service it starts as ingest.ocr.engines, and only when given. */
class BenchOptionsTest {
    @Test
    void enginesAreWrittenAsTheSettingAndAddedToTheServicesSettings() {
        BenchOptions o = BenchOptions.parse(new String[]{"--rounds", "1", "--engines", "ppocr,tesseract"});

        assertThat(o.engines()).isEqualTo("tesseract,ppocr");
        assertThat(o.with(Map.of("ingest.workers", "2")))
                .containsEntry("ingest.ocr.engines", "tesseract,ppocr").containsEntry("ingest.workers", "2");
    }

    @Test
    void withoutEnginesTheServicesKeepTheirDefault() {
        BenchOptions o = BenchOptions.parse(new String[]{"--large-pages", "20"});

        assertThat(o.engines()).isNull();
        assertThat(o.with(Map.of("ingest.workers", "1"))).containsOnlyKeys("ingest.workers");
    }

    @Test
    void setAddsAnyServiceSettingToEveryServiceAndTheCallersSettingsWin() {
        BenchOptions o = BenchOptions.parse(new String[]{"--set", "ingest.ocr.second-reading=doubtful", "--set", "ingest.workers=3"});

        assertThat(o.with(Map.of("ingest.workers", "1")))
                .containsEntry("ingest.ocr.second-reading", "doubtful").containsEntry("ingest.workers", "1");
        assertThatThrownBy(() -> BenchOptions.parse(new String[]{"--set", "second-reading"}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("KEY=VALUE");
    }

    @Test
    void anUnknownEngineStopsTheBenchBeforeItStarts() {
        assertThatThrownBy(() -> BenchOptions.parse(new String[]{"--engines", "easyocr"}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("easyocr");
    }

    @Test
    void theLongScansPagesCanStateAResolutionOtherThanTheirImagesOwn() {
        assertThat(BenchOptions.parse(new String[]{"--large-page-dpi", "72"}).largePageDpi()).isEqualTo(72);
        assertThat(BenchOptions.parse(new String[]{}).largePageDpi()).isZero();
        assertThatThrownBy(() -> BenchOptions.parse(new String[]{"--large-page-dpi", "-1"})).isInstanceOf(IllegalArgumentException.class);
    }
}
