package reportingest.tables.tabula;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reportingest.layout.Page;
import reportingest.layout.PageOrigin;
import reportingest.layout.TextLine;
import reportingest.tables.RawTable;
import reportingest.tables.TitleReading;
import reportingest.tables.TableRecognizer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Tables from pages with positioned words and ruling lines (PDF text layer or OCR of images), by
 * Tabula's lattice and stream algorithms, with captions, and stitched over page breaks.
 * Pages of OCR'd text files are left alone: their boxes are a text grid, not page positions.
 */
public final class TabulaTableRecognizer implements TableRecognizer {
    private static final Logger log = LoggerFactory.getLogger(TabulaTableRecognizer.class);
    /** A line printed on this many pages is a running head or foot. */
    private static final int RUNNING_PAGES = 3;

    /** Pages with word boxes in points: PDF text layers and OCR of images, not text-grid pages. */
    @Override
    public boolean reads(PageOrigin origin) {
        return origin != PageOrigin.OCR_TEXT;
    }

    @Override
    public List<RawTable> recognize(List<Page> pages) {
        List<Page> positioned = pages.stream().filter(p -> p.origin() != PageOrigin.OCR_TEXT).toList();
        CaptionFinder captions = new CaptionFinder(runningLines(positioned));
        List<Fragment> fragments = new ArrayList<>();
        Caption pending = null;
        for (Page page : positioned) {
            try {
                List<Fragment> found = PageTables.find(page);
                List<Fragment> captioned = new ArrayList<>(captions.caption(page, found));
                // a title left at the foot of the page before names the table this page opens with, when that table
                // has no title of its own (none, or a line that is no title: the 部门 printed over it)
                if (pending != null && !captioned.isEmpty() && captioned.get(0).firstOnPage()) {
                    Fragment f = captioned.get(0);
                    Caption own = f.caption();
                    if (own.title() == null || !CaptionText.looksLikeTitle(own.title())) {
                        List<String> context = new ArrayList<>(pending.context());
                        for (String c : own.context()) if (!context.contains(c)) context.add(c);
                        Caption c = new Caption(pending.title(), pending.formNo() != null ? pending.formNo() : own.formNo(), context,
                                own.notes(), false, pending.reading());
                        captioned.set(0, new Fragment(f.page(), f.box(), f.columnLefts(), f.rows(), c, f.lattice(),
                                f.firstOnPage(), f.lastOnPage()));
                    }
                }
                pending = captions.trailing(page, found);
                fragments.addAll(captioned);
            } catch (RuntimeException e) {
                // One odd page (degenerate rulings, say) must not cost the document its other tables.
                log.warn("Table recognition failed on page {}: {}", page.number(), e.toString());
            }
        }
        // an OCR'd title's unsure characters stand where another title of the book, or its contents line, reads them
        // surely; those that still do not are mended where the other readings print one thing in their place
        Map<String, TitleReading> contents = ContentsTitles.of(positioned);
        return TitleHolder.MENDER.mend(TitleHolder.TITLES.confirm(Stitcher.stitch(fragments), contents), contents);
    }

    /** The catalog's vocabulary, loaded once when a page is first recognised. */
    private static final class TitleHolder {
        static final BookTitles TITLES = BookTitles.fromCatalog();
        static final TitleMender MENDER = TitleMender.fromCatalog(TITLES);
    }

    private static Set<String> runningLines(List<Page> pages) {
        Map<String, Set<Integer>> seen = new HashMap<>();
        for (Page p : pages) {
            for (TextLine l : p.lines()) {
                String key = CaptionText.compact(l.text());
                if (!key.isEmpty()) seen.computeIfAbsent(key, k -> new HashSet<>()).add(p.number());
            }
        }
        Set<String> running = new HashSet<>();
        seen.forEach((k, v) -> { if (v.size() >= RUNNING_PAGES) running.add(k); });
        return running;
    }
}
