package reportingest.eval;

import java.util.List;

/**
 * The score of one export against its truth: the contract counters, the finer measures, per-table
 * lines and the cells that differ.
 */
public record DocumentScore(String document, EvalCounts counts, Measures measures, List<TableScore> tables,
                            List<CellMismatch> mismatches) {
    public DocumentScore {
        tables = List.copyOf(tables);
        mismatches = List.copyOf(mismatches);
    }

    /** The same score under another name (the input file, when several inputs share one truth). */
    public DocumentScore named(String name) {
        return new DocumentScore(name, counts, measures, tables, mismatches);
    }
}
