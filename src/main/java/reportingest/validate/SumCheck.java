package reportingest.validate;

import java.util.ArrayList;
import java.util.List;

/**
 * The one shape of most identities: this cell = Σ the cells of those rows or columns. A part the table does not print
 * is no term (a blank line of a 明细表 is no money); a total the table does not print is not checked.
 */
final class SumCheck {
    private SumCheck() {}

    /** The check, or null when the table prints no total cell. */
    static Check of(String id, String flagCode, String description, CellRef total, List<CellRef> parts, boolean skipWhenBlank,
                    DocumentCells cells) {
        if (cells.cell(total) == null) return null;
        List<Term> terms = new ArrayList<>();
        for (CellRef p : parts) if (cells.cell(p) != null) terms.add(Term.cell(cells.label(p), p));
        return new Check(id, flagCode, Check.Kind.SUM, Check.Source.TABLE, description, Term.cell(cells.label(total), total), terms,
                null, skipWhenBlank);
    }

    /** Adds the check when there is one. */
    static void add(List<Check> out, Check check) {
        if (check != null) out.add(check);
    }
}
