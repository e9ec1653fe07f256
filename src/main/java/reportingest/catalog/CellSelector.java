package reportingest.catalog;

/**
 * Names table cells in catalog data: the schema, a row by its key fields (side + item of two-sided
 * tables, code or name of coded tables, label or kind of performance forms; itemPattern is a regex
 * over the item for several rows; level picks all coded rows with codes of that length) and a column.
 * Item and name compare without layout whitespace and without a leading ordinal (一、).
 * A column may hold {year}, replaced by the document's fiscal year.
 */
public record CellSelector(String schema, String side, String item, String itemPattern, String code, String name,
                           String label, String kind, Integer level, String column) {}
