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
 *
 * <p>A second engine, PP-OCRv4 on ONNX Runtime ({@code PpOcrEngine}: {@code DbPostProcess} boxes,
 * {@code CtcDecoder} text; {@code PpOcrReader} reads ruled cells from their crops and the rest by detection),
 * reads instead of Tesseract or beside it, as {@link reportingest.layout.ocr.OcrEngines} says
 * ({@code ingest.ocr.engines}). With both, {@code CellConsensus} raises the confidence of cells both read alike
 * and leaves the other reading of the rest on the page ({@code Page.otherReadings}) for validation to referee;
 * {@code DoubtfulRegions} says what PP-OCR reads under {@code ingest.ocr.second-reading=doubtful} (only what
 * Tesseract is unsure of, with no detection on the whole page).
 */
package reportingest.layout.ocr;
