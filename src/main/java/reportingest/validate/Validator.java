package reportingest.validate;

import reportingest.layout.Page;
import reportingest.reconcile.CellValue;
import reportingest.reconcile.ExtractedDocument;
import reportingest.reconcile.ExtractedTable;
import reportingest.reconcile.Flag;
import reportingest.reconcile.RowStatus;
import reportingest.reconcile.TableRow;
import reportingest.catalog.Catalog;
import reportingest.catalog.LabelCatalog;
import reportingest.catalog.SchemaDef;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Checks every number of a document against everything the document says about it: the schema
 * identities of each table, the identities between its tables and the figures of its narrative.
 * A failed table or cross-table identity flags every cell it reads and their rows; a failed
 * narrative check flags the document, and a cell only when no table identity vouches for it.
 * Confidence per cell combines its source confidence with the identities it satisfies or breaks;
 * a row is ACCEPTED only when none of its cells carries a flag.
 */
public final class Validator {
    public static final String REPAIR_PROPOSED = "REPAIR_PROPOSED";
    public static final String OCR_LOW_CONFIDENCE = "OCR_LOW_CONFIDENCE";
    public static final String NO_CONTENT_FOUND = "NO_CONTENT_FOUND";
    /** Below this source confidence a cell no identity vouches for is sent to review. */
    static final double LOW_CONFIDENCE = 60.0;
    private static final double BROKEN_CONFIDENCE = 25.0;

    private static final String UNKNOWN = "unknown";
    private final Catalog catalog;
    private final Evaluator evaluator;
    private final LabelCheck labelCheck;
    private final LabelCatalog labels;

    public Validator(Catalog catalog) {
        this(catalog, LabelCatalog.load());
    }

    public Validator(Catalog catalog, LabelCatalog labels) {
        this.catalog = catalog;
        this.evaluator = new Evaluator(catalog.tolerance().perAmount(), catalog.tolerance().honestTail());
        this.labelCheck = new LabelCheck(catalog, labels);
        this.labels = labels;
    }

    public Validation validate(ExtractedDocument extracted, List<Page> pages) {
        // labels first: a row whose label is unreadable needs review whatever its amounts say
        ExtractedDocument labelled = labelCheck.apply(extracted);
        // whole numbers are rounded to the unit they print in a 元 table, and in a table no form names (a government
        // book's 万元 figures are rounded from 元: its 类 = Σ款 holds to the rounding of its terms, not to the cent)
        Evaluator evaluator = this.evaluator.withWholeUnits(ref -> ref.table() >= 0 && ref.table() < labelled.tables().size()
                && ("元".equals(labelled.tables().get(ref.table()).unit()) || UNKNOWN.equals(labelled.tables().get(ref.table()).schema())));
        // where two OCR engines read a cell differently, the identities pick the reading before anything is checked
        ExtractedDocument doc = new EngineConsensus(evaluator).apply(labelled, pages, d -> checks(d, pages, new DocumentCells(d)));
        DocumentCells cells = new DocumentCells(doc);
        List<Check> checks = checks(doc, pages, cells);
        List<Outcome> outcomes = new ArrayList<>();
        for (Check c : checks) {
            Outcome o = evaluator.evaluate(c, cells::value);
            if (o != null) outcomes.add(o);
        }
        List<Outcome> failing = outcomes.stream().filter(o -> !o.holds()).toList();
        List<RepairProposer.Proposal> proposals = new ArrayList<>(new RepairProposer(evaluator).propose(checks, failing, cells::value));
        Map<Outcome, CellRef> localised = localised(proposals, failing);
        List<Outcome> explained = new ArrayList<>();
        Map<CellRef, UnreadableCellSolver.Solution> solved = new UnreadableCellSolver(evaluator).solve(checks, failing, cells, explained);
        for (UnreadableCellSolver.Solution s : solved.values()) {
            if (proposals.stream().noneMatch(p -> p.cell().equals(s.cell()))) proposals.add(new RepairProposer.Proposal(s.cell(), s.value(), s.message()));
        }
        return new Validation(flagWhenNothingFound(apply(doc, cells, outcomes, proposals, explained, solved, localised), pages), outcomes);
    }

    /**
     * Failures a proposed repair lays on one cell: when two or more identities fail, each through that cell and
     * no other cell common to them all can be changed to make them hold, and the repair makes every identity
     * covering the cell hold, the other cells they read are not what broke (a total over 26 lines, one misread).
     * One failing identity alone does not localise: any of its cells may be the wrong one.
     */
    private static Map<Outcome, CellRef> localised(List<RepairProposer.Proposal> proposals, List<Outcome> failing) {
        Map<Outcome, CellRef> out = new HashMap<>();
        for (RepairProposer.Proposal p : proposals) {
            List<Outcome> through = failing.stream()
                    .filter(o -> o.check().source() != Check.Source.NARRATIVE && o.check().cells().contains(p.cell())).toList();
            if (through.size() < 2) continue;
            for (Outcome o : through) out.put(o, p.cell());
        }
        return out;
    }

