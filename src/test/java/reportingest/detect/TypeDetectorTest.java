package reportingest.detect;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class TypeDetectorTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @CsvSource({"one-byte.pdf, %, a PDF", "saved-error-page.tif, <html>not found</html>, a TIFF image",
            "scan.JPG, 收入支出决算总表, a JPEG image"})
    void textUnderTheNameOfAPdfOrAnImageIsACorruptFile(String name, String content, String promised) throws Exception {
        Path file = Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
        IngestFailure f = catchThrowableOfType(IngestFailure.class, () -> new TypeDetector(1 << 20).detect(file, name));
        assertThat(f.code()).isEqualTo("CORRUPT");
        assertThat(f.reason()).contains("holds plain text, not " + promised);
    }

    @ParameterizedTest
    @CsvSource({"report.txt", "report", "部门决算.TXT"})
    void textUnderATextNameOrNoExtensionIsText(String name) throws Exception {
        Path file = Files.writeString(dir.resolve(name), "收入支出决算总表\n单位：万元\n", StandardCharsets.UTF_8);
        assertThat(new TypeDetector(1 << 20).detect(file, name).kind()).isEqualTo(DocumentKind.TEXT);
    }
}
