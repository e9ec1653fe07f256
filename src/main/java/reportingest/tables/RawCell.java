package reportingest.tables;

import reportingest.layout.BBox;
import reportingest.layout.PageOrigin;

/** A cell as recognised on the page, before any schema is applied. */
public record RawCell(String text, int page, BBox bbox, double confidence, PageOrigin origin) {}
