package reportingest.reconcile.performance;

import reportingest.layout.Page;
import reportingest.reconcile.ExtractedTable;
import reportingest.reconcile.Flag;
import reportingest.reconcile.TableRow;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Recovers the semi-structured performance forms (绩效评价基础数据表, 绩效自评表) from a document's
 * pages. Forms are found by title; each catalog layout has its reader. Rows come out as the
 * ground truth writes them: label, kind, section, parent, parent_column and the printed values.
 */
public final class PerformanceTableReader {
    private final PerformanceCatalog catalog;
    private final Map<String, FormReader> readers = Map.of(
            "basic_data", new BasicDataFormReader(),
            "self_evaluation", new SelfEvaluationFormReader());

    public PerformanceTableReader() {
        this(PerformanceCatalog.load());
    }

    public PerformanceTableReader(PerformanceCatalog catalog) {
        this.catalog = catalog;
    }

    public List<ExtractedTable> read(List<Page> pages) {
        List<ExtractedTable> tables = new ArrayList<>();
        for (FormRegion region : new FormLocator(catalog).locate(pages)) {
            FormReader reader = readers.get(region.form().layout());
            if (reader == null) throw new IllegalStateException("no reader for layout " + region.form().layout());
            List<Flag> flags = new ArrayList<>();
            List<TableRow> rows = new ArrayList<>();
            for (RowDraft d : reader.read(region, flags)) rows.add(d.toRow());
            tables.add(new ExtractedTable(region.form().schema(), region.title(), null, columns(rows), rows,
                    List.of(), flags, region.pageFrom(), region.pageTo()));
        }
        return tables;
    }

    /** Columns in order of first use, as the truth lists them. */
    private static List<String> columns(List<TableRow> rows) {
        Set<String> cols = new LinkedHashSet<>();
        for (TableRow r : rows) cols.addAll(r.cells().keySet());
        return new ArrayList<>(cols);
    }
}
