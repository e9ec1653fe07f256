package reportingest.reconcile.performance;

import reportingest.reconcile.performance.PerformanceCatalog.FormSpec;
import reportingest.reconcile.performance.PerformanceCatalog.IndicatorColumns;

import java.util.ArrayList;
import java.util.List;

/**
 * The indicator grid of the 自评表 (一级/二级/三级指标 … 得分). 一级 and 二级 are merged cells, printed
 * once and filled down. A row whose text sits in the leftmost caption column was printed outside
 * its columns; it is placed by what it says and by where its scores fit, and flagged.
 */
final class IndicatorBlock implements RowBlock {
    private final FormSpec form;
    private final IndicatorColumns names;
    private final HeaderColumns columns;
    private final String caption;
    private final List<RowDraft> rows = new ArrayList<>();
    private Cell first;
    private Cell second;

    /** A printed cell kept for filling down. */
    private record Cell(SourceRow row, int position) {}

    IndicatorBlock(FormSpec form, SourceRow header) {
        this.form = form;
        this.names = form.indicatorColumns();
        int start = 0;
        for (int p : header.filledPositions()) {
            if (CellText.compact(header.text(p)).equals(names.first())) { start = p; break; }
        }
        columns = HeaderColumns.of(header, start, CellText::compact);
        caption = start > 0 ? CellText.compact(header.text(header.firstFilled())) : null;
    }

    static boolean isHeader(FormSpec form, SourceRow row) {
        int hits = 0;
        for (int p : row.filledPositions()) if (CellText.inList(row.text(p), form.indicatorHeaderWords())) hits++;
        return hits >= 2;
    }

    @Override
    public void accept(SourceRow row) {
        int stray = strayPosition(row);
        if (stray >= 0) {
            rows.add(displaced(row, stray));
            return;
        }
        int firstAt = columns.positionOf(names.first());
        int secondAt = columns.positionOf(names.second());
        if (row.filled(firstAt)) {
            first = new Cell(row, firstAt);
            second = null;
        }
        if (row.filled(secondAt)) second = new Cell(row, secondAt);
        RowDraft d = new RowDraft(label(row, columns.positionOf(names.third()), second, first)).kind("indicator");
        for (int i = 0; i < columns.names().size(); i++) {
            String name = columns.names().get(i);
            if (name.equals(names.first())) put(d, name, first, row);
            else if (name.equals(names.second())) put(d, name, second, row);
            else d.cell(name, row, columns.positions().get(i));
        }
        for (int p : row.filledPositions()) {
            if (p >= columns.first() && !columns.positions().contains(p)) {
                d.flag("COLUMN_MISSING", "value \"" + row.text(p) + "\" at cell " + p + " has no column");
            }
        }
        rows.add(d);
    }

    /** The 总分 row: only what is printed, in the grid's columns. */
    RowDraft total(String label, SourceRow row) {
        RowDraft d = new RowDraft(label).kind("total");
        int labelAt = row.firstFilled();
        for (int p : row.filledPositions()) {
            if (p == labelAt) continue;
            String col = columns.positions().contains(p) ? columns.columnAt(p) : null;
            if (col == null || d.has(col)) {
                d.flag("COLUMN_MISSING", "value \"" + row.text(p) + "\" at cell " + p + " has no column");
            } else {
                d.cell(col, row, p);
            }
        }
        return d;
    }

    @Override
    public List<RowDraft> finish() {
        return rows;
    }

    /** First filled cell left of the grid that is not the repeated caption ("绩效指标"), or -1. */
    private int strayPosition(SourceRow row) {
        for (int p = 0; p < columns.first(); p++) {
            if (row.filled(p) && !CellText.compact(row.text(p)).equals(caption)) return p;
        }
        return -1;
    }

    private RowDraft displaced(SourceRow row, int stray) {
        String text = CellText.clean(row.text(stray));
        boolean isSecond = form.isSecondLevel(text);
        int shift = bestShift(row, stray);
        RowDraft d = new RowDraft(text).kind("indicator");
        Cell own = new Cell(row, stray);
        if (isSecond) second = own;
        for (int i = 0; i < columns.names().size(); i++) {
            String name = columns.names().get(i);
            int at = columns.positions().get(i) - shift;
            if (name.equals(names.first())) put(d, name, first, row);
            else if (name.equals(names.second())) put(d, name, isSecond ? own : null, row);
            else if (name.equals(names.third()) && !isSecond) put(d, name, own, row);
            else d.cell(name, row, at > stray ? at : -1);
        }
        return d.flag("PARSE_AMBIGUOUS", "row printed outside its columns; \"" + text + "\" read as "
                + (isSecond ? names.second() : names.third()) + (shift > 0 ? ", values moved " + shift + " cell right" : ""));
    }

    /** 0 or 1: how far the row's values sit left of their columns, judged by numeric scores landing in 分值/得分. */
    private int bestShift(SourceRow row, int stray) {
        int best = 0;
        int bestScore = Integer.MIN_VALUE;
        for (int shift = 0; shift <= 1; shift++) {
            int score = 0;
            for (int p : row.filledPositions()) {
                if (p <= stray) continue;
                int target = p + shift;
                String col = columns.positions().contains(target) ? columns.columnAt(target) : null;
                if (col == null || col.equals(names.first()) || col.equals(names.second()) || col.equals(names.third())) {
                    score--;
                } else if ((col.equals(names.weight()) || col.equals(names.score())) && CellText.isNumeric(row.text(p))) {
                    score++;
                }
            }
            if (score > bestScore) { bestScore = score; best = shift; }
        }
        return best;
    }

    /** The most specific indicator printed on or above the row. */
    private static String label(SourceRow row, int thirdAt, Cell second, Cell first) {
        if (row.filled(thirdAt)) return CellText.clean(row.text(thirdAt));
        Cell c = second != null ? second : first;
        return c == null ? null : CellText.clean(c.row().text(c.position()));
    }

    /** A filled-down cell keeps the provenance of the merged cell it was printed in. */
    private static void put(RowDraft d, String name, Cell cell, SourceRow current) {
        if (cell == null) {
            d.cell(name, current, -1);
        } else {
            d.cell(name, cell.row(), cell.position());
        }
    }
}