    /**
     * A document in which no table and no figure was recognised stores nothing: that is never a clean
     * result (a faint scan, a report of a form the catalog does not know, or not a report at all), so it
     * asks a person to look, unless another flag already does.
     */
    static ExtractedDocument flagWhenNothingFound(ExtractedDocument doc, List<Page> pages) {
        if (!doc.tables().isEmpty() || !doc.facts().isEmpty() || doc.flags().stream().anyMatch(Flag::asksForReview)) return doc;
        int n = pages == null ? 0 : pages.size();
        List<Flag> flags = new ArrayList<>(doc.flags());
        flags.add(Flag.of(NO_CONTENT_FOUND, "no table and no figure was recognised in " + (n == 1 ? "its 1 page" : "its " + n + " pages")
                + ", so nothing of it was stored: check that the file is a financial report and that its pages are legible"));
        return doc.with(doc.tables(), doc.facts(), flags);
    }

    List<Check> checks(ExtractedDocument doc, List<Page> pages, DocumentCells cells) {
        List<Check> checks = new ArrayList<>();
        for (int i = 0; i < doc.tables().size(); i++) {
            ExtractedTable t = doc.tables().get(i);
            Optional<SchemaDef> s = catalog.byId(t.schema());
            if (s.isPresent() && cells.table(t.schema()) == i) checks.addAll(TableIdentities.of(i, t, s.get(), cells));
            // a table no form names is checked against what its own outline and header imply
            checks.addAll(UnknownTableIdentities.of(i, t, cells));
        }
        checks.addAll(CrossTableIdentities.of(catalog.crossTableIdentities(), cells, labels));
        checks.addAll(NarrativeIdentities.of(catalog.narrativeChecks(), cells, new ItemSubjects(pages == null ? List.of() : pages)));
        return checks;
    }

