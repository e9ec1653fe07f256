package reportingest.reconcile.performance;

import reportingest.reconcile.CellValue;
import reportingest.reconcile.performance.PerformanceCatalog.FormSpec;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Side-by-side "label: amount" lists under captions such as 按收入性质分 / 按支出性质分. Each caption
 * owns the cells up to the next caption; its rows are parts of the funds total, and parent_column
 * is the total's column that the parts add up to.
 */
final class BreakdownBlock implements RowBlock {
    private static final BigDecimal CENT = new BigDecimal("0.01");

    private final FormSpec form;
    private final RowDraft total;
    private final List<Integer> starts = new ArrayList<>();
    private final List<String> sections = new ArrayList<>();
    private final List<List<RowDraft>> groups = new ArrayList<>();

    BreakdownBlock(FormSpec form, SourceRow header, RowDraft total) {
        this.form = form;
        this.total = total;
        for (int p : header.filledPositions()) {
            starts.add(p);
            sections.add(CellText.caption(header.text(p)));
            groups.add(new ArrayList<>());
        }
    }

    static boolean isHeader(FormSpec form, SourceRow row) {
        if (!row.onlyWordsFrom(0)) return false;
        List<Integer> filled = row.filledPositions();
        for (int p : filled) if (CellText.inList(row.text(p), form.breakdownSections())) return true;
        if (filled.size() < 2) return false;
        for (int p : filled) if (!CellText.endsWithColon(row.text(p))) return false;
        return true;
    }

    @Override
    public void accept(SourceRow row) {
        for (int g = 0; g < starts.size(); g++) {
            int from = g == 0 ? 0 : starts.get(g);
            int end = g + 1 < starts.size() ? starts.get(g + 1) : row.size();
            int labelAt = row.nextFilled(from);
            if (labelAt < 0 || labelAt >= end) continue;
            int valueAt = row.nextFilled(labelAt + 1);
            if (valueAt >= end) valueAt = -1;
            RowDraft d = new RowDraft(CellText.label(row.text(labelAt))).section(sections.get(g));
            if (total != null) d.parent(total.label());
            d.cell(form.amountColumn(), row, valueAt);
            if (valueAt >= 0 && !CellText.isNumeric(row.text(valueAt))) {
                d.flag("PARSE_AMBIGUOUS", "amount of \"" + d.label() + "\" is not a number");
            }
            groups.get(g).add(d);
        }
    }

    @Override
    public List<RowDraft> finish() {
        List<RowDraft> out = new ArrayList<>();
        for (List<RowDraft> group : groups) {
            String column = parentColumn(group);
            for (RowDraft d : group) {
                if (total != null) d.parentColumn(column);
                out.add(d);
            }
        }
        return out;
    }

    /** The catalog's column unless the parts add up to another column of the total and not to it. */
    private String parentColumn(List<RowDraft> group) {
        String preferred = form.breakdownParentColumn();
        if (total == null) return preferred;
        BigDecimal sum = BigDecimal.ZERO;
        int terms = 0;
        for (RowDraft d : group) {
            BigDecimal v = number(d.get(form.amountColumn()));
            if (v != null) { sum = sum.add(v); terms++; }
        }
        BigDecimal tolerance = CENT.multiply(BigDecimal.valueOf(Math.max(1, terms)));
        if (matches(total.get(preferred), sum, tolerance)) return preferred;
        for (var c : form.fundsColumns()) {
            if (matches(total.get(c.name()), sum, tolerance)) return c.name();
        }
        return preferred;
    }

    private static boolean matches(CellValue cell, BigDecimal sum, BigDecimal tolerance) {
        BigDecimal v = number(cell);
        return v != null && v.subtract(sum).abs().compareTo(tolerance) <= 0;
    }

    private static BigDecimal number(CellValue cell) {
        if (cell == null || cell.value() == null || cell.value().endsWith("%")) return null;
        try {
            return new BigDecimal(cell.value());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
