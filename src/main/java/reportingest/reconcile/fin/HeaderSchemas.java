package reportingest.reconcile.fin;

import reportingest.catalog.Catalog;
import reportingest.catalog.EditDistance;
import reportingest.catalog.SchemaDef;
import reportingest.catalog.TextKey;
import reportingest.reconcile.Flag;
import reportingest.tables.RawCell;
import reportingest.tables.RawRow;
import reportingest.tables.RawTable;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Names a table by its header columns when the line printed as its title names no schema (OCR could
 * not read it). A table with no title line at all is left unnamed: most often it is the rest of a
 * table continued from a page whose part was not found, and naming it would publish a fragment as
 * the whole table. The header decides only when it names every value column of exactly one schema,
 * the widest such: 收入决算表's seven sources or 支出决算表's six kinds of spending are printed by no
 * other form, so such a header is as sure as a title. Headers shared by several forms (小计 | 基本支出
 * | 项目支出 is both 一般公共预算财政拨款支出决算表 and 国有资本经营预算财政拨款支出决算表) name none,
 * and neither do the form number (公开03表 is a different form from one department to the next) nor
 * headers of one or two columns (决算数, 金额), which many tables print. An unnamed table stays
 * SCHEMA_UNKNOWN, never guessed.
 */
final class HeaderSchemas {
    /** Provenance: the schema came from the header, the title being unreadable or absent. */
    static final String SCHEMA_FROM_HEADER = "SCHEMA_FROM_HEADER";
    /** A header naming fewer columns is too common to tell forms apart. */
    static final int MIN_COLUMNS = 3;
    /** Headers are a few rows; the first row holding an amount is data. */
    private static final int MAX_HEADER_ROWS = 6;
    private static final Pattern AMOUNT = Pattern.compile("^[-+(（]?[0-9０-９][0-9０-９,，]*[.．][0-9０-９]+[)）]?$");

    private HeaderSchemas() {}

    static Optional<SchemaDef> identify(Catalog catalog, RawTable table) {
        if (table.title() == null || table.title().isBlank()) return Optional.empty();
        List<RawRow> header = headerRows(table.rows());
        if (header.isEmpty()) return Optional.empty();
        SchemaDef best = null;
        boolean tie = false;
        for (SchemaDef s : catalog.schemas()) {
            int n = s.columns().size();
            if (!s.financial() || n < MIN_COLUMNS) continue;
            if (HeaderMatcher.columnsNamed(header, s).size() < n) continue;
            if (best == null || n > best.columns().size()) {
                best = s;
                tie = false;
            } else if (n == best.columns().size()) {
                tie = true;
            }
        }
        return tie ? Optional.empty() : Optional.ofNullable(best);
    }

    static Flag flag(RawTable table, SchemaDef schema) {
        return Flag.of(SCHEMA_FROM_HEADER, "title '" + table.title() + "' not readable; the header names every column of "
                + schema.title() + " and of no other form");
    }

    /** Titles shorter than this get no slip in the catalog (收入决算表 and 支出决算表 are two characters apart). */
    static final int SHORT_TITLE = 6;

    /**
     * A short title read with one slip (文出决算表 for 支出决算表), where the header prints only some of the form's
     * columns: the one short catalog title one character away names the form if the header vouches for it, naming at
     * least {@link #MIN_COLUMNS} of its columns. The title alone may not: one slip in five characters could be another
     * form's.
     */
    static Optional<SchemaDef> identifyByShortTitleWithSlip(Catalog catalog, RawTable table) {
        if (table.title() == null || table.title().isBlank()) return Optional.empty();
        String key = TextKey.of(table.title());
        Set<SchemaDef> near = new LinkedHashSet<>();
        for (SchemaDef s : catalog.schemas()) {
            if (!s.financial()) continue;
            for (String t : s.allTitles()) {
                String tk = TextKey.of(t);
                if (tk.length() < SHORT_TITLE && EditDistance.within(key, tk, 1) == 1) near.add(s);
            }
        }
        if (near.size() != 1) return Optional.empty();
        SchemaDef s = near.iterator().next();
        List<RawRow> header = headerRows(table.rows());
        return HeaderMatcher.columnsNamed(header, s).size() >= MIN_COLUMNS ? Optional.of(s) : Optional.empty();
    }

    static Flag slipFlag(RawTable table, SchemaDef schema) {
        return Flag.of(SCHEMA_FROM_HEADER, "title '" + table.title() + "' read as " + schema.title()
                + " (one character off); the header names " + HeaderMatcher.columnsNamed(headerRows(table.rows()), schema).size()
                + " of its columns");
    }

    /** The rows before the first one holding an amount (all rows, at most a few, of an empty table). */
    static List<RawRow> headerRows(List<RawRow> rows) {
        List<RawRow> out = new ArrayList<>();
        for (RawRow r : rows) {
            if (out.size() == MAX_HEADER_ROWS || r.cells().stream().map(RawCell::text).anyMatch(t -> AMOUNT.matcher(t.strip()).matches())) break;
            out.add(r);
        }
        return out;
    }
}
