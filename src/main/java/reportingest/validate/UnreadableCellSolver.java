package reportingest.validate;

import reportingest.reconcile.CellValue;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A sum that fails only because one of its cells could not be read (a stamp over the digits, OCR
 * noise: printed text, no amount) is explained by that cell. When exactly one cell of a failing sum is
 * unreadable, the amount that makes the sum hold is computed; if it also makes every other identity
 * covering the cell hold and keeps the digits that were legible, in order ('p47' for 4.47), it is
 * proposed beside the unread text and the failure is laid on that cell alone, so the cells the sum
 * confirms once it is filled in are not sent for review with it.
 */
final class UnreadableCellSolver {
    record Solution(CellRef cell, String value, String message) {}

    private final Evaluator evaluator;

    UnreadableCellSolver(Evaluator evaluator) {
        this.evaluator = evaluator;
    }

    /** Solutions by cell; {@code explained} receives each failing outcome a solution accounts for. */
    Map<CellRef, Solution> solve(List<Check> checks, List<Outcome> failing, DocumentCells cells, List<Outcome> explained) {
        Map<CellRef, List<Check>> covering = new HashMap<>();
        for (Check c : checks) {
            if (c.source() == Check.Source.NARRATIVE) continue;
            for (CellRef r : c.cells()) covering.computeIfAbsent(r, k -> new ArrayList<>()).add(c);
        }
        Map<CellRef, Solution> out = new LinkedHashMap<>();
        for (Outcome o : failing) {
            if (o.check().kind() != Check.Kind.SUM || o.check().source() == Check.Source.NARRATIVE) continue;
            List<CellRef> unreadable = o.check().cells().stream().filter(r -> unreadable(cells.cell(r))).distinct().toList();
            if (unreadable.size() != 1) continue;
            CellRef cell = unreadable.get(0);
            Solution s = out.containsKey(cell) ? out.get(cell) : solveFor(cell, o, covering.getOrDefault(cell, List.of()), cells);
            if (s == null) continue;
            out.put(cell, s);
            explained.add(o);
        }
        return out;
    }

    /** Printed but not an amount: no value, text that is not blank, flagged when it was parsed. */
    static boolean unreadable(CellValue c) {
        return c != null && c.value() == null && c.raw() != null && !c.raw().isBlank() && !c.flags().isEmpty();
    }

    private Solution solveFor(CellRef cell, Outcome failed, List<Check> covering, DocumentCells cells) {
        if (failed.absDiff() == null || failed.absDiff().signum() == 0) return null;
        int scale = scaleOf(failed.check(), cells);
        BigDecimal size = failed.absDiff().setScale(scale, RoundingMode.HALF_UP);
        String legible = cells.cell(cell).raw().replaceAll("\\D", "");
        // read as blank, the cell is short by the whole difference whether it is a part or the total
        String candidate = size.toPlainString();
        if (!keepsDigits(candidate, legible)) return null;
        Function<CellRef, String> filled = r -> r.equals(cell) ? candidate : cells.value(r);
        for (Check c : covering) {
            Outcome with = evaluator.evaluate(c, filled);
            if (with != null && !with.holds()) return null;
        }
        return new Solution(cell, candidate, "'" + cells.cell(cell).raw().strip() + "' could not be read; "
                + candidate + " makes all " + covering.size() + " identities covering this cell hold"
                + (legible.isEmpty() ? "" : " and keeps its legible digits " + legible));
    }

    /** The printed precision of the check's readable amounts (2 for 万元 to the cent). */
    private static int scaleOf(Check check, DocumentCells cells) {
        int scale = 0;
        for (CellRef r : check.cells()) {
            BigDecimal v = Amounts.parse(cells.value(r));
            if (v != null) scale = Math.max(scale, v.scale());
        }
        return scale;
    }

    /** The legible digits appear in the candidate in the same order (a subsequence). */
    static boolean keepsDigits(String candidate, String legible) {
        String digits = candidate.replaceAll("\\D", "");
        int i = 0;
        for (int k = 0; k < digits.length() && i < legible.length(); k++) {
            if (digits.charAt(k) == legible.charAt(i)) i++;
        }
        return i == legible.length();
    }
}
