package reportingest.tables;

import reportingest.layout.Page;

import java.util.List;

/** Finds the tables on a document's pages (and stitches those continued over a page break). */
public interface TableRecognizer {
    List<RawTable> recognize(List<Page> pages);
}
