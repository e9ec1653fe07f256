package reportingest.validate;

import reportingest.reconcile.ExtractedTable;
import reportingest.reconcile.NarrativeFact;
import reportingest.reconcile.TableRow;
import reportingest.catalog.CellSelector;
import reportingest.catalog.NarrativeChecksDef;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks of the figures stated in the narrative (catalog {@code narrativeChecks}): a figure stated
 * twice, narrative identities within one scope and year, and figures against the table cells
 * holding the same figure (for a government book's 说明, the cells it names: {@link BookFigureChecks}).
 */
final class NarrativeIdentities {
    static final String NARRATIVE_MISMATCH = "NARRATIVE_MISMATCH";
    private static final String AMOUNT_UNIT = "万元";

    private NarrativeIdentities() {}

    static List<Check> of(NarrativeChecksDef def, DocumentCells cells, ItemSubjects subjects) {
        List<Check> out = new ArrayList<>();
        List<NarrativeFact> facts = cells.document().facts();
        if (def.duplicates()) duplicates(facts, out);
        Map<String, List<NarrativeFact>> scopes = new LinkedHashMap<>();
        for (NarrativeFact f : facts) scopes.computeIfAbsent(f.scope() + "|" + f.year(), k -> new ArrayList<>()).add(f);
        for (List<NarrativeFact> fs : scopes.values()) {
            Map<String, NarrativeFact> first = new LinkedHashMap<>();
            for (NarrativeFact f : fs) first.putIfAbsent(f.figure(), f);
            String tag = fs.get(0).scope() + fs.get(0).year();
            for (NarrativeChecksDef.Sum s : def.sums()) sum(s, first, tag, out);
            for (NarrativeChecksDef.WeightedSum w : def.weightedSums()) weighted(w, first, tag, out);
            if (def.classItems() != null) classItems(def.classItems(), fs, subjects, tag, out);
            if (def.relations() != null) relations(def.relations(), fs, first, tag, out);
            if (def.changes() != null && def.changes().checkedIn(fs.get(0).scope())) changes(def.changes(), fs, first, tag, out);
        }
        tables(def, cells, subjects, out);
        out.addAll(BookFigureChecks.of(cells));
        return out;
    }

    private static String where(NarrativeFact f) {
        String s = f.section() == null ? "" : f.section();
        int gt = s.lastIndexOf(" > ");
        return (gt >= 0 ? s.substring(gt + 3) : s) + ", line " + f.lineNo();
    }

    static Term fact(NarrativeFact f) {
        return Term.figure(f.figure() + " (" + where(f) + ": “" + f.quote() + "”)", f.value());
    }

    private static void duplicates(List<NarrativeFact> facts, List<Check> out) {
        Map<String, List<NarrativeFact>> groups = new LinkedHashMap<>();
        for (NarrativeFact f : facts) groups.computeIfAbsent(f.year() + "|" + f.figure(), k -> new ArrayList<>()).add(f);
        for (List<NarrativeFact> g : groups.values()) {
            for (NarrativeFact other : g.subList(1, g.size())) {
                out.add(new Check("narr/dup/" + g.get(0).year() + "/" + g.get(0).figure(), NARRATIVE_MISMATCH, Check.Kind.EQUAL,
                        Check.Source.NARRATIVE, "narrative states " + g.get(0).figure() + " (" + g.get(0).year() + ") twice",
                        fact(g.get(0)), List.of(fact(other)), null, false));
            }
        }
    }

    private static void sum(NarrativeChecksDef.Sum s, Map<String, NarrativeFact> first, String tag, List<Check> out) {
        NarrativeFact lhs = first.get(s.lhs());
        if (lhs == null) return;
        if (s.notScope() != null && List.of(s.notScope().split("\\|")).contains(lhs.scope())
                || (s.unless() != null && first.containsKey(s.unless()))) return;
        List<Term> terms = new ArrayList<>();
        for (String t : s.terms()) {
            if (t.startsWith("re:")) {
                Pattern rx = Pattern.compile(t.substring(3));
                int n = 0;
                for (NarrativeFact f : first.values()) {
                    if (rx.matcher(f.figure()).find() && !f.figure().equals(s.lhs())) {
                        terms.add(fact(f));
                        n++;
                    }
                }
                if (n == 0) return;
            } else {
                boolean optional = t.startsWith("?");
                int sign = t.startsWith("-") ? -1 : 1;
                String name = t.replaceFirst("^[?-]+", "");
                NarrativeFact f = first.get(name);
                if (f != null) terms.add(Term.figure(fact(f).label(), f.value(), sign));
                else if (!optional) return;
            }
        }
        BigDecimal fixed = AMOUNT_UNIT.equals(lhs.unit()) ? null : BigDecimal.ZERO;
        out.add(new Check("narr/sum/" + tag + "/" + s.id(), NARRATIVE_MISMATCH, Check.Kind.SUM, Check.Source.NARRATIVE,
                "narrative " + s.id(), fact(lhs), terms, fixed, false));
    }

    private static void weighted(NarrativeChecksDef.WeightedSum w, Map<String, NarrativeFact> first, String tag, List<Check> out) {
        NarrativeFact lhs = first.get(w.lhs());
        if (lhs == null) return;
        List<Term> terms = new ArrayList<>();
        BigDecimal tol = new BigDecimal("0.005").multiply(BigDecimal.valueOf(w.pairs().size() + 1));
        for (List<String> p : w.pairs()) {
            NarrativeFact amount = first.get(p.get(0)), share = first.get(p.get(1));
            if (amount == null || share == null) return;
            BigDecimal a = Amounts.parse(amount.value()), r = Amounts.parse(share.value());
            if (a == null || r == null) return;
            BigDecimal part = a.multiply(r).divide(BigDecimal.valueOf(100), 4, RoundingMode.HALF_UP);
            tol = tol.add(a.multiply(Amounts.halfUnit(share.value())).divide(BigDecimal.valueOf(100), 4, RoundingMode.HALF_UP));
            terms.add(Term.figure(amount.figure() + " " + amount.value() + " × " + share.figure() + " " + share.value() + "%",
                    part.toPlainString()));
        }
        out.add(new Check("narr/derived/" + tag + "/" + w.id(), NARRATIVE_MISMATCH, Check.Kind.SUM, Check.Source.NARRATIVE,
                "narrative " + w.id(), fact(lhs), terms, tol, false));
    }

    /** "决算数小于预算数" where the figures say otherwise: the wording is checked against the two figures it compares. */
    private static void relations(NarrativeChecksDef.Relations def, List<NarrativeFact> fs, Map<String, NarrativeFact> first,
                                  String tag, List<Check> out) {
        String suffix = "." + def.suffix();
        for (NarrativeFact f : fs) {
            if (!f.figure().endsWith(suffix)) continue;
            String prefix = f.figure().substring(0, f.figure().length() - suffix.length());
            NarrativeFact actual = firstOf(first, prefix, def.actual());
            NarrativeFact budget = firstOf(first, prefix, def.budget());
            if (actual == null || budget == null) continue;
            Term a = fact(actual), b = fact(budget);
            String what = "narrative " + prefix + " says 决算" + f.value() + "预算 (“" + f.quote() + "”)";
            String id = "narr/relation/" + tag + "/" + f.figure();
            if (def.more().contains(f.value())) {
                out.add(new Check(id, NARRATIVE_MISMATCH, Check.Kind.AT_LEAST, Check.Source.NARRATIVE, what, a, List.of(b), null, false));
            } else if (def.less().contains(f.value())) {
                out.add(new Check(id, NARRATIVE_MISMATCH, Check.Kind.AT_LEAST, Check.Source.NARRATIVE, what, b, List.of(a), null, false));
            } else if (def.equal().contains(f.value())) {
                out.add(new Check(id, NARRATIVE_MISMATCH, Check.Kind.EQUAL, Check.Source.NARRATIVE, what, a, List.of(b), null, false));
            }
        }
    }

    /**
     * "X万元，比上年增加Y万元，增长Z%": with the previous year's figure P stated, X = P ± Y and Z = ±(X − P) / P; without
     * it, Z = Y / (X ∓ Y) where the amount and the rate are both stated. Nothing else is checked: a change against a
     * figure the document does not give stays unchecked.
     */
    private static void changes(NarrativeChecksDef.Changes def, List<NarrativeFact> fs, Map<String, NarrativeFact> first,
                                String tag, List<Check> out) {
        Set<String> bases = new LinkedHashSet<>();
        String mark = "." + def.prefix();
        for (NarrativeFact f : fs) {
            int at = f.figure().indexOf(mark);
            if (at > 0) bases.add(f.figure().substring(0, at));
        }
        for (String base : bases) {
            String p = base + mark;
            NarrativeFact up = first.get(p + def.upAmount()), down = first.get(p + def.downAmount());
            NarrativeFact upRate = firstOf(first, p, def.upRates(), ""), downRate = firstOf(first, p, def.downRates(), "");
            NarrativeFact amount = up != null ? up : down, rate = upRate != null ? upRate : downRate;
            boolean amountDown = up == null, rateDown = upRate == null;
            NarrativeFact current = firstOf(first, base, def.current(), ".");
            NarrativeFact previous = firstOf(first, base, def.previous(), ".");
            if (current == null || amount == null && rate == null) continue;
            BigDecimal x = Amounts.parse(current.value());
            if (x == null) continue;
            String id = "narr/change/" + tag + "/" + base;
            String what = "narrative " + base + " " + def.prefix();
            if (previous != null) {
                BigDecimal prev = Amounts.parse(previous.value());
                if (prev == null) continue;
                if (amount != null) {
                    out.add(new Check(id + "/amount", NARRATIVE_MISMATCH, Check.Kind.SUM, Check.Source.NARRATIVE,
                            what + " (this year = last year ± the change)", fact(current),
                            List.of(fact(previous), Term.figure(fact(amount).label(), amount.value(), amountDown ? -1 : 1)), null, false));
                }
                if (rate != null) {
                    BigDecimal change = rateDown ? prev.subtract(x) : x.subtract(prev);
                    out.add(new Check(id + "/rate", NARRATIVE_MISMATCH, Check.Kind.RATIO, Check.Source.NARRATIVE,
                            what + " rate = change / last year", fact(rate),
                            List.of(Term.figure(base + " change", change.toPlainString()), fact(previous)), null, false));
                }
            } else if (amount != null && rate != null && amountDown == rateDown) {
                BigDecimal y = Amounts.parse(amount.value());
                if (y == null) continue;
                BigDecimal prev = amountDown ? x.add(y) : x.subtract(y);
                out.add(new Check(id + "/rate", NARRATIVE_MISMATCH, Check.Kind.RATIO, Check.Source.NARRATIVE,
                        what + " rate = change / (this year ∓ change)", fact(rate),
                        List.of(fact(amount), Term.figure(base + " last year (" + current.value() + (amountDown ? " + " : " - ")
                                + amount.value() + ")", prev.toPlainString())), null, false));
            }
        }
    }

    /** The first stated of {@code base + sep + suffix} over the suffixes ("" for the base itself). */
    private static NarrativeFact firstOf(Map<String, NarrativeFact> first, String base, List<String> suffixes, String sep) {
        for (String s : suffixes) {
            NarrativeFact f = first.get(s.isEmpty() ? base : base + sep + s);
            if (f != null) return f;
        }
        return null;
    }

    private static NarrativeFact firstOf(Map<String, NarrativeFact> first, String prefix, List<String> suffixes) {
        for (String s : suffixes) {
            NarrativeFact f = first.get(prefix + "." + s);
            if (f != null) return f;
        }
        return null;
    }

    private static void classItems(NarrativeChecksDef.ClassItems def, List<NarrativeFact> fs, ItemSubjects subjects, String tag,
                                   List<Check> out) {
        Pattern item = Pattern.compile(def.itemPattern());
        for (NarrativeFact f : fs) {
            if (!f.figure().startsWith(def.classPrefix())) continue;
            String cls = ItemSubjects.bare(f.figure().substring(def.classPrefix().length()));
            List<Term> terms = new ArrayList<>();
            for (NarrativeFact x : fs) {
                if (!item.matcher(x.figure()).find()) continue;
                ItemSubjects.Subject s = subjects.of(x);
                if (s != null && s.cls().equals(cls)) terms.add(fact(x));
            }
            if (terms.isEmpty()) continue;
            out.add(new Check("narr/class/" + tag + "/" + f.figure(), NARRATIVE_MISMATCH, Check.Kind.SUM, Check.Source.NARRATIVE,
                    "narrative " + f.figure() + " = Σ its 项 lines", fact(f), terms, null, false));
        }
    }

    private static void tables(NarrativeChecksDef def, DocumentCells cells, ItemSubjects subjects, List<Check> out) {
        Integer fy = fiscalYear(cells.document().fiscalYear(), cells.document().facts());
        if (fy == null || cells.document().tables().isEmpty()) return;
        Set<String> done = new LinkedHashSet<>();
        for (NarrativeFact f : cells.document().facts()) {
            if (!fy.equals(f.year()) || !done.add(f.figure() + "|" + f.value() + "|" + f.scope())) continue;
            for (NarrativeChecksDef.Link l : def.links()) link(l, f, cells, subjects, fy, Relation.EQUAL, out);
            for (NarrativeChecksDef.Link l : def.atLeast()) link(l, f, cells, subjects, fy, Relation.AT_LEAST, out);
            for (NarrativeChecksDef.Link l : def.atMost()) link(l, f, cells, subjects, fy, Relation.AT_MOST, out);
        }
    }

    /** The document's fiscal year; where the cover names none, the year most narrative figures refer to. */
    static Integer fiscalYear(Integer printed, List<NarrativeFact> facts) {
        if (printed != null) return printed;
        Map<Integer, Integer> counts = new LinkedHashMap<>();
        for (NarrativeFact f : facts) if (f.year() != null) counts.merge(f.year(), 1, Integer::sum);
        return counts.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(null);
    }

    /** How a narrative figure stands to the table cell it names. */
    private enum Relation { EQUAL, AT_LEAST, AT_MOST }

    private static void link(NarrativeChecksDef.Link l, NarrativeFact f, DocumentCells cells, ItemSubjects subjects, Integer fy,
                             Relation relation, List<Check> out) {
        if (!l.scopes().isEmpty() && !l.scopes().contains(f.scope())) return;
        String suffix = null;
        if (l.figure() != null) {
            if (!l.figure().equals(f.figure())) return;
        } else if (l.figurePattern() != null) {
            Matcher m = Pattern.compile(l.figurePattern()).matcher(f.figure());
            if (!m.find()) return;
            suffix = m.groupCount() > 0 ? m.group(1) : null;
        } else {
            return;
        }
        for (CellSelector s : l.cells()) {
            CellRef ref = switch (l.by() == null ? "" : l.by()) {
                case "class" -> byClass(s, suffix, cells, fy);
                case "subject" -> bySubject(s, subjects.of(f), cells);
                default -> cells.one(s, fy);
            };
            if (ref == null) continue;
            String id = (l.id() == null ? "narr/table" : l.id()) + "/" + f.figure();
            Term cell = inFigureUnit(f, ref, cells);
            Relation r = relation == Relation.AT_MOST && sameFigure(l, f, cells.value(ref)) ? Relation.EQUAL : relation;
            String what = "narrative " + f.figure();
            switch (r) {
                case EQUAL -> out.add(new Check(id, NARRATIVE_MISMATCH, Check.Kind.EQUAL, Check.Source.NARRATIVE,
                        what + " = table cell", fact(f), List.of(cell), null, false));
                case AT_LEAST -> out.add(new Check(id, NARRATIVE_MISMATCH, Check.Kind.AT_LEAST, Check.Source.NARRATIVE,
                        what + " ≥ table cell (the text covers all funds)", fact(f), List.of(cell), null, false));
                case AT_MOST -> out.add(new Check(id, NARRATIVE_MISMATCH, Check.Kind.AT_LEAST, Check.Source.NARRATIVE,
                        what + " ≤ table cell (the text covers part of it)", cell, List.of(fact(f)), null, false));
            }
        }
    }

    /**
     * The cell as the narrative states it: a budget prints its forms in 元 and its text in 万元 (收入预算1,234.56万元
     * over 收入总计 12,345,600.00), so a 元 cell is compared in 万元; any other cell as it is.
     */
    private static Term inFigureUnit(NarrativeFact f, CellRef ref, DocumentCells cells) {
        String unit = cells.document().tables().get(ref.table()).unit();
        if (!AMOUNT_UNIT.equals(f.unit()) || !"元".equals(unit)) return Term.cell(cells.qualifiedLabel(ref), ref);
        BigDecimal v = Amounts.parse(cells.value(ref));
        return Term.figure(cells.qualifiedLabel(ref) + " (元, in 万元)", v == null ? null : v.movePointLeft(4).toPlainString());
    }

    /** Within {@code sameWithin} of the cell (a share of it), a part-figure is taken for the cell's own figure. */
    private static boolean sameFigure(NarrativeChecksDef.Link l, NarrativeFact f, String cellValue) {
        if (l.sameWithin() == null || cellValue == null) return false;
        BigDecimal figure = Amounts.parse(f.value());
        BigDecimal cell = Amounts.parse(cellValue);
        if (figure == null || cell == null || cell.signum() == 0) return false;
        return figure.subtract(cell).abs().compareTo(cell.abs().multiply(l.sameWithin())) <= 0;
    }

    private static CellRef byClass(CellSelector s, String cls, DocumentCells cells, Integer fy) {
        if (cls == null) return null;
        for (CellRef r : cells.select(s, fy)) {
            if (ItemSubjects.bare(DocumentCells.name(row(cells, r))).equals(ItemSubjects.bare(cls))) return r;
        }
        return null;
    }

    private static CellRef bySubject(CellSelector s, ItemSubjects.Subject subject, DocumentCells cells) {
        if (subject == null) return null;
        int ti = cells.table(s.schema());
        if (ti < 0) return null;
        ExtractedTable t = cells.document().tables().get(ti);
        String cls = code(t, 3, null, subject.cls());
        String kuan = cls == null ? null : code(t, 5, cls, subject.kuan());
        String xiang = kuan == null ? null : code(t, 7, kuan, subject.xiang());
        if (xiang == null) return null;
        for (int i = 0; i < t.rows().size(); i++) {
            if (xiang.equals(DocumentCells.code(t.rows().get(i))) && t.rows().get(i).cells().containsKey(s.column())) {
                return new CellRef(ti, i, s.column());
            }
        }
        return null;
    }

    /** The one code of this length under the parent whose row name is this subject name, else null. */
    private static String code(ExtractedTable t, int length, String parent, String name) {
        String found = null;
        for (TableRow r : t.rows()) {
            String c = DocumentCells.code(r);
            if (c == null || c.length() != length || (parent != null && !c.startsWith(parent))) continue;
            if (!ItemSubjects.bare(DocumentCells.name(r)).equals(name)) continue;
            if (found != null && !found.equals(c)) return null;
            found = c;
        }
        return found;
    }

    private static TableRow row(DocumentCells cells, CellRef r) {
        return cells.document().tables().get(r.table()).rows().get(r.row());
    }
}
