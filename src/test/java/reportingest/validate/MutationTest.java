package reportingest.validate;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reportingest.reconcile.CellValue;
import reportingest.reconcile.ExtractedDocument;
import reportingest.reconcile.RowStatus;
import reportingest.reconcile.TableRow;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Random single-digit changes to table cells of seeds 001 and 004, one per run, through the
 * service's own layout → tables → reconcile → validate objects. A wrong cell covered by an
 * identity must never end silently in an ACCEPTED row unless every identity covering it then
 * differs by no more than honest rounding plausibly gives (the catalog's honestTail), so that no
 * arithmetic can tell the change from rounding.
 */
class MutationTest {
    private static final String[] SEEDS = {"001_a8898a713e576bc4", "004_d2f5081e5b89099b"};
    private static final int RUNS = 320;
    private static final long RANDOM_SEED = 20240607L;

    /** {@code honestChance}: the smallest probability, over the sums covering the cell, that honest rounding gives the difference it shows after the change (1 when all are exact). */
    record Result(Mutations.Mutation m, boolean covered, boolean narrativeOnly, boolean flagged, boolean rowReview,
                  boolean broke, String proposal, String table, double honestChance) {}

    private static final List<Result> results = new ArrayList<>();
    /** The cells mutations are drawn from, read from the unmutated seeds, and how many of them are flagged there. */
    private static int honestCells;
    private static final List<String> honestFlagged = new ArrayList<>();

    @BeforeAll
    static void run() throws Exception {
        Map<String, String> texts = new LinkedHashMap<>();
        Map<String, Validation> originals = new LinkedHashMap<>();
        List<String> owner = new ArrayList<>();
        List<Mutations.Located> pool = new ArrayList<>();
        for (String seed : SEEDS) {
            String text = SeedRun.seedText(seed);
            texts.put(seed, text);
            Validation v = SeedRun.validate(text);
            originals.put(seed, v);
            for (Mutations.Located l : Mutations.cells(v.document(), text.split("\n", -1))) {
                pool.add(l);
                owner.add(seed);
                TableRow row = v.document().tables().get(l.ref().table()).rows().get(l.ref().row());
                honestCells++;
                CellValue c = row.cells().get(l.ref().column());
                if (!c.flags().isEmpty() || row.status() == RowStatus.NEEDS_REVIEW) {
                    honestFlagged.add(seed.substring(0, 3) + " " + v.document().tables().get(l.ref().table()).schema() + " " + row.key()
                            + " " + l.ref().column() + "=" + c.value() + " " + c.flags().stream().map(f -> f.code()).toList() + " " + row.status());
                }
            }
        }
        Random rnd = new Random(RANDOM_SEED);
        for (int i = 0; i < RUNS; i++) {
            int pick = rnd.nextInt(pool.size());
            String seed = owner.get(pick);
            Mutations.Mutation m = Mutations.mutate(seed, texts.get(seed), pool.get(pick), rnd);
            Validation original = originals.get(seed);
            Validation after = SeedRun.validate(m.text());
            ExtractedDocument d = after.document();
            assertThat(d.tables()).as("tables after %s", m).hasSameSizeAs(original.document().tables());
            TableRow row = d.tables().get(m.cell().table()).rows().get(m.cell().row());
            CellValue cell = row.cells().get(m.cell().column());
            assertThat(cell.value()).as("mutated cell read as changed: %s", m).isEqualTo(m.mutated());
            boolean covered = original.outcomes().stream()
                    .anyMatch(o -> o.check().source() != Check.Source.NARRATIVE && o.check().involves(m.cell()));
            boolean narrative = original.outcomes().stream()
                    .anyMatch(o -> o.check().source() == Check.Source.NARRATIVE && o.check().involves(m.cell()));
            boolean broke = after.failures().stream()
                    .anyMatch(o -> o.check().source() != Check.Source.NARRATIVE && o.check().involves(m.cell()));
            results.add(new Result(m, covered, !covered && narrative, !cell.flags().isEmpty() || row.status() == RowStatus.NEEDS_REVIEW,
                    row.status() == RowStatus.NEEDS_REVIEW, broke, cell.proposal(), d.tables().get(m.cell().table()).schema(),
                    honestChance(after, m.cell())));
        }
        report();
    }

    private static double honestChance(Validation v, CellRef cell) {
        double chance = 1.0;
        for (Outcome o : v.outcomes()) {
            if (o.check().source() == Check.Source.NARRATIVE || o.check().kind() != Check.Kind.SUM || !o.check().involves(cell)) continue;
            int n = 0;
            for (Term t : o.check().terms()) {
                if (!t.isCell()) continue;
                BigDecimal d = Amounts.parse(v.document().tables().get(t.ref().table()).rows().get(t.ref().row()).cells().get(t.ref().column()).value());
                if (d != null && d.signum() != 0) n++;
            }
            chance = Math.min(chance, RoundingTail.atLeast(n, o.absDiff().movePointRight(2).intValue()));
        }
        return chance;
    }

    @Test
    void everyRunMutatedOneCell() {
        assertThat(results).hasSize(RUNS);
    }

    /**
     * Detection rate, measured: 310 of the 320 mutated cells are flagged (or their row needs review): every one of the
     * 312 an identity covers except 2 within honest rounding, none of the 8 no identity covers. A change in either
     * direction changes what README reports: measure again and update.
     */
    @Test
    void detectionRateIsThreeHundredTenOfThreeHundredTwentyMutations() {
        assertThat(results.stream().filter(Result::flagged).count()).as("mutations flagged").isEqualTo(310);
        assertThat(results.stream().filter(Result::covered).count()).as("mutations an identity covers").isEqualTo(312);
        assertThat(results.stream().filter(r -> r.covered() && r.flagged()).count()).as("covered mutations flagged").isEqualTo(310);
    }

    /**
     * False-alarm rate, measured on the unmutated seeds: of the 539 honest cells mutations are drawn from, 2 are
     * flagged, both in seed 004's 参保群众满意度 indicator row, which is printed outside its columns (PARSE_AMBIGUOUS,
     * see PerformanceReviewStatusTest): its values are right, the row still asks for a person.
     */
    @Test
    void falseAlarmRateIsTwoOfFiveHundredThirtyNineHonestCells() {
        assertThat(honestCells).as("cells of seeds 001 and 004 a mutation can change").isEqualTo(539);
        assertThat(honestFlagged).as("honest cells flagged").containsExactly(
                "004 performance_self_evaluation {label=参保群众满意度, kind=indicator} 分值=10 [] NEEDS_REVIEW",
                "004 performance_self_evaluation {label=参保群众满意度, kind=indicator} 得分=10 [] NEEDS_REVIEW");
    }

    @Test
    void everyWrongCellThatBreaksAnIdentityEndsInARowNeedingReview() {
        assertThat(results.stream().filter(r -> r.broke() && !r.rowReview()).toList()).isEmpty();
    }

    @Test
    void coveredCellsLeftAcceptedShowOnlyDifferencesHonestRoundingPlausiblyGives() {
        for (Result r : results.stream().filter(r -> r.covered() && !r.flagged()).toList()) {
            assertThat(r.broke()).as("%s", r.m().cell()).isFalse();
            assertThat(r.honestChance()).as("%s", r.m().cell()).isGreaterThanOrEqualTo(1e-5);
        }
    }

    @Test
    void cellsNoIdentityCoversAreOnlyTheStatedTargetsAndResultsOfPerformanceIndicators() {
        // 年度指标值 / 实际完成值 are what the department aimed at and claims: no arithmetic relates them
        assertThat(results.stream().filter(r -> !r.covered()).toList()).allSatisfy(r -> {
            assertThat(r.table()).isEqualTo("performance_self_evaluation");
            assertThat(r.m().cell().column()).isIn("年度指标值", "实际完成值");
        });
    }

    /** Measured: a repair is proposed for 281 of the 310 mutations that break an identity, and every one restores the original. */
    @Test
    void everyProposalForAChangedCellRestoresTheOriginal() {
        List<Result> proposed = results.stream().filter(r -> r.proposal() != null).toList();
        assertThat(proposed).hasSize(281);
        assertThat(proposed).filteredOn(r -> !r.proposal().equals(r.m().original()))
                .extracting(r -> r.m().cell() + " " + r.m().original() + " -> " + r.m().mutated() + ", proposed " + r.proposal())
                .isEmpty();
    }

    private static void report() {
        long covered = results.stream().filter(Result::covered).count();
        long coveredFlagged = results.stream().filter(r -> r.covered() && r.flagged()).count();
        long uncovered = results.size() - covered;
        long uncoveredFlagged = results.stream().filter(r -> !r.covered() && r.flagged()).count();
        long narrativeOnly = results.stream().filter(Result::narrativeOnly).count();
        long narrativeOnlyFlagged = results.stream().filter(r -> r.narrativeOnly() && r.flagged()).count();
        long absorbed = results.stream().filter(r -> r.covered() && !r.broke()).count();
        long broke = results.stream().filter(Result::broke).count();
        long brokeFlagged = results.stream().filter(r -> r.broke() && r.rowReview()).count();
        List<Result> ocr = results.stream().filter(r -> r.m().ocrLike() && r.covered()).toList();
        long ocrProposed = ocr.stream().filter(r -> r.proposal() != null).count();
        long ocrRight = ocr.stream().filter(r -> r.m().original().equals(r.proposal())).count();
        List<Result> brokeAll = results.stream().filter(Result::broke).toList();
        long allProposed = brokeAll.stream().filter(r -> r.proposal() != null).count();
        long allRight = brokeAll.stream().filter(r -> r.m().original().equals(r.proposal())).count();
        long wrongProposals = results.stream().filter(r -> r.proposal() != null && !r.proposal().equals(r.m().original())).count();
        Map<String, int[]> uncoveredByTable = new TreeMap<>();
        for (Result r : results) {
            if (r.covered()) continue;
            int[] c = uncoveredByTable.computeIfAbsent(r.table(), k -> new int[2]);
            c[0]++;
            if (r.flagged()) c[1]++;
        }
        StringBuilder sb = new StringBuilder("MUTATION REPORT (" + results.size() + " runs, random seed " + RANDOM_SEED + ")\n");
        sb.append(String.format("  detection: %d of %d mutations flagged; false alarms: %d of %d honest cells flagged on the unmutated seeds%n",
                results.stream().filter(Result::flagged).count(), results.size(), honestFlagged.size(), honestCells));
        honestFlagged.forEach(h -> sb.append("    honest cell flagged: ").append(h).append('\n'));
        sb.append(String.format("  covered by >=1 table/cross-table identity: %d, flagged %d (%.1f%%)%n", covered, coveredFlagged, 100.0 * coveredFlagged / Math.max(1, covered)));
        sb.append(String.format("    broke an identity: %d, row NEEDS_REVIEW %d; within rounding allowance of every covering identity: %d%n", broke, brokeFlagged, absorbed));
        sb.append(String.format("  covered by no table identity: %d, flagged %d (narrative figure only: %d, flagged %d); by table: %s%n",
                uncovered, uncoveredFlagged, narrativeOnly, narrativeOnlyFlagged, fmt(uncoveredByTable)));
        sb.append(String.format("  OCR-like confusions on covered cells: %d, proposal made %d, proposal = original %d (%.1f%% of OCR-like)%n",
                ocr.size(), ocrProposed, ocrRight, 100.0 * ocrRight / Math.max(1, ocr.size())));
        sb.append(String.format("  all mutations that broke an identity: %d, proposal made %d, = original %d; wrong proposals %d%n",
                brokeAll.size(), allProposed, allRight, wrongProposals));
        for (Result r : results) {
            if (!r.covered()) {
                sb.append("    uncovered: ").append(r.m().seed(), 0, 3).append(' ').append(r.table()).append(' ')
                        .append(r.m().cell().row()).append(' ').append(r.m().cell().column()).append(' ')
                        .append(r.m().original()).append(" -> ").append(r.m().mutated()).append(r.flagged() ? " (flagged)" : "").append('\n');
            }
            if (r.covered() && !r.flagged()) {
                sb.append("    accepted (within allowance): ").append(r.m().seed(), 0, 3).append(' ').append(r.table()).append(' ')
                        .append(r.m().cell().row()).append(' ').append(r.m().cell().column()).append(' ')
                        .append(r.m().original()).append(" -> ").append(r.m().mutated())
                        .append(String.format(" (honest rounding gives this difference with probability %.3f)", r.honestChance())).append('\n');
            }
        }
        System.out.print(sb);
    }

    private static String fmt(Map<String, int[]> m) {
        StringBuilder sb = new StringBuilder();
        m.forEach((k, v) -> sb.append(k).append(' ').append(v[1]).append('/').append(v[0]).append("; "));
        return sb.toString();
    }
}
