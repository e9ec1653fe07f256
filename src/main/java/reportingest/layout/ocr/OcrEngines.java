package reportingest.layout.ocr;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Which OCR engines read scanned pages ({@code ingest.ocr.engines}): {@code tesseract} (the default),
 * {@code ppocr}, or both ({@code tesseract,ppocr}, in any order). With both, Tesseract's words make the
 * page and PP-OCR reads every table cell again (see {@link CellConsensus}).
 */
public enum OcrEngines {
    TESSERACT, PPOCR, BOTH;

    public static OcrEngines parse(String setting) {
        if (setting == null || setting.isBlank()) return TESSERACT;
        Set<String> names = new LinkedHashSet<>();
        for (String s : setting.split(",")) if (!s.isBlank()) names.add(s.strip().toLowerCase(Locale.ROOT));
        for (String n : names) {
            if (!n.equals("tesseract") && !n.equals("ppocr")) {
                throw new IllegalArgumentException("ingest.ocr.engines: unknown engine '" + n
                        + "'; use tesseract, ppocr, or tesseract,ppocr");
            }
        }
        if (names.size() == 2) return BOTH;
        return names.contains("ppocr") ? PPOCR : TESSERACT;
    }

    public boolean usesTesseract() { return this != PPOCR; }

    public boolean usesPpOcr() { return this != TESSERACT; }

    /** As written in the setting. */
    public String setting() {
        return switch (this) {
            case TESSERACT -> "tesseract";
            case PPOCR -> "ppocr";
            case BOTH -> "tesseract,ppocr";
        };
    }

    @Override
    public String toString() { return setting(); }
}
