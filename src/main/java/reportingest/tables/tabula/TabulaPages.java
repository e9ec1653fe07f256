package reportingest.tables.tabula;

import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import reportingest.layout.Page;
import reportingest.layout.TextLine;
import reportingest.layout.Word;
import technology.tabula.RectangleSpatialIndex;
import technology.tabula.Ruling;
import technology.tabula.TextElement;

import java.awt.geom.Point2D;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds a Tabula page from our page model, so that Tabula's algorithms run on any source (text
 * layer, OCR) alike. One text element per word: splitting words into characters reorders CJK
 * characters on OCR pages (STACK-NOTES §5). The map leads each element back to its word.
 */
final class TabulaPages {
    /** Tabula compares fonts but never measures them here; any font will do. */
    private static PDFont placeholderFont;

    record Built(technology.tabula.Page page, Map<TextElement, Word> words) {}

    private TabulaPages() {}

    static Built of(Page page) {
        List<TextElement> elements = new ArrayList<>();
        Map<TextElement, Word> words = new IdentityHashMap<>();
        RectangleSpatialIndex<TextElement> index = new RectangleSpatialIndex<>();
        float minW = Float.MAX_VALUE;
        float minH = Float.MAX_VALUE;
        PDFont font = font();
        for (TextLine line : page.lines()) {
            for (Word w : line.words()) {
                if (w.text().isBlank() || w.bbox() == null) continue;
                float h = (float) Math.max(w.bbox().height(), 0.1);
                float width = (float) Math.max(w.bbox().width(), 0.1);
                TextElement te = new TextElement((float) w.bbox().y(), (float) w.bbox().x(), width, h,
                        font, h, w.text(), h * 0.3f, 0f);
                elements.add(te);
                words.put(te, w);
                index.add(te);
                minW = Math.min(minW, width / Math.max(1, w.text().length()));
                minH = Math.min(minH, h);
            }
        }
        if (elements.isEmpty()) {
            minW = 1;
            minH = 1;
        }
        List<Ruling> rulings = new ArrayList<>();
        for (reportingest.layout.Ruling r : page.rulings()) {
            // Start at the top-left end: Tabula's collapsing and crossing tests assume start <= end.
            boolean swap = r.x1() > r.x2() || r.y1() > r.y2();
            Point2D.Float a = new Point2D.Float((float) r.x1(), (float) r.y1());
            Point2D.Float b = new Point2D.Float((float) r.x2(), (float) r.y2());
            rulings.add(swap ? new Ruling(b, a) : new Ruling(a, b));
        }
        technology.tabula.Page tp = new technology.tabula.Page(0, 0, (float) page.width(), (float) page.height(), 0,
                page.number(), null, null, elements, rulings, minW, minH, index);
        return new Built(tp, words);
    }

    private static synchronized PDFont font() {
        if (placeholderFont == null) placeholderFont = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
        return placeholderFont;
    }
}
