package reportingest.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class TruthFilesTest {

    @Test
    void truthIsNamedByTheInputNameUpToItsFirstDot() {
        Path truthDir = Path.of("fixtures", "truth");
        assertThat(TruthFiles.truthFor(Path.of("inputs", "001_a8898a713e576bc4.scan.tiff"), truthDir))
                .isEqualTo(truthDir.resolve("001_a8898a713e576bc4.json"))
                .exists();
        assertThat(TruthFiles.truthFor(Path.of("004_d2f5081e5b89099b.txt"), truthDir))
                .isEqualTo(truthDir.resolve("004_d2f5081e5b89099b.json"));
        assertThat(TruthFiles.documentId(Path.of("/x/no_extension"))).isEqualTo("no_extension");
    }
}
