package reportingest.validate;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * One instance of an identity on concrete cells or figures.
 * SUM: lhs = Σ sign × terms (rounding tolerance per amount, or {@code fixedTolerance});
 * EQUAL: lhs and terms[0] are two printings of one figure (coarser printed precision);
 * AT_LEAST: lhs ≥ terms[0];
 * RATIO: lhs, a percent, = terms[0] / terms[1] to the precision the three are printed with.
 * {@code source} says where the identity comes from: TABLE (schema identity), CROSS (between tables)
 * or NARRATIVE (figures stated in the text).
 */
public record Check(String id, String flagCode, Kind kind, Source source, String description, Term lhs,
                    List<Term> terms, BigDecimal fixedTolerance, boolean skipWhenBlank) {
    public enum Kind { SUM, EQUAL, AT_LEAST, RATIO }

    public enum Source { TABLE, CROSS, NARRATIVE }

    public Check {
        terms = List.copyOf(terms);
    }

    /** Every table cell the identity reads. */
    public List<CellRef> cells() {
        List<CellRef> out = new ArrayList<>();
        if (lhs.isCell()) out.add(lhs.ref());
        for (Term t : terms) if (t.isCell()) out.add(t.ref());
        return out;
    }

    public boolean involves(CellRef ref) {
        if (ref.equals(lhs.ref())) return true;
        for (Term t : terms) if (ref.equals(t.ref())) return true;
        return false;
    }
}
