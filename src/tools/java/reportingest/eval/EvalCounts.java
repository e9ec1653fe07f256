package reportingest.eval;

import java.util.Collection;

/**
 * Counters of one comparison (a table, a document or a whole run); they add up.
 *
 * <p>Invariant for every instance built by the comparator:
 * {@code cellsExpected == cellsCorrect + cellsWrongFlagged + cellsWrongUnflagged + cellsMissing}.
 * {@code cellsFlagged} and {@code cellsExported} count the export's cells of matched tables,
 * so their ratio is the review load.
 */
public record EvalCounts(
        int documents,
        int tablesExpected,
        int tablesFound,
        int tablesExtra,
        int cellsExpected,
        int cellsCorrect,
        int cellsWrongFlagged,
        int cellsWrongUnflagged,
        int cellsMissing,
        int cellsFlagged,
        int cellsExported) {

    public static final EvalCounts ZERO = new EvalCounts(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    public EvalCounts plus(EvalCounts o) {
        return new EvalCounts(
                documents + o.documents,
                tablesExpected + o.tablesExpected,
                tablesFound + o.tablesFound,
                tablesExtra + o.tablesExtra,
                cellsExpected + o.cellsExpected,
                cellsCorrect + o.cellsCorrect,
                cellsWrongFlagged + o.cellsWrongFlagged,
                cellsWrongUnflagged + o.cellsWrongUnflagged,
                cellsMissing + o.cellsMissing,
                cellsFlagged + o.cellsFlagged,
                cellsExported + o.cellsExported);
    }

    public static EvalCounts sum(Collection<EvalCounts> all) {
        EvalCounts total = ZERO;
        for (EvalCounts c : all) total = total.plus(c);
        return total;
    }

    public int cellsWrong() { return cellsWrongFlagged + cellsWrongUnflagged; }

    /** The same counts counted as one document, for a document's total. */
    public EvalCounts asDocument() {
        return new EvalCounts(1, tablesExpected, tablesFound, tablesExtra, cellsExpected, cellsCorrect,
                cellsWrongFlagged, cellsWrongUnflagged, cellsMissing, cellsFlagged, cellsExported);
    }
}
