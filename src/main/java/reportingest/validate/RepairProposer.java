package reportingest.validate;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Proposes a repair where the broken identities are explained by one cell: the failing table and
 * cross-table checks are grouped by the cells they share; in each group the cells common to every
 * failing check are the suspects, and a suspect gets a proposal when exactly one suspect has a
 * single-character change that makes every table and cross-table check covering it hold. The
 * value is never changed; the proposal is stored beside it.
 */
final class RepairProposer {
    record Proposal(CellRef cell, String value, String message) {}

    private final Evaluator evaluator;

    RepairProposer(Evaluator evaluator) {
        this.evaluator = evaluator;
    }

    List<Proposal> propose(List<Check> checks, List<Outcome> failing, Function<CellRef, String> values) {
        List<Proposal> out = new ArrayList<>();
        Map<CellRef, List<Check>> covering = new HashMap<>();
        for (Check c : checks) {
            if (c.source() == Check.Source.NARRATIVE) continue;
            for (CellRef r : c.cells()) covering.computeIfAbsent(r, k -> new ArrayList<>()).add(c);
        }
        for (List<Outcome> group : groups(failing)) {
            Set<CellRef> suspects = null;
            for (Outcome o : group) {
                Set<CellRef> cells = new LinkedHashSet<>(o.check().cells());
                if (suspects == null) suspects = cells;
                else suspects.retainAll(cells);
            }
            if (suspects == null || suspects.isEmpty()) continue;
            Proposal only = null;
            int solvedCells = 0;
            for (CellRef s : suspects) {
                Proposal p = solve(s, covering.getOrDefault(s, List.of()), values);
                if (p != null) {
                    solvedCells++;
                    only = p;
                }
            }
            if (solvedCells == 1) out.add(only);
        }
        return out;
    }

    /** Failing checks grouped by shared cells (connected components). */
    private static List<List<Outcome>> groups(List<Outcome> failing) {
        List<List<Outcome>> groups = new ArrayList<>();
        List<Set<CellRef>> cellsOf = new ArrayList<>();
        for (Outcome o : failing) {
            if (o.check().source() == Check.Source.NARRATIVE) continue;
            Set<CellRef> cells = new LinkedHashSet<>(o.check().cells());
            List<Outcome> merged = new ArrayList<>(List.of(o));
            for (int i = groups.size() - 1; i >= 0; i--) {
                if (cellsOf.get(i).stream().anyMatch(cells::contains)) {
                    merged.addAll(groups.remove(i));
                    cells.addAll(cellsOf.remove(i));
                }
            }
            groups.add(merged);
            cellsOf.add(cells);
        }
        return groups;
    }

    private Proposal solve(CellRef cell, List<Check> covering, Function<CellRef, String> values) {
        String original = values.apply(cell);
        if (original == null || covering.isEmpty()) return null;
        Map<String, BigDecimal> fits = new LinkedHashMap<>();
        for (String v : RepairCandidates.of(original)) {
            Function<CellRef, String> changed = r -> r.equals(cell) ? v : values.apply(r);
            BigDecimal worst = BigDecimal.ZERO;
            boolean all = true;
            for (Check c : covering) {
                Outcome o = evaluator.evaluate(c, changed);
                if (o == null) continue;
                if (!o.holds()) { all = false; break; }
                worst = worst.max(o.absDiff());
            }
            if (all) fits.put(v, worst);
        }
        if (fits.isEmpty()) return null;
        BigDecimal best = fits.values().stream().min(BigDecimal::compareTo).orElseThrow();
        List<String> bestValues = fits.entrySet().stream().filter(e -> e.getValue().compareTo(best) == 0).map(Map.Entry::getKey).toList();
        String chosen = bestValues.size() == 1 ? bestValues.get(0) : null;
        if (chosen == null) {
            List<String> likely = bestValues.stream().filter(v -> RepairCandidates.likely(original, v)).toList();
            if (likely.size() == 1) chosen = likely.get(0);
        }
        if (chosen == null) return null;
        return new Proposal(cell, chosen, "reading " + original + " as " + chosen + " makes all " + covering.size()
                + " identities covering this cell hold" + (fits.size() > 1 ? " (" + fits.size() + " single-character readings fit; closest chosen)" : ""));
    }
}
