package reportingest.reconcile.performance;

import reportingest.reconcile.performance.PerformanceCatalog.FormSpec;

import java.util.ArrayList;
import java.util.List;

/**
 * The funds block of the 自评表 (年初预算数 … 得分). The first row is the total (kind funds); later
 * rows of the block are its parts. Captions left of the label column ("资金情况 (万元)" above
 * "年度资金总额") become the section.
 */
final class FundsBlock implements RowBlock {
    private final HeaderColumns columns;
    private final String section;
    private final List<RowDraft> rows = new ArrayList<>();
    private RowDraft total;

    FundsBlock(FormSpec form, SourceRow header) {
        columns = HeaderColumns.of(header, 0, form::fundsColumn);
        List<String> captions = new ArrayList<>();
        for (int p : header.filledPositions()) {
            if (p < columns.first()) captions.add(CellText.caption(header.text(p)));
        }
        section = captions.size() >= 2 ? String.join(" / ", captions) : null;
    }

    static boolean isHeader(FormSpec form, SourceRow row) {
        int hits = 0;
        for (int p : row.filledPositions()) if (form.fundsColumn(row.text(p)) != null) hits++;
        return hits >= 3;
    }

    /** The total row, parent of the breakdown blocks that follow. */
    RowDraft total() { return total; }

    HeaderColumns columns() { return columns; }

    @Override
    public void accept(SourceRow row) {
        int labelAt = row.firstFilled();
        RowDraft d;
        if (labelAt < 0 || labelAt >= columns.first()) {
            d = new RowDraft(null).flag("PARSE_AMBIGUOUS", "funds row without a label");
            labelAt = columns.first() - 1;
        } else {
            d = new RowDraft(CellText.label(row.text(labelAt)));
        }
        d.section(section);
        if (total == null) {
            total = d.kind("funds");
        } else {
            d.parent(total.label());
        }
        columns.fill(d, row, labelAt + 1);
        rows.add(d);
    }

    @Override
    public List<RowDraft> finish() {
        return rows;
    }
}
