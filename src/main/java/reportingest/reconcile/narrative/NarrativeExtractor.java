package reportingest.reconcile.narrative;

import reportingest.layout.Page;
import reportingest.reconcile.DocumentFamily;
import reportingest.reconcile.NarrativeFact;

import java.util.ArrayList;
import java.util.List;

/**
 * Headline figures stated in the narrative text of a 部门决算 report (第三部分 决算情况说明) and of
 * appended 绩效自评报告 / 绩效评价报告, each with the exact quote it came from. Validation compares
 * them with the table cells holding the same figure. A government's book also states figures of its tables in the
 * 说明 beside them ({@link BookFigureReader}).
 */
public final class NarrativeExtractor {
    private final BlockReader reader;
    private final BlockMatcher matcher;
    private final BookFigureReader books = new BookFigureReader();

    public NarrativeExtractor() {
        this(NarrativeCatalog.load());
    }

    public NarrativeExtractor(NarrativeCatalog catalog) {
        this.reader = new BlockReader(catalog);
        this.matcher = new BlockMatcher(catalog);
    }

    public List<NarrativeFact> extract(List<Page> pages) {
        return extract(pages, null);
    }

    /** @param documentYear the fiscal year the cover and tables state (null when unknown) */
    public List<NarrativeFact> extract(List<Page> pages, Integer documentYear) {
        List<NarrativeFact> facts = new ArrayList<>();
        for (TextBlock b : reader.read(pages, documentYear)) facts.addAll(matcher.match(b));
        return facts;
    }

    /** @param kind the document family: a government's book is read for the figures of its 说明 too */
    public List<NarrativeFact> extract(List<Page> pages, Integer documentYear, String kind) {
        List<NarrativeFact> facts = extract(pages, documentYear);
        if (DocumentFamily.isGovernmentBook(kind)) facts.addAll(books.read(pages, documentYear));
        return facts;
    }

    /** The narrative blocks as read, for diagnostics. */
    List<TextBlock> blocks(List<Page> pages) {
        return reader.read(pages);
    }
}
