package reportingest.reconcile.performance;

import reportingest.reconcile.Flag;
import reportingest.reconcile.performance.PerformanceCatalog.FormSpec;

import java.util.ArrayList;
import java.util.List;

/**
 * The 部门整体支出绩效评价基础数据表: a column of labels with three kinds of rows —
 * a caption row with headers followed by one unlabelled value row (财政供养人员情况, 楼堂馆所),
 * a caption row with headers followed by labelled amount rows (经费控制情况), and label + text rows.
 */
final class BasicDataFormReader implements FormReader {
    /** A single cell at least this long beside a label is prose, not a column header. */
    private static final int PROSE_LENGTH = 20;

    @Override
    public List<RowDraft> read(FormRegion region, List<Flag> tableFlags) {
        FormSpec form = region.form();
        List<SourceRow> rows = region.rows();
        List<RowDraft> out = new ArrayList<>();
        SpendingHierarchy hierarchy = new SpendingHierarchy(form.topLevelLabels());
        HeaderColumns columns = null;
        String section = null;
        for (int i = 0; i < rows.size(); i++) {
            SourceRow row = rows.get(i);
            if (row.isBlank()) continue;
            String label = CellText.label(row.text(0));
            if (label.isEmpty() || !row.isTabular()) {
                tableFlags.add(Flag.of("PARSE_AMBIGUOUS", "line " + row.line().lineNo() + " not read: " + row.line().text()));
                continue;
            }
            int next = nextFilled(rows, i + 1);
            boolean valuesFollow = next >= 0 && unlabelledValues(rows.get(next));
            if (form.isTextLabel(label) || (!valuesFollow && isProse(row))) {
                out.add(textRow(form, label, row));
            } else if (row.onlyWordsFrom(1) && valuesFollow) {
                HeaderColumns header = HeaderColumns.of(row, 1, CellText::compact);
                RowDraft d = new RowDraft(label).kind(form.kindOf(label));
                header.fill(d, rows.get(next), 1);
                out.add(d);
                i = next;
            } else if (row.onlyWordsFrom(1)) {
                columns = HeaderColumns.of(row, 1, CellText::compact);
                section = CellText.caption(row.text(0));
                hierarchy.reset();
            } else {
                RowDraft d = new RowDraft(label).kind(form.kindOf(label)).section(section);
                if (columns == null) {
                    d.flag("HEADER_UNMATCHED", "amounts without a header row above");
                } else {
                    columns.fill(d, row, 1);
                }
                hierarchy.place(d, row.text(0));
                out.add(d);
            }
        }
        return out;
    }

    private static RowDraft textRow(FormSpec form, String label, SourceRow row) {
        RowDraft d = new RowDraft(label).kind(form.kindOf(label) == null ? "text" : form.kindOf(label));
        List<Integer> filled = row.filledPositions();
        filled.remove(Integer.valueOf(0));
        if (filled.size() == 1) {
            d.cell(form.textColumn(), row, filled.get(0));
        } else {
            StringBuilder joined = new StringBuilder();
            for (int p : filled) joined.append(CellText.clean(row.text(p)));
            d.text(form.textColumn(), joined.length() == 0 ? null : joined.toString(), row.line().text(), row,
                    filled.isEmpty() ? 1 : filled.get(0));
            if (filled.size() > 1) d.flag("PARSE_AMBIGUOUS", "text of \"" + label + "\" joined from " + filled.size() + " cells");
        }
        return d;
    }

    private static boolean isProse(SourceRow row) {
        List<Integer> filled = row.filledPositions();
        return filled.size() == 2 && filled.get(0) == 0
                && !CellText.isNumeric(row.text(filled.get(1)))
                && CellText.clean(row.text(filled.get(1))).length() >= PROSE_LENGTH;
    }

    private static boolean unlabelledValues(SourceRow row) {
        return row.isTabular() && !row.filled(0) && !row.isBlank();
    }

    private static int nextFilled(List<SourceRow> rows, int from) {
        for (int i = from; i < rows.size(); i++) if (!rows.get(i).isBlank()) return i;
        return -1;
    }
}
