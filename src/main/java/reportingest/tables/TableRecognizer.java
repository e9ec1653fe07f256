package reportingest.tables;

import reportingest.layout.Page;
import reportingest.layout.PageOrigin;

import java.util.List;

/** Finds the tables on a document's pages (and stitches those continued over a page break). */
public interface TableRecognizer {
    List<RawTable> recognize(List<Page> pages);

    /** Whether this recognizer reads pages of this origin; the tables step hands it only those. */
    default boolean reads(PageOrigin origin) {
        return true;
    }
}
