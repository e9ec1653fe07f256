package reportingest.eval;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * Scores the export's {@code narrative_facts} against the truth's. Both list one entry per
 * statement in the text, named by the canonical {@code figure} (ground-truth README, "Narrative
 * facts"). Facts pair in tiers, strictest first, so a figure stated twice with two values pairs
 * each statement with its own value before a looser key pairs what is left: same figure, year,
 * scope, unit and value; then same figure, year and scope; then same figure and year. A paired fact
 * is right when value and unit agree, else wrong; an unpaired truth fact is missing, an unpaired
 * export fact invented (a figure the text does not state, or a name the truth does not use).
 * A truth judges only the units it lists: the generator's truths list the amounts (万元) and not
 * the shares its text also prints (财政拨款收入…，占100.00%), so an export's 占比 facts are not
 * scored against them; the seeds' truths list both, and judge both.
 */
final class NarrativeComparator {
    private NarrativeComparator() {}

    private static final List<Function<JsonNode, String>> TIERS = List.of(
            f -> key(f, "figure", "year", "scope", "unit", "value"),
            f -> key(f, "figure", "year", "scope"),
            f -> key(f, "figure", "year"));

    static NarrativeCounts compare(JsonNode exportFacts, JsonNode truthFacts) {
        List<JsonNode> truth = ExportComparator.elements(truthFacts);
        Set<String> units = new HashSet<>();
        for (JsonNode t : truth) units.add(Labels.key(t.get("unit")));
        List<JsonNode> export = ExportComparator.elements(exportFacts).stream()
                .filter(f -> truth.isEmpty() || units.contains(Labels.key(f.get("unit")))).toList();
        int[] partner = new int[truth.size()];
        Arrays.fill(partner, -1);
        boolean[] used = new boolean[export.size()];
        for (Function<JsonNode, String> tier : TIERS) pair(tier, truth, export, partner, used);

        int right = 0, wrong = 0, missing = 0;
        for (int i = 0; i < truth.size(); i++) {
            if (partner[i] < 0) missing++;
            else if (sameFigure(truth.get(i), export.get(partner[i]))) right++;
            else wrong++;
        }
        int invented = 0;
        for (boolean u : used) if (!u) invented++;
        return new NarrativeCounts(truth.size(), right, wrong, missing, invented);
    }

    private static boolean sameFigure(JsonNode truth, JsonNode export) {
        return Objects.equals(value(truth.get("value")), value(export.get("value")))
                && Objects.equals(Labels.key(truth.get("unit")), Labels.key(export.get("unit")));
    }

    private static void pair(Function<JsonNode, String> keyOf, List<JsonNode> truth, List<JsonNode> export,
                             int[] partner, boolean[] used) {
        Map<String, Deque<Integer>> free = new HashMap<>();
        for (int j = 0; j < export.size(); j++) {
            if (!used[j]) free.computeIfAbsent(keyOf.apply(export.get(j)), k -> new ArrayDeque<>()).add(j);
        }
        for (int i = 0; i < truth.size(); i++) {
            if (partner[i] >= 0) continue;
            Deque<Integer> q = free.get(keyOf.apply(truth.get(i)));
            if (q == null || q.isEmpty()) continue;
            partner[i] = q.poll();
            used[partner[i]] = true;
        }
    }

    private static String key(JsonNode fact, String... fields) {
        StringBuilder b = new StringBuilder();
        for (String f : fields) {
            String v = "value".equals(f) ? value(fact.get(f)) : Labels.key(fact.get(f));
            b.append(v == null ? "\u0000" : v).append('\u0001');
        }
        return b.toString();
    }

    /** A value as printed, thousands separators aside (the truth removes them). */
    private static String value(JsonNode node) {
        String k = Labels.key(node);
        return k == null ? null : k.replace(",", "");
    }
}
