/**
 * OCR page source: scanned images (TIFF, PNG, JPEG) and image-only PDF pages into the shared page model.
 *
 * <p>Public entry points: {@link reportingest.layout.ocr.TesseractOcr} (the {@code ImageOcr} behind every
 * scanned page; thread-safe, pools one native Tesseract engine per concurrent caller) and
 * {@link reportingest.layout.ocr.ImagePageSource} (image files, frame by frame).
 *
 * <p>Per page: gray → deskew ({@code SkewCorrector}) → find rulings ({@code RulingDetector}) →
 * erase them ({@code RulingEraser}, or Tesseract reads nothing inside a ruled table) → Tesseract psm 6
 * ({@code TesseractEngine}) → words grouped into lines ({@code WordLines}). Everything is in points in the
 * straightened frame. The process needs OMP_THREAD_LIMIT=1 in its environment.
 */
package reportingest.layout.ocr;
