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

    /** Width of a space as a share of the font size, as in common fonts. */
    private static final float SPACE_SHARE = 0.25f;

    record Built(technology.tabula.Page page, Map<TextElement, Word> words) {}

    private TabulaPages() {}

    /** Word-level elements: what lattice needs, and the reliable unit on OCR pages. */
    static Built of(Page page) {
        return of(page, false);
    }

    /**
     * @param perCharacter one element per character, each a proportional share of its word's box:
     *                     Tabula's stream algorithm merges elements into words by character widths,
     *                     and merges whole lines when handed words.
     */
    static Built of(Page page, boolean perCharacter) {
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
                int n = w.text().codePointCount(0, w.text().length());
                List<String> parts = perCharacter && n > 1
                        ? w.text().codePoints().mapToObj(Character::toString).toList() : List.of(w.text());
                float step = width / parts.size();
                for (int i = 0; i < parts.size(); i++) {
                    TextElement te = new TextElement((float) w.bbox().y(), (float) w.bbox().x() + i * step, step, h,
                            font, h, parts.get(i), h * SPACE_SHARE, 0f);
                    elements.add(te);
                    words.put(te, w);
                    index.add(te);
                }
                minW = Math.min(minW, width / Math.max(1, n));
                minH = Math.min(minH, h);
            }
        }
        if (elements.isEmpty()) {
            minW = 1;
            minH = 1;
        }
        List<Ruling> rulings = new ArrayList<>();
        List<reportingest.layout.Ruling> drawn = new ArrayList<>(page.rulings());
        drawn.addAll(OpenFrames.closing(page));
        for (reportingest.layout.Ruling r : drawn) {
            // Start at the top-left end: Tabula's collapsing and crossing tests assume start <= end, along the ruling's
            // own direction (a horizontal drawn 95 -> 747 whose far end sits 0.0001 pt higher is still left to right:
            // turned round it crossed nothing, and the row it closes was lost)
            boolean horizontal = Math.abs(r.x2() - r.x1()) >= Math.abs(r.y2() - r.y1());
            boolean swap = horizontal ? r.x1() > r.x2() : r.y1() > r.y2();
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
