package reportingest.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The raw engine for scans: the {@code tesseract} command on the same page images, with the service's
 * language, page segmentation (psm 6) and thread setting (OMP_THREAD_LIMIT=1), one page at a time,
 * writing TSV (words with boxes and confidences, what the service takes from the engine).
 */
final class TesseractCli {
    private final String languages;

    TesseractCli(String languages) {
        this.languages = languages;
    }

    Timing run(List<Path> images) throws IOException, InterruptedException {
        long start = System.nanoTime();
        for (Path image : images) {
            ProcessBuilder pb = new ProcessBuilder("tesseract", image.toString(), "stdout", "-l", languages, "--psm", "6", "tsv");
            pb.environment().put("OMP_THREAD_LIMIT", "1");
            pb.redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD);
            int rc = pb.start().waitFor();
            if (rc != 0) throw new IOException("tesseract failed on " + image + " (exit " + rc + ")");
        }
        return new Timing(images.size(), (System.nanoTime() - start) / 1e9);
    }
}
