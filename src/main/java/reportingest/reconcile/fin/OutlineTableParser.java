package reportingest.reconcile.fin;

import reportingest.catalog.SchemaDef;
import reportingest.reconcile.CellValue;
import reportingest.reconcile.ExtractedTable;
import reportingest.reconcile.Flag;
import reportingest.reconcile.TableRow;
import reportingest.tables.RawCell;
import reportingest.tables.RawRow;
import reportingest.tables.RawTable;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An outline whose levels are label columns (政府采购预算表: 采购品目大类 | 专项名称 · 经济科目 | 采购物品名称 ·
 * 采购组织形式 | 总计): the catalog names the header words of each level ({@code labelLevels}); a line's level is
 * the deepest level it prints a label in (a page break may repeat the labels above it on a line), the total
 * line (合计) level 0 and the first level 1. Each line keeps the labels it prints, joined, and its one amount:
 * the form has one value column, so the amount is the figure printed right of the labels, wherever a page's
 * grid set it; a line printing two figures is flagged.
 */
public final class OutlineTableParser implements TableParser {

    @Override
    public ExtractedTable parseGrid(SchemaDef schema, RawTable raw, Grid grid) {
        int start = grid.bodyStart(schema.totalLabels());
        List<List<String>> paths = grid.paths(start, schema, schema.totalLabels());
        int[] level = new int[grid.width()];
        boolean anyLabel = false;
        for (int c = 0; c < grid.width(); c++) {
            level[c] = levelOf(paths.get(c), schema);
            anyLabel |= level[c] > 0;
        }
        if (!anyLabel || schema.columns().isEmpty()) return null;
        String column = schema.columns().get(0).name();
        int valueAt = grid.width() - 1; // the column the header names for the amount, else the last
        for (int c = 0; c < grid.width(); c++) {
            if (level[c] == 0 && Grid.valueRole(c, paths.get(c), schema, schema.columns()).role() == Grid.Role.VALUE) valueAt = c;
        }
        List<TableRow> out = new ArrayList<>();
        for (int r = start; r < grid.rows().size(); r++) {
            RawRow row = grid.rows().get(r);
            if (HeaderMatcher.nonBlank(row).isEmpty() || HeaderMatcher.columnNumberRow(row)) continue;
            int deepest = 0;
            List<String> labels = new ArrayList<>();
            List<RawCell> figures = new ArrayList<>();
            for (int c = 0; c < grid.width(); c++) {
                String t = grid.text(r, c);
                if (Labels.blank(t)) continue;
                if (level[c] > 0 && !Grid.numeric(t)) {
                    deepest = Math.max(deepest, level[c]);
                    labels.add(Labels.clean(t));
                } else if (Grid.numeric(t)) {
                    figures.add(grid.cell(r, c));
                }
            }
            if (labels.isEmpty() && figures.isEmpty()) continue;
            String label = labels.isEmpty() ? null : String.join(" ", labels);
            boolean total = label != null && Grid.isLabel(labels.get(0), schema.totalLabels());
            List<Flag> flags = new ArrayList<>();
            Map<String, CellValue> cells = new LinkedHashMap<>();
            if (figures.isEmpty()) {
                cells.put(column, Cells.value(grid.cell(r, valueAt)));
            } else {
                cells.put(column, Cells.value(figures.get(figures.size() - 1)));
                if (figures.size() > 1) {
                    flags.add(Flag.of(Cells.PARSE_AMBIGUOUS, "line prints " + figures.size() + " figures where the form has one column"));
                }
            }
            out.add(Cells.row(Cells.key("level", total ? 0 : deepest, "label", label), cells, flags));
        }
        return new ExtractedTable(schema.id(), raw.title(), raw.formNo(), List.of(column), out, raw.context(), List.of(),
                raw.pageFrom(), raw.pageTo());
    }

    /** The outline has no reading without its grid: a text table is kept as printed by the caller's fallback. */
    @Override
    public ExtractedTable parseText(SchemaDef schema, RawTable raw) {
        return new ExtractedTable(schema.id(), raw.title(), raw.formNo(), schema.columnNames(), List.of(), raw.context(),
                List.of(Flag.of(Cells.HEADER_UNMATCHED, "the outline's label columns were not found in a grid")),
                raw.pageFrom(), raw.pageTo());
    }

    /** 1-based level of a label column whose header names one of a level's words, else 0 (a value or gap column). */
    private static int levelOf(List<String> path, SchemaDef schema) {
        String k = Labels.key(String.join("", path));
        if (k.isEmpty()) return 0;
        for (int l = 0; l < schema.labelLevels().size(); l++) {
            for (String w : schema.labelLevels().get(l)) if (k.contains(Labels.key(w))) return l + 1;
        }
        return 0;
    }
}
