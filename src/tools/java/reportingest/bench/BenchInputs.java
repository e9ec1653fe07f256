package reportingest.bench;

import java.nio.file.Path;
import java.util.List;

/**
 * Everything one bench run reads, generated under a temporary folder.
 *
 * @param text          OCR'd text reports (the seeds)
 * @param bornDigital   PDFs with a text layer
 * @param scans         the clean 300-dpi scan set: a multi-page TIFF and an image-only PDF of the same pages
 * @param scanImages    those pages as PNG, for the raw tesseract command
 * @param degraded      the degraded scan set (multi-page TIFF)
 * @param degradedImages its pages as PNG
 * @param large         the long image-only PDF for the memory measurement
 * @param largePages    its page count
 * @param warmUp        small files of every kind, run before measuring so no engine starts cold
 */
record BenchInputs(List<Path> text, List<Path> bornDigital, List<Path> scans, List<Path> scanImages,
                   List<Path> degraded, List<Path> degradedImages, Path large, int largePages, List<Path> warmUp,
                   String bornDigitalSource) {}
