package reportingest.eval;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Pairs truth rows with export rows by key. Keys are tried in tiers, strictest first, and each
 * tier only sees rows still unpaired, so a loose fallback never steals a row an exact key wants.
 * Rows sharing a key pair in order.
 */
final class RowMatcher {
    private RowMatcher() {}

    /** exportIndex[i] is the export row paired with truth row i, or -1; byFallback counts looser pairings. */
    record Matching(int[] exportIndex, int byFallback) {
        int matched() { return (int) Arrays.stream(exportIndex).filter(j -> j >= 0).count(); }
    }

    enum Shape { POSITION, SUMMARY, CODED, LABELLED }

    static Shape shapeOf(String schema, List<JsonNode> truthRows) {
        // 三公 is one row without any key field; position is the only thing to go by.
        if ("three_public_expenses".equals(schema)) return Shape.POSITION;
        if (truthRows.stream().anyMatch(r -> r.has("side"))) return Shape.SUMMARY;
        if (truthRows.stream().anyMatch(r -> r.has("label"))) return Shape.LABELLED;
        if (truthRows.stream().anyMatch(r -> r.has("code") || r.has("name"))) return Shape.CODED;
        return Shape.POSITION;
    }

    static Matching match(String schema, List<JsonNode> truth, List<JsonNode> export) {
        int[] index = new int[truth.size()];
        Arrays.fill(index, -1);
        Shape shape = shapeOf(schema, truth);
        if (shape == Shape.POSITION) {
            for (int i = 0; i < index.length && i < export.size(); i++) index[i] = i;
            return new Matching(index, 0);
        }
        boolean[] used = new boolean[export.size()];
        int fallback = 0;
        List<Function<JsonNode, String>> tiers = tiers(shape);
        for (int t = 0; t < tiers.size(); t++) {
            int paired = pairByKey(tiers.get(t), truth, export, index, used);
            if (t > 0) fallback += paired;
        }
        // Performance labels are free text that OCR can garble beyond any key; rows left between
        // two matched neighbours are then paired in order.
        if (shape == Shape.LABELLED) fallback += pairGapsInOrder(index, used);
        return new Matching(index, fallback);
    }

    private static List<Function<JsonNode, String>> tiers(Shape shape) {
        return switch (shape) {
            case SUMMARY -> List.of(
                    r -> key(r, List.of("side", "line_no"), List.of()),
                    r -> key(r, List.of("side", "item"), List.of()));
            // 合计 rows have no code; group (人员经费/公用经费) exists only in the basic-expenditure
            // table. Looser tiers survive an OCR-damaged name or code, or an export without group.
            case CODED -> List.of(
                    r -> key(r, List.of("name"), List.of("code", "group")),
                    r -> key(r, List.of("code"), List.of("group")),
                    r -> key(r, List.of("name"), List.of("group")),
                    r -> key(r, List.of("code"), List.of()),
                    r -> key(r, List.of("name"), List.of()));
            case LABELLED -> List.of(
                    r -> key(r, List.of("label"), List.of("section", "parent")),
                    r -> key(r, List.of("label"), List.of()));
            case POSITION -> List.of();
        };
    }

    private static int pairByKey(Function<JsonNode, String> keyOf, List<JsonNode> truth, List<JsonNode> export,
                                 int[] index, boolean[] used) {
        Map<String, Deque<Integer>> free = new HashMap<>();
        for (int j = 0; j < export.size(); j++) {
            String k = used[j] ? null : keyOf.apply(export.get(j));
            if (k != null) free.computeIfAbsent(k, x -> new ArrayDeque<>()).add(j);
        }
        int paired = 0;
        for (int i = 0; i < truth.size(); i++) {
            if (index[i] >= 0) continue;
            String k = keyOf.apply(truth.get(i));
            Deque<Integer> q = k == null ? null : free.get(k);
            if (q == null || q.isEmpty()) continue;
            int j = q.poll();
            index[i] = j;
            used[j] = true;
            paired++;
        }
        return paired;
    }

    /** Unpaired truth rows between two paired ones take, in order, the unpaired export rows between their partners. */
    private static int pairGapsInOrder(int[] index, boolean[] used) {
        int paired = 0;
        int i = 0;
        int prevExport = -1;
        while (i < index.length) {
            if (index[i] >= 0) {
                prevExport = index[i];
                i++;
                continue;
            }
            int gapEnd = i;
            while (gapEnd < index.length && index[gapEnd] < 0) gapEnd++;
            int nextExport = gapEnd < index.length ? index[gapEnd] : used.length;
            int j = prevExport + 1;
            for (int g = i; g < gapEnd && nextExport > prevExport; g++) {
                while (j < nextExport && used[j]) j++;
                if (j >= nextExport) break;
                index[g] = j;
                used[j] = true;
                paired++;
                j++;
            }
            i = gapEnd;
        }
        return paired;
    }

    /**
     * A composite key of normalised fields: null (the tier skips the row) when a required field
     * is blank; optional fields take part with their value or as "blank".
     */
    private static String key(JsonNode row, List<String> required, List<String> optional) {
        StringBuilder b = new StringBuilder();
        for (String f : required) {
            String v = Labels.key(row.get(f));
            if (v == null) return null;
            b.append(v).append('\u0001');
        }
        for (String f : optional) {
            String v = Labels.key(row.get(f));
            b.append(v == null ? "\u0000" : v).append('\u0001');
        }
        return b.toString();
    }
}
