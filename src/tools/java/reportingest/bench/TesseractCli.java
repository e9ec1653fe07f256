package reportingest.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The raw engine for scans: the {@code tesseract} command on the same page images, with the service's
 * language, page segmentation (psm 6) and thread setting (OMP_THREAD_LIMIT=1), writing TSV (words with
 * boxes and confidences, what the service takes from the engine). Measured two ways, because the
 * service keeps its engines loaded: one process per page (reloads chi_sim+eng every page, as a script
 * calling the command would) and one warm process over all pages (a file list: models loaded once,
 * the fair comparison for the service's OCR).
 */
final class TesseractCli {
    private final String languages;

    TesseractCli(String languages) {
        this.languages = languages;
    }

    /** One {@code tesseract} process per page. */
    Timing perPage(List<Path> images) throws IOException, InterruptedException {
        long start = System.nanoTime();
        for (Path image : images) run(image);
        return new Timing(images.size(), (System.nanoTime() - start) / 1e9);
    }

    /** One {@code tesseract} process for all pages, given as a list file (models loaded once). */
    Timing warm(List<Path> images) throws IOException, InterruptedException {
        Path list = Files.createTempFile("bench-tesseract-", ".txt");
        try {
            Files.write(list, images.stream().map(Path::toString).toList(), StandardCharsets.UTF_8);
            long start = System.nanoTime();
            run(list);
            return new Timing(images.size(), (System.nanoTime() - start) / 1e9);
        } finally {
            Files.deleteIfExists(list);
        }
    }

    private void run(Path input) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder("tesseract", input.toString(), "stdout", "-l", languages, "--psm", "6", "tsv");
        pb.environment().put("OMP_THREAD_LIMIT", "1");
        pb.redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD);
        int rc = pb.start().waitFor();
        if (rc != 0) throw new IOException("tesseract failed on " + input + " (exit " + rc + ")");
    }
}
