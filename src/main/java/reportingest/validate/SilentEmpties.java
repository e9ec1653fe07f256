package reportingest.validate;

import reportingest.reconcile.CellValue;
import reportingest.reconcile.ExtractedTable;
import reportingest.reconcile.Flag;
import reportingest.reconcile.TableRow;
import reportingest.catalog.IdentityDef;
import reportingest.catalog.SchemaDef;

import java.util.ArrayList;
import java.util.List;

/**
 * The last guard against silent loss: downstream systems trust a blank as "no money". A cell that
 * printed digits but has no value, and a table whose total column (the total of a row-sum identity)
 * came out empty on every row while its parts have non-zero amounts, are flagged whatever lost them.
 */
final class SilentEmpties {
    static final String PARSE_AMBIGUOUS = "PARSE_AMBIGUOUS";
    static final String COLUMN_MISSING = "COLUMN_MISSING";

    private SilentEmpties() {}

    /** The flag an unflagged cell needs when its printed digits were not read as a value; null when it needs none. */
    static Flag unreadDigits(String label, CellValue c, List<Flag> flags) {
        if (c.value() != null || !flags.isEmpty() || c.raw() == null || c.raw().chars().noneMatch(Character::isDigit)) return null;
        return Flag.of(PARSE_AMBIGUOUS, label + ": printed '" + c.raw().strip() + "' could not be read as an amount");
    }

    /** Table flags for total columns that are empty on every row although their parts are not. */
    static List<Flag> emptyTotals(SchemaDef schema, ExtractedTable t) {
        List<Flag> out = new ArrayList<>();
        if (schema == null || t.rows().isEmpty()) return out;
        for (IdentityDef id : schema.identities()) {
            if (!"row_sum".equals(id.kind()) || id.total() == null || !t.columns().contains(id.total())) continue;
            // parts of only zeros beside a blank total are a table with no money, not a lost column
            if (anyValue(t, List.of(id.total()), false) || !anyValue(t, id.parts(), true)) continue;
            out.add(Flag.of(COLUMN_MISSING, "column " + id.total() + " of " + t.title() + " came out empty on every row, "
                    + "though " + String.join("/", id.parts()) + " have amounts: the column was not read"));
        }
        return out;
    }

    private static boolean zero(String value) {
        try {
            return new java.math.BigDecimal(value).signum() == 0;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static boolean anyValue(ExtractedTable t, List<String> columns, boolean nonZero) {
        for (TableRow r : t.rows()) {
            for (String c : columns) {
                CellValue v = r.cells().get(c);
                if (v != null && v.value() != null && (!nonZero || !zero(v.value()))) return true;
            }
        }
        return false;
    }
}