    private ExtractedDocument apply(ExtractedDocument doc, DocumentCells cells, List<Outcome> outcomes,
                                    List<RepairProposer.Proposal> proposals, List<Outcome> explained,
                                    Map<CellRef, UnreadableCellSolver.Solution> solved, Map<Outcome, CellRef> localised) {
        Map<CellRef, Integer> satisfied = new HashMap<>();
        Set<CellRef> vouched = new HashSet<>();
        // cells an identity with a printed total holds for: a blank part there is pinned as no money
        Set<CellRef> pinned = new HashSet<>();
        // cells an exact sum identity confirms (an inequality or a coarser second printing does not)
        Set<CellRef> confirmed = new HashSet<>();
        for (Outcome o : outcomes) {
            if (!o.holds() || o.check().source() == Check.Source.NARRATIVE) continue;
            boolean printedTotal = o.check().lhs().isCell() && cells.value(o.check().lhs().ref()) != null;
            for (CellRef r : o.check().cells()) {
                satisfied.merge(r, 1, Integer::sum);
                vouched.add(r);
                if (printedTotal && o.check().kind() == Check.Kind.SUM) pinned.add(r);
                if (o.check().kind() == Check.Kind.SUM) confirmed.add(r);
            }
        }
        Map<CellRef, List<Flag>> cellFlags = new LinkedHashMap<>();
        List<Flag> docFlags = new ArrayList<>(doc.flags());
        Set<String> docMessages = new HashSet<>();
        for (Outcome o : outcomes) {
            if (o.holds()) continue;
            Flag f = Flag.of(o.check().flagCode(), o.message());
            boolean narrative = o.check().source() == Check.Source.NARRATIVE;
            if (o.check().source() != Check.Source.TABLE && docMessages.add(o.message())) docFlags.add(f);
            // A failed identity is explained by its cells no holding identity confirms; only when every
            // cell is confirmed elsewhere does it flag them all.
            boolean anyUnconfirmed = o.check().cells().stream().anyMatch(r -> !confirmed.contains(r));
            // a sum that holds once its one unreadable cell is filled in is that cell's failure alone
            boolean byUnreadable = explained.contains(o);
            CellRef misread = localised.get(o);
            for (CellRef r : o.check().cells()) {
                if (byUnreadable && !solved.containsKey(r)) continue;
                if (misread != null && !misread.equals(r)) continue;
                if (narrative && vouched.contains(r)) continue; // the tables confirm the cell; the text is what differs
                if (anyUnconfirmed && confirmed.contains(r)) continue; // another sum confirms it: not what broke this one
                cellFlags.computeIfAbsent(r, k -> new ArrayList<>()).add(f);
            }
        }
        Map<CellRef, RepairProposer.Proposal> byCell = new HashMap<>();
        for (RepairProposer.Proposal p : proposals) byCell.put(p.cell(), p);

        List<ExtractedTable> tables = new ArrayList<>();
        for (int ti = 0; ti < doc.tables().size(); ti++) {
            ExtractedTable t = doc.tables().get(ti);
            List<TableRow> rows = new ArrayList<>();
            for (int ri = 0; ri < t.rows().size(); ri++) {
                TableRow r = t.rows().get(ri);
                Map<String, CellValue> out = new LinkedHashMap<>();
                Set<Flag> rowFlags = new LinkedHashSet<>(r.flags());
                // the status follows the flags (a row's own, then its cells' after validation)
                boolean review = r.flags().stream().anyMatch(Flag::asksForReview);
                for (Map.Entry<String, CellValue> e : r.cells().entrySet()) {
                    CellRef ref = new CellRef(ti, ri, e.getKey());
                    CellValue c = e.getValue();
                    List<Flag> added = cellFlags.getOrDefault(ref, List.of());
                    List<Flag> flags = new ArrayList<>(c.flags());
                    if (noiseReadAsBlank(c) && pinned.contains(ref)) flags.clear(); // raw text stays as provenance
                    for (Flag f : added) if (!flags.contains(f)) flags.add(f);
                    double conf = confidence(c.confidence(), satisfied.getOrDefault(ref, 0), !added.isEmpty());
                    if (c.value() != null && c.confidence() < LOW_CONFIDENCE && !vouched.contains(ref)
                            && flags.stream().noneMatch(Flag::asksForReview)) {
                        flags.add(Flag.of(OCR_LOW_CONFIDENCE, cells.label(ref) + ": source confidence "
                                + Math.round(c.confidence()) + " and no identity confirms the value " + c.value()));
                    }
                    Flag unread = SilentEmpties.unreadDigits(cells.label(ref), c, flags);
                    if (unread != null) flags.add(unread);
                    String proposal = c.proposal();
                    RepairProposer.Proposal p = byCell.get(ref);
                    if (p != null) {
                        proposal = p.value();
                        flags.add(Flag.of(REPAIR_PROPOSED, cells.label(ref) + ": " + p.message()));
                    }
                    rowFlags.addAll(added);
                    if (p != null) rowFlags.add(flags.get(flags.size() - 1));
                    if (flags.stream().anyMatch(Flag::asksForReview)) review = true; // provenance alone (ENGINES_DISAGREED) asks nothing
                    out.put(e.getKey(), new CellValue(c.value(), c.raw(), conf, flags, c.page(), c.bbox(), c.origin(), proposal));
                }
                if (rowFlags.stream().anyMatch(Flag::asksForReview)) review = true;
                rows.add(new TableRow(r.key(), out, review ? RowStatus.NEEDS_REVIEW : RowStatus.ACCEPTED, new ArrayList<>(rowFlags)));
            }
            List<Flag> tableFlags = new ArrayList<>(t.flags());
            for (Flag f : SilentEmpties.emptyTotals(catalog.byId(t.schema()).orElse(null), t)) if (!tableFlags.contains(f)) tableFlags.add(f);
            tables.add(t.withRows(rows, tableFlags));
        }
        return doc.with(tables, doc.facts(), docFlags);
    }

    /**
     * A cell read as blank because its text has no digit at all (stamp or speckle marks the parser
     * could not read as an amount): once an identity with a printed total holds with it blank, the
     * marks are not money.
     */
    private static boolean noiseReadAsBlank(CellValue c) {
        return c.value() == null && c.raw() != null && !c.raw().isBlank() && c.raw().chars().noneMatch(Character::isDigit)
                && !c.flags().isEmpty() && c.flags().stream().allMatch(f -> f.code().equals("PARSE_AMBIGUOUS"));
    }

    /**
     * Source confidence raised by each identity the cell satisfies (halving the remaining doubt, up
     * to three times) and capped low when it breaks one.
     */
    static double confidence(double source, int satisfied, boolean broken) {
        if (broken) return Math.min(source, BROKEN_CONFIDENCE);
        double doubt = 100.0 - source;
        for (int i = 0; i < Math.min(satisfied, 3); i++) doubt /= 2;
        return Math.round((100.0 - doubt) * 10) / 10.0;
    }
}
