package reportingest.layout.ocr.real;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import reportingest.detect.DetectedFile;
import reportingest.detect.DocumentKind;
import reportingest.layout.Page;
import reportingest.layout.TextLine;
import reportingest.layout.Word;
import reportingest.layout.ocr.ImagePageSource;
import reportingest.layout.ocr.TesseractOcr;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Real page images kept outside the repository (../shared/external, see its MANIFEST): renders of a
 * 2026 石泉路街道 单位预算 with the PDF's own page text as truth, and cTDaR 2019 Chinese table pages.
 * Tests that use them skip when they are absent.
 */
public final class RealRenders {
    public static final String TESSDATA = "/usr/share/tesseract-ocr/5/tessdata";
    /** Beside the repository only: a clone elsewhere skips these tests rather than reading someone's absolute path. */
    public static final Path EXTERNAL = Path.of("..", "shared", "external");
    public static final Path PUTUO = EXTERNAL.resolve("govbudgetchecker_shanghai_putuo/tmp");
    public static final Path CTDAR = EXTERNAL.resolve("ctdar2019_supplement_cn");

    private RealRenders() {}

    public static Path putuoPage(int page) {
        return PUTUO.resolve("pdfs/shiquan_unit26_p" + page + ".png");
    }

    /** The page text from the PDF's text layer (the repository author's extraction). */
    public static String putuoPageText(int page) throws IOException {
        JsonNode pages = new ObjectMapper().readTree(PUTUO.resolve("shiquan_unit26_pages.json").toFile());
        for (JsonNode p : pages) if (p.get("page").asInt() == page) return p.get("text").asText();
        throw new IllegalArgumentException("no page " + page);
    }

    /** One image file through the service's image path (its resolution decided as the service does). */
    public static List<Page> ocr(TesseractOcr ocr, Path image) throws IOException {
        String name = image.getFileName().toString();
        DocumentKind kind = name.endsWith(".png") ? DocumentKind.PNG : DocumentKind.JPEG;
        List<Page> pages = new ArrayList<>();
        String forced = System.getProperty("realrenders.dpi");
        if (forced != null) {
            // Tuning only: read at a given resolution, bypassing the service's own decision.
            pages.add(ocr.read(javax.imageio.ImageIO.read(image.toFile()), 1, Integer.parseInt(forced)));
            return pages;
        }
        new ImagePageSource(ocr).pages(new DetectedFile(image, name, kind, null), pages::add);
        return pages;
    }

    /**
     * A page's words, a line per line. Words that touch are joined without a space (OCR splits "199万元"
     * into "199" "万元"); words apart, such as neighbouring table cells, keep a space between them.
     */
    public static String text(Page page) {
        StringBuilder sb = new StringBuilder();
        for (TextLine l : page.lines()) {
            Word prev = null;
            for (Word w : l.words()) {
                if (prev != null && w.bbox().x() - prev.bbox().right() > 0.5 * prev.bbox().height()) sb.append(' ');
                sb.append(w.text());
                prev = w;
            }
            sb.append('\n');
        }
        return sb.toString();
    }
}
