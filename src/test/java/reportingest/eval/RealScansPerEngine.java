package reportingest.eval;

import reportingest.layout.ocr.OcrEngines;
import reportingest.layout.ocr.PixelBudget;
import reportingest.layout.ocr.TesseractOcr;
import reportingest.layout.ocr.real.RealRenders;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Issue #19's real scans read by each engine setting (not a test; needs ../shared/external):
 * {@code java -cp ... reportingest.eval.RealScansPerEngine [tesseract ppocr tesseract,ppocr]}. Prints one line
 * per file and measure per setting, then the seconds each setting took.
 */
public final class RealScansPerEngine {
    private RealScansPerEngine() {}

    public static void main(String[] args) throws Exception {
        List<String> settings = args.length > 0 ? List.of(args) : List.of("tesseract", "ppocr", "tesseract,ppocr");
        if (!Files.isDirectory(RealRenders.EXTERNAL)) throw new IllegalStateException("no " + RealRenders.EXTERNAL.toAbsolutePath());
        Path tmp = Files.createTempDirectory("real-scans-");
        for (String setting : settings) {
            OcrEngines engines = OcrEngines.parse(setting);
            long t0 = System.nanoTime();
            List<RealScanScores.Score> scores = new ArrayList<>();
            try (TesseractOcr ocr = new TesseractOcr(RealRenders.TESSDATA, "chi_sim+eng", PixelBudget.DEFAULT, engines)) {
                // a setting PP-OCR could not serve would silently measure Tesseract again
                if (!ocr.enginesDetail().equals(engines.setting())) throw new IllegalStateException(ocr.enginesDetail());
                RealScanScores s = new RealScanScores(ocr, tmp);
                scores.addAll(s.pr136());
                scores.addAll(s.wellImage());
                scores.addAll(s.ctdar());
                scores.addAll(s.putuo());
            }
            for (RealScanScores.Score sc : scores) {
                System.out.printf("%s\t%s\t%s\t%d/%d%n", engines.setting(), sc.file(), sc.measure(), sc.right(), sc.all());
            }
            System.out.printf("%s\tseconds\t%.0f%n", engines.setting(), (System.nanoTime() - t0) / 1e9);
        }
    }
}
