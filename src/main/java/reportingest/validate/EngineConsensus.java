package reportingest.validate;

import reportingest.layout.OtherReading;
import reportingest.layout.Page;
import reportingest.layout.PageOrigin;
import reportingest.reconcile.CellValue;
import reportingest.reconcile.ExtractedDocument;
import reportingest.reconcile.ExtractedTable;
import reportingest.reconcile.Flag;
import reportingest.reconcile.TableRow;
import reportingest.reconcile.fin.AmountParser;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Where two OCR engines read an amount cell differently (a page's {@link OtherReading}s), the table's
 * identities referee (issue #19). For each such cell the identities covering it are evaluated with
 * either reading: when exactly one reading makes every one of them hold, that reading is the cell's value
 * and the cell carries {@link #ENGINES_DISAGREED} (provenance: both readings and why, no review); when
 * no identity covers the cell, or both readings or neither make them hold, the first engine's reading
 * stays, the other is the cell's proposal and {@link #ENGINES_UNDECIDED} asks a reviewer. Never a silent
 * choice. Cells are decided one at a time against the others' current readings, again while a pass
 * decides something (a sum with two disputed terms is settled once one of them is).
 */
final class EngineConsensus {
    /** Two engines read the cell differently; the identities covering it chose (provenance only). */
    static final String ENGINES_DISAGREED = "ENGINES_DISAGREED";
    /** Two engines read the cell differently and no identity decides which reading is right (review). */
    static final String ENGINES_UNDECIDED = "ENGINES_UNDECIDED";
    private static final int MAX_PASSES = 4;
    /** Disputes decided together at most (2^n combinations are tried). */
    private static final int MAX_GROUP = 8;

    private record Dispute(CellRef ref, CellValue cell, OtherReading other, String otherValue) {}

    private final Evaluator evaluator;
    /** Cells decided together with others: how many disputed cells were in their group. */
    private final Map<CellRef, Integer> together = new HashMap<>();

    EngineConsensus(Evaluator evaluator) {
        this.evaluator = evaluator;
    }

    /**
     * @param checksOf the document's checks (table and cross-table ones are used)
     * @return the document with the disputed cells decided and flagged; the same document when nothing is disputed
     */
    ExtractedDocument apply(ExtractedDocument doc, List<Page> pages, Function<ExtractedDocument, List<Check>> checksOf) {
        List<Dispute> disputes = disputes(doc, pages);
        if (disputes.isEmpty()) return doc;
        DocumentCells cells = new DocumentCells(doc);
        Map<CellRef, List<Check>> covering = new HashMap<>();
        for (Check c : checksOf.apply(doc)) {
            if (c.source() == Check.Source.NARRATIVE) continue;
            for (CellRef r : c.cells()) covering.computeIfAbsent(r, k -> new ArrayList<>()).add(c);
        }
        Map<CellRef, String> current = new HashMap<>();
        Function<CellRef, String> values = r -> current.containsKey(r) ? current.get(r) : cells.value(r);
        Map<CellRef, Boolean> takeOther = new LinkedHashMap<>();
        Map<CellRef, Integer> holding = new HashMap<>();
        for (int pass = 0; pass < MAX_PASSES; pass++) {
            boolean decided = false;
            for (Dispute d : disputes) {
                if (takeOther.containsKey(d.ref())) continue;
                List<Check> checks = covering.getOrDefault(d.ref(), List.of());
                int mine = holdingAll(checks, values, d.ref(), d.cell().value());
                int theirs = holdingAll(checks, values, d.ref(), d.otherValue());
                if ((mine > 0) == (theirs > 0)) continue;
                takeOther.put(d.ref(), theirs > 0);
                holding.put(d.ref(), Math.max(mine, theirs));
                if (theirs > 0) current.put(d.ref(), d.otherValue());
                decided = true;
            }
            if (!decided) break;
        }
        decideTogether(disputes, covering, values, current, takeOther, holding);
        Map<CellRef, CellValue> replaced = new HashMap<>();
        for (Dispute d : disputes) {
            String label = cells.label(d.ref());
            String readings = "Tesseract" + " read " + quote(d.other().primaryText()) + ", "
                    + engine(d.other().engine()) + " read " + quote(d.other().text());
            CellValue c = d.cell();
            List<Flag> flags = new ArrayList<>(c.flags());
            Boolean other = takeOther.get(d.ref());
            if (other == null) {
                flags.add(Flag.of(ENGINES_UNDECIDED, label + ": " + readings + ", and no identity decides between "
                        + (d.otherValue() == null ? "a value and a blank" : c.value() == null ? "a blank and a value" : c.value() + " and " + d.otherValue())
                        + "; the second reading is the proposal"));
                replaced.put(d.ref(), new CellValue(c.value(), c.raw(), c.confidence(), flags, c.page(), c.bbox(), c.origin(),
                        d.otherValue() == null ? "" : d.otherValue()));
                continue;
            }
            int n = holding.get(d.ref());
            String chosen = other ? engine(d.other().engine()) : "Tesseract";
            flags.add(Flag.of(ENGINES_DISAGREED, label + ": " + readings + "; " + chosen + "'s reading makes "
                    + (n == 1 ? "the identity" : "all " + n + " identities") + " covering this cell hold"
                    + (together.containsKey(d.ref()) ? " (with the readings chosen for the " + (together.get(d.ref()) - 1)
                    + " other disputed cells they cover; no other combination does)" : ", the other's does not")));
            if (other) {
                // the chosen reading parses cleanly (it made identities hold), so a parse flag of the other goes
                flags.removeIf(f -> f.code().equals("PARSE_AMBIGUOUS"));
                replaced.put(d.ref(), new CellValue(d.otherValue(), d.other().text(), d.other().confidence(), flags,
                        c.page(), c.bbox(), c.origin(), c.proposal()));
            } else {
                replaced.put(d.ref(), c.withFlags(flags, c.confidence()));
            }
        }
        return with(doc, replaced);
    }

    /**
     * Disputes one at a time cannot settle when they share an identity (a row whose total and one part both
     * differ between the engines: with either part alone the row still does not add up). The disputes still
     * open are grouped by the identities they share, and in a group of at most {@link #MAX_GROUP} every
     * combination of readings is tried: when exactly one makes every identity covering the group hold, it is taken.
     */
    private void decideTogether(List<Dispute> disputes, Map<CellRef, List<Check>> covering, Function<CellRef, String> values,
                                Map<CellRef, String> current, Map<CellRef, Boolean> takeOther, Map<CellRef, Integer> holding) {
        List<Dispute> open = disputes.stream().filter(d -> !takeOther.containsKey(d.ref())).toList();
        List<List<Dispute>> groups = new ArrayList<>();
        List<java.util.Set<Check>> checksOf = new ArrayList<>();
        for (Dispute d : open) {
            java.util.Set<Check> mine = new java.util.HashSet<>(covering.getOrDefault(d.ref(), List.of()));
            if (mine.isEmpty()) continue;
            List<Dispute> merged = new ArrayList<>(List.of(d));
            for (int i = groups.size() - 1; i >= 0; i--) {
                if (checksOf.get(i).stream().anyMatch(mine::contains)) {
                    merged.addAll(groups.remove(i));
                    mine.addAll(checksOf.remove(i));
                }
            }
            groups.add(merged);
            checksOf.add(mine);
        }
        for (int g = 0; g < groups.size(); g++) {
            List<Dispute> group = groups.get(g);
            if (group.size() < 2 || group.size() > MAX_GROUP) continue;
            int found = -1, foundHolding = 0;
            for (int mask = 0; mask < (1 << group.size()); mask++) {
                Map<CellRef, String> trial = new HashMap<>();
                for (int k = 0; k < group.size(); k++) {
                    Dispute d = group.get(k);
                    trial.put(d.ref(), (mask >> k & 1) == 1 ? d.otherValue() : d.cell().value());
                }
                Function<CellRef, String> tried = r -> trial.containsKey(r) ? trial.get(r) : values.apply(r);
                int n = 0;
                boolean all = true;
                for (Check c : checksOf.get(g)) {
                    Outcome o = evaluator.evaluate(c, tried);
                    if (o == null) continue;
                    if (!o.holds()) { all = false; break; }
                    n++;
                }
                if (!all || n == 0) continue;
                if (found >= 0) { found = -2; break; } // two combinations fit: nothing decides
                found = mask;
                foundHolding = n;
            }
            if (found < 0) continue;
            for (int k = 0; k < group.size(); k++) {
                Dispute d = group.get(k);
                boolean other = (found >> k & 1) == 1;
                takeOther.put(d.ref(), other);
                holding.put(d.ref(), foundHolding);
                together.put(d.ref(), group.size());
                if (other) current.put(d.ref(), d.otherValue());
            }
        }
    }

    /** Number of checks that hold with the cell at this value when every evaluable one holds; 0 otherwise. */
    private int holdingAll(List<Check> checks, Function<CellRef, String> values, CellRef ref, String value) {
        Function<CellRef, String> changed = r -> r.equals(ref) ? value : values.apply(r);
        int n = 0;
        for (Check c : checks) {
            Outcome o = evaluator.evaluate(c, changed);
            if (o == null) continue;
            if (!o.holds()) return 0;
            n++;
        }
        return n;
    }

    /** Amount cells of OCR'd pages that a second engine read as another value. */
    private static List<Dispute> disputes(ExtractedDocument doc, List<Page> pages) {
        if (pages == null || pages.stream().allMatch(p -> p.otherReadings().isEmpty())) return List.of();
        Map<Integer, Page> byNumber = new HashMap<>();
        for (Page p : pages) byNumber.putIfAbsent(p.number(), p);
        List<Dispute> out = new ArrayList<>();
        for (int ti = 0; ti < doc.tables().size(); ti++) {
            List<TableRow> rows = doc.tables().get(ti).rows();
            for (int ri = 0; ri < rows.size(); ri++) {
                for (Map.Entry<String, CellValue> e : rows.get(ri).cells().entrySet()) {
                    CellValue c = e.getValue();
                    if (c == null || c.bbox() == null || c.origin() != PageOrigin.OCR) continue;
                    Page page = byNumber.get(c.page());
                    if (page == null) continue;
                    double cx = c.bbox().x() + c.bbox().width() / 2, cy = c.bbox().y() + c.bbox().height() / 2;
                    for (OtherReading o : page.otherReadings()) {
                        if (!o.contains(cx, cy)) continue;
                        // the cell must be the whole region the engines read, not a part the table split off
                        if (!key(c.raw()).equals(key(o.primaryText()))) break;
                        AmountParser.Amount a = AmountParser.parse(o.text());
                        if (!a.guessed() && !Objects.equals(a.value(), c.value())) {
                            out.add(new Dispute(new CellRef(ti, ri, e.getKey()), c, o, a.value()));
                        }
                        break;
                    }
                }
            }
        }
        return out;
    }

    private static ExtractedDocument with(ExtractedDocument doc, Map<CellRef, CellValue> replaced) {
        List<ExtractedTable> tables = new ArrayList<>();
        for (int ti = 0; ti < doc.tables().size(); ti++) {
            ExtractedTable t = doc.tables().get(ti);
            List<TableRow> rows = new ArrayList<>();
            for (int ri = 0; ri < t.rows().size(); ri++) {
                TableRow r = t.rows().get(ri);
                Map<String, CellValue> out = new LinkedHashMap<>(r.cells());
                for (String col : r.cells().keySet()) {
                    CellValue c = replaced.get(new CellRef(ti, ri, col));
                    if (c != null) out.put(col, c);
                }
                rows.add(new TableRow(r.key(), out, r.status(), r.flags()));
            }
            tables.add(t.withRows(rows, t.flags()));
        }
        return doc.with(tables, doc.facts(), doc.flags());
    }

    private static String key(String s) {
        if (s == null) return "";
        return java.text.Normalizer.normalize(s, java.text.Normalizer.Form.NFKC).replaceAll("[\\s,]", "");
    }

    private static String quote(String s) {
        return s == null || s.isBlank() ? "nothing" : "'" + s.strip() + "'";
    }

    private static String engine(String name) {
        return "ppocr".equals(name) ? "PP-OCR" : name;
    }
}
