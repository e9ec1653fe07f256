package reportingest.reconcile.performance;

import reportingest.reconcile.Flag;
import reportingest.reconcile.performance.PerformanceCatalog.FormSpec;

import java.util.ArrayList;
import java.util.List;

/**
 * The 部门整体支出绩效自评表: a header line (部门名称), the funds block and its breakdowns, the
 * 年度总体目标 texts, the indicator grid and the 总分 row that closes the form. Each header row
 * starts a block; the block's rows are read against that header.
 */
final class SelfEvaluationFormReader implements FormReader {

    @Override
    public List<RowDraft> read(FormRegion region, List<Flag> tableFlags) {
        FormSpec form = region.form();
        List<SourceRow> rows = region.rows();
        List<RowDraft> out = new ArrayList<>();
        RowBlock block = null;
        FundsBlock funds = null;
        IndicatorBlock indicators = null;
        for (int i = 0; i < rows.size(); i++) {
            SourceRow row = rows.get(i);
            if (row.isBlank()) continue;
            if (!row.isTabular()) {
                tableFlags.add(unread(row));
                continue;
            }
            int labelAt = row.firstFilled();
            String label = CellText.label(row.text(labelAt));
            if (form.isTotalLabel(label)) {
                flush(block, out);
                block = null;
                out.add(indicators != null ? indicators.total(label, row)
                        : new RowDraft(label).kind("total").flag("HEADER_UNMATCHED", "总分 row without indicator header"));
                break;
            }
            if (IndicatorBlock.isHeader(form, row)) {
                flush(block, out);
                block = indicators = new IndicatorBlock(form, row);
            } else if (form.isTextLabel(label)) {
                flush(block, out);
                block = null;
                int next = nextFilled(rows, i + 1);
                out.add(TextRows.read(label, row, labelAt, next < 0 ? null : rows.get(next)));
                if (next >= 0) i = next;
            } else if (FundsBlock.isHeader(form, row)) {
                flush(block, out);
                block = funds = new FundsBlock(form, row);
            } else if (BreakdownBlock.isHeader(form, row)) {
                flush(block, out);
                block = new BreakdownBlock(form, row, funds == null ? null : funds.total());
            } else if (block == null && form.isHeaderLabel(label)) {
                out.add(headerRow(form, label, row, labelAt));
            } else if (block != null) {
                block.accept(row);
            } else {
                tableFlags.add(unread(row));
            }
        }
        flush(block, out);
        return out;
    }

    private static RowDraft headerRow(FormSpec form, String label, SourceRow row, int labelAt) {
        return new RowDraft(label).kind("header").cell(form.textColumn(), row, row.nextFilled(labelAt + 1));
    }

    private static void flush(RowBlock block, List<RowDraft> out) {
        if (block != null) out.addAll(block.finish());
    }

    private static Flag unread(SourceRow row) {
        return Flag.of("PARSE_AMBIGUOUS", "line " + row.line().lineNo() + " not read: " + row.line().text());
    }

    private static int nextFilled(List<SourceRow> rows, int from) {
        for (int i = from; i < rows.size(); i++) if (!rows.get(i).isBlank()) return i;
        return -1;
    }
}
