package reportingest.tables;

import java.util.List;

/** A row of cells as recognised; for broken layouts a row may hold a single cell. */
public record RawRow(List<RawCell> cells) {}
