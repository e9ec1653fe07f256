package reportingest.reconcile.narrative;

/**
 * One paragraph group of narrative text: a heading and the lines under it, with PDF line breaks
 * joined and all whitespace removed, so that a wording split over lines still matches and any
 * excerpt is a whitespace-insensitive excerpt of the source. {@code pages}/{@code lines} give the
 * page and line of every character, for provenance.
 *
 * @param scope   决算说明, 绩效自评报告 or 绩效评价报告
 * @param year    the year the scope reports on, or null when no year was printed
 * @param section heading path as printed ("五、… > （三）…")
 * @param item    number of the enclosing "1、" item heading, or null
 */
public record TextBlock(String scope, Integer year, String section, Integer item, String text,
                        int[] pages, int[] lines) {

    /** The section path without whitespace, for matching rule section hints. */
    public String sectionKey() {
        return Text.squash(section);
    }

    public TextBlock withYear(Integer y) {
        return new TextBlock(scope, y, section, item, text, pages, lines);
    }
}
