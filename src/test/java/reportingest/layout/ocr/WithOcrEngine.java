package reportingest.layout.ocr;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/** One real Tesseract engine for the whole test class (loading the models is the slow part), and a folder for scans. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class WithOcrEngine {
    @TempDir
    Path dir;
    TesseractOcr ocr;

    @BeforeAll
    void loadEngine() {
        ocr = new TesseractOcr(TesseractOcrTest.TESSDATA, "chi_sim+eng");
    }

    @AfterAll
    void closeEngine() {
        ocr.close();
    }
}
