package reportingest.layout.ocr;

import reportingest.detect.IngestFailure;

/**
 * The most pixels one page may take on its way to OCR ({@code ingest.ocr.max-page-megapixels}). Memory
 * is bounded per page, not per file: a page above the budget is read down-sampled, never rendered or
 * decoded whole.
 */
public record PixelBudget(long maxPixels) {
    public static final PixelBudget DEFAULT = ofMegapixels(60);

    public PixelBudget {
        if (maxPixels < 1_000_000) throw new IllegalArgumentException("a page pixel budget under 1 megapixel cannot hold a readable page: " + maxPixels);
    }

    public static PixelBudget ofMegapixels(long megapixels) {
        return new PixelBudget(megapixels * 1_000_000);
    }

    /**
     * The smallest whole-number step (1 = every pixel) at which an image of this size decodes within the
     * budget. (OCR's own resampling to about 300 dpi never up-samples a page past the budget either, see
     * {@link OcrResolution#workingDpi(int, long, long, PixelBudget)}.)
     */
    public int subsampling(long widthPx, long heightPx) {
        int step = 1;
        while ((widthPx / step) * (heightPx / step) > maxPixels) step++;
        return step;
    }

    /** The resolution to render a page of this size in points at: {@code wanted}, or less when that would exceed the budget. */
    public int renderDpi(double widthPt, double heightPt, int wanted) {
        double squareInches = (widthPt / 72) * (heightPt / 72);
        int fit = (int) Math.floor(Math.sqrt(maxPixels / squareInches));
        return Math.max(1, Math.min(wanted, fit));
    }

    public long megapixels() {
        return maxPixels / 1_000_000;
    }

    /** Why a file failed when one of its pages still did not fit in memory, and what the operator can do. */
    public IngestFailure tooLarge(String fileName, String page, OutOfMemoryError cause) {
        return new IngestFailure("PAGE_TOO_LARGE", "Page " + page + " of '" + fileName + "' is too large to read within the "
                + "service's memory (the pixel budget is " + megapixels() + " megapixels a page, and the Java heap ran out).",
                TOO_LARGE_ACTION, cause);
    }

    /**
     * Why a file failed before a page was decoded, because its reader would decode more at once than the
     * service can hold (say, a TIFF whose one strip is the whole of a gigapixel page, down-sampled or not).
     */
    public IngestFailure tooLargeToDecode(String fileName, String page, long bytesAtOnce, long limit) {
        return new IngestFailure("PAGE_TOO_LARGE", "Page " + page + " of '" + fileName + "' is too large to read within the "
                + "service's memory: its image data comes in one piece of " + (bytesAtOnce >> 20) + " MB (a strip or tile), "
                + "which would be decoded whole, and the service takes at most " + (limit >> 20) + " MB at once.",
                TOO_LARGE_ACTION);
    }

    private static final String TOO_LARGE_ACTION = "Scan or export the pages at 300 dpi or less and drop the new file into "
            + "the inbox; or give the service more memory (-Xmx in bin/jvm-options) and lower ingest.ocr.max-page-megapixels, "
            + "then move the file back into the inbox.";
}
