package reportingest.eval;

import java.util.Collection;

/**
 * The measures beside the contract counters ({@link EvalCounts}): cells split into printed amounts
 * (truth non-blank) and blank cells (truth blank), row labels, rows and tables the export has that
 * the truth does not, and narrative figures. A blank left blank is easy, so it is kept apart from
 * the printed amounts that carry the information.
 */
public record Measures(Outcomes printed, Outcomes blanks, Outcomes labels, int rowsExpected, int rowsMatched,
                       int rowsExtra, int tablesExtra, NarrativeCounts narrative) {
    public static final Measures ZERO = new Measures(Outcomes.ZERO, Outcomes.ZERO, Outcomes.ZERO, 0, 0, 0, 0,
            NarrativeCounts.ZERO);

    public Measures plus(Measures o) {
        return new Measures(printed.plus(o.printed), blanks.plus(o.blanks), labels.plus(o.labels),
                rowsExpected + o.rowsExpected, rowsMatched + o.rowsMatched, rowsExtra + o.rowsExtra,
                tablesExtra + o.tablesExtra, narrative.plus(o.narrative));
    }

    public static Measures sum(Collection<Measures> all) {
        Measures total = ZERO;
        for (Measures m : all) total = total.plus(m);
        return total;
    }

    public Measures withNarrative(NarrativeCounts n) {
        return new Measures(printed, blanks, labels, rowsExpected, rowsMatched, rowsExtra, tablesExtra, n);
    }
}
