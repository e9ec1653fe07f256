package reportingest.validate;

/** A value cell of the document: table index, row index within the table, canonical column. */
public record CellRef(int table, int row, String column) {}
