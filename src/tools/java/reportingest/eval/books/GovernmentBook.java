package reportingest.eval.books;

/**
 * One government budget or final-accounts book as {@code bin/eval --books} measures it: pages; the numbered forms it
 * prints against those delivered (with the title as printed where the titles printed are known, else a title present;
 * a unit; a span over a page printing the number), forms delivered twice or more, tables without a form number,
 * tables of no catalog form; where a truth exists, its rows read exactly, wrong and flagged, wrong unflagged, missing;
 * the 说明 figures read, checked against the cell they name, and holding; and where titles printed are known, the
 * titles exported as printed, wrong but flagged, wrong unflagged.
 *
 * @param truth  null where no truth covers the book
 * @param titles null where the titles printed are not known
 */
public record GovernmentBook(String file, int pages, int formsPrinted, int formsDelivered, boolean titlesKnown, int doubled,
                             int unnumbered, int tables, int tablesUnknown, Truth truth, int narrativeRead,
                             int narrativeChecked, int narrativeHolding, TitleCensus titles, double seconds) {
    /** Truth rows: each in the row with that label in the table over that page, in the column of the year's 决算. */
    public record Truth(String source, int rows, int exact, int wrongFlagged, int wrongUnflagged, int missing) {}
}
