package reportingest.reconcile.performance;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Column names by cell position, read from a header row. Values are looked up at the header's
 * position or, when a merged cell pushed them right, at the nearest header to their left.
 */
record HeaderColumns(List<Integer> positions, List<String> names) {
    HeaderColumns {
        positions = List.copyOf(positions);
        names = List.copyOf(names);
    }

    /** Filled cells from {@code from} on, named by {@code naming} (cells it maps to null are skipped). */
    static HeaderColumns of(SourceRow header, int from, Function<String, String> naming) {
        List<Integer> pos = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (int i = from; i < header.size(); i++) {
            if (!header.filled(i)) continue;
            String name = naming.apply(header.text(i));
            if (name == null) continue;
            pos.add(i);
            names.add(name);
        }
        return new HeaderColumns(pos, names);
    }

    boolean isEmpty() { return names.isEmpty(); }

    int first() { return positions.isEmpty() ? -1 : positions.get(0); }

    int positionOf(String name) {
        int i = names.indexOf(name);
        return i < 0 ? -1 : positions.get(i);
    }

    /** Column of a value cell, or null when it lies left of every header. */
    String columnAt(int position) {
        String found = null;
        for (int i = 0; i < positions.size() && positions.get(i) <= position; i++) found = names.get(i);
        return found;
    }

    /**
     * Puts every header column into {@code row} from {@code source}, blank where nothing was printed.
     * Flags the row when two printed values compete for one column or a value has no column.
     */
    void fill(RowDraft row, SourceRow source, int from) {
        Set<String> taken = new LinkedHashSet<>();
        List<Integer> placed = new ArrayList<>(positions);
        for (int p = from; p < source.size(); p++) {
            if (!source.filled(p)) continue;
            String col = columnAt(p);
            if (col == null) {
                row.flag("COLUMN_MISSING", "value \"" + source.text(p) + "\" at cell " + p + " has no column");
                continue;
            }
            if (!taken.add(col)) {
                row.flag("PARSE_AMBIGUOUS", "two values for column " + col);
                continue;
            }
            placed.set(names.indexOf(col), p);
        }
        for (int i = 0; i < names.size(); i++) row.cell(names.get(i), source, placed.get(i));
    }
}
