package reportingest.reconcile.fin;

import reportingest.layout.PageOrigin;
import reportingest.reconcile.ExtractedTable;
import reportingest.reconcile.Flag;
import reportingest.reconcile.TableRow;
import reportingest.catalog.GroupDef;
import reportingest.catalog.LabelCatalog;
import reportingest.catalog.SchemaDef;
import reportingest.catalog.SideDef;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reconciles the row labels of standard forms to the labels the catalog knows
 * ({@link LabelCatalog}), so that an OCR slip in a label does not lose the row: the row key becomes
 * the known label and the printed text stays in the row's flag.
 * <ul>
 * <li>Summary lines (two-sided tables): a printed item is the known line of its side it is
 * nearest to, when it is within the OCR budget of that line and of no other; its printed ordinal
 * is kept (abridged forms renumber). An unreadable item between two known lines is the line a
 * printed order of the form puts there. </li>
 * <li>Coded rows: a printed name is the name its printed code is known by when within one or two
 * slips of it. A printed code the catalog does not know stands when the printed hierarchy allows it
 * (under the row printed as its parent); only an impossible code becomes the one code, one digit
 * away and under that parent, that its name is known by.</li>
 * </ul>
 * A label read through noise or a slip, with the code or the form's line list vouching for it, is
 * flagged {@link Cells#LABEL_RECONCILED} (provenance: nothing for a reviewer to decide). A label
 * inferred from its position or a code changed by a digit is flagged {@link Cells#LABEL_REPAIRED}
 * and the row needs review. Amounts are never touched.
 */
public final class RowLabelReconciler {
    private final LabelCatalog labels;

    public RowLabelReconciler(LabelCatalog labels) {
        this.labels = labels;
    }

    public ExtractedTable reconcile(SchemaDef schema, ExtractedTable table) {
        List<TableRow> rows = switch (schema.kind()) {
            case "two_sided" -> summaryLines(schema, table.rows());
            case "coded", "grouped_coded" -> schema.codeSystem() == null ? table.rows() : codedRows(schema, table.rows());
            default -> table.rows();
        };
        return rows == table.rows() ? table : table.withRows(rows, table.flags());
    }

    // ------------------------------------------------------------------ summary lines

    private List<TableRow> summaryLines(SchemaDef schema, List<TableRow> rows) {
        List<TableRow> out = new ArrayList<>(rows);
        for (SideDef side : schema.sides()) checkLineNumbers(out, side.side());
        for (SideDef side : schema.sides()) {
            List<String> known = labels.lines(schema.id(), side.side());
            if (known.isEmpty()) continue;
            List<Integer> at = new ArrayList<>();
            for (int i = 0; i < out.size(); i++) {
                TableRow r = out.get(i);
                if (side.side().equals(r.key().get("side")) && r.key().get("item") instanceof String s && !Labels.blank(s)) at.add(i);
            }
            if (at.stream().noneMatch(i -> recognised(out.get(i)))) continue;
            String[] matched = new String[at.size()];
            for (int k = 0; k < at.size(); k++) {
                TableRow r = out.get(at.get(k));
                String printed = (String) r.key().get("item");
                String line = nearestLine(printed, known);
                if (line == null) continue;
                String label = rebuild(printed, line);
                matched[k] = line;
                if (!label.equals(printed)) {
                    out.set(at.get(k), relabel(r, "item", label, Flag.of(Cells.LABEL_RECONCILED,
                            "printed '" + printed + "' read as the form's line '" + label + "'")));
                }
            }
            List<List<String>> orders = labels.sequences(schema.id(), side.side());
            for (int k = 0; k < at.size(); k++) {
                if (matched[k] != null) continue;
                String before = k > 0 ? matched[k - 1] : null;
                String after = k + 1 < at.size() ? matched[k + 1] : null;
                if (k > 0 && before == null || k + 1 < at.size() && after == null) continue;
                String line = between(orders, before, after, k == 0, k + 1 == at.size());
                if (line == null) continue;
                TableRow r = out.get(at.get(k));
                String printed = (String) r.key().get("item");
                String where = "the line the form prints " + (before == null ? "first" : "after '" + before + "'") + " is '" + line + "'";
                // the position and a text one slip from the line agree: no reviewer needed
                Flag f = nearlyReads(printed, line)
                        ? Flag.of(Cells.LABEL_RECONCILED, "printed '" + printed + "' read as '" + line + "': " + where)
                        : Flag.of(Cells.LABEL_REPAIRED, "printed '" + printed + "' is unreadable; " + where);
                out.set(at.get(k), relabel(r, "item", line, f));
                matched[k] = line;
            }
            checkOrdinals(out, at);
        }
        return out;
    }

    /**
     * The 行次 of a side's lines run one by one down the table: a number read between n - 1 and n + 1 that is not
     * n (56 read as 36) is n, with provenance; the last line's, when it is not one above the line before, is that
     * number but needs review (nothing after it confirms). A born-digital table's numbers are as printed.
     */
    private static void checkLineNumbers(List<TableRow> out, String side) {
        List<Integer> at = new ArrayList<>();
        for (int i = 0; i < out.size(); i++) {
            TableRow r = out.get(i);
            if (side.equals(r.key().get("side")) && r.key().get("line_no") instanceof Integer) at.add(i);
        }
        if (at.size() < 3 || at.stream().noneMatch(i -> recognised(out.get(i)))) return;
        int[] n = at.stream().mapToInt(i -> (Integer) out.get(i).key().get("line_no")).toArray();
        for (int k = 0; k < n.length; k++) {
            Integer want = null;
            boolean decided = false;
            if (k > 0 && k + 1 < n.length && n[k + 1] == n[k - 1] + 2) { want = n[k - 1] + 1; decided = true; }
            else if (k == 0 && n[1] + 1 == n[2] && n[0] != n[1] - 1 && n[1] > 1) { want = n[1] - 1; decided = true; }
            else if (k + 1 == n.length && k >= 2 && n[k - 1] == n[k - 2] + 1) want = n[k - 1] + 1;
            if (decided && want == n[k]) {
                // a number read from letters (ll for 11) that the lines around it confirm
                out.set(at.get(k), vouched(out.get(at.get(k)), RowLabelReconciler::lineNumberFromLetters,
                        "the lines around it are numbered one below and one above"));
            }
            if (want == null || want == n[k]) continue;
            String why = decided ? "the lines around it are numbered one below and one above"
                    : "the line before it is " + n[k - 1] + " and nothing after it confirms";
            TableRow r = out.get(at.get(k));
            out.set(at.get(k), relabel(r, "line_no", want, Flag.of(decided ? Cells.LABEL_RECONCILED : Cells.LABEL_REPAIRED,
                    "printed 行次 " + n[k] + " read as " + want + ": " + why)));
            n[k] = want;
        }
    }

    /** The row with its repair flags that {@code why} confirms turned into provenance (LABEL_RECONCILED); unchanged without any. */
    private static TableRow vouched(TableRow r, java.util.function.Predicate<Flag> repair, String why) {
        if (r.flags().stream().noneMatch(repair)) return r;
        List<Flag> flags = new ArrayList<>();
        for (Flag f : r.flags()) flags.add(repair.test(f) ? Flag.of(Cells.LABEL_RECONCILED, f.message() + "; " + why) : f);
        return Cells.row(r.key(), r.cells(), flags);
    }

    private static boolean lineNumberFromLetters(Flag f) {
        return Cells.LABEL_REPAIRED.equals(f.code()) && f.message().startsWith(TwoSidedTableParser.CONFUSED_LINE_NUMBER);
    }

    /**
     * The ordinals read on a side's lines, against their neighbours': one its neighbours decide
     * (十、 · 二一、 · 十二、) is renumbered with provenance; a malformed one nothing decides, or one
     * only the line before suggests, is flagged for review. Never a numeral no one checked.
     */
    private static void checkOrdinals(List<TableRow> out, List<Integer> at) {
        if (at.stream().noneMatch(i -> recognised(out.get(i)))) return;
        List<String> printed = new ArrayList<>();
        for (int i : at) printed.add((String) out.get(i).key().get("item"));
        Ordinals.Required[] want = Ordinals.required(printed);
        for (int k = 0; k < at.size(); k++) {
            String label = printed.get(k);
            Ordinals.Ordinal o = Ordinals.of(label);
            if (o == null) continue;
            TableRow r = out.get(at.get(k));
            if (want[k] != null) {
                String renumbered = Ordinals.renumbered(label, o, want[k].value());
                boolean decided = want[k].decided();
                out.set(at.get(k), relabel(r, "item", renumbered, Flag.of(decided ? Cells.LABEL_RECONCILED : Cells.LABEL_REPAIRED,
                        "printed ordinal '" + o.printed().strip() + "' read as '" + Ordinals.of(renumbered).printed().strip() + "': "
                                + (decided ? "the lines of its kind around it number it so" : "the line before it is numbered one below"))));
            } else if (!o.readable()) {
                out.set(at.get(k), relabel(r, "item", label, Flag.of(Cells.LABEL_REPAIRED,
                        "printed ordinal '" + o.printed().strip() + "' is no number and the lines around it do not say which")));
            }
        }
    }

    /** The known line the printed item is, or null when none is near enough or two different lines are equally near. */
    static String nearestLine(String printed, List<String> known) {
        if (known.contains(printed)) return printed;
        String pAll = LabelText.han(printed), pBody = LabelText.han(LabelText.body(printed));
        if (pAll.isEmpty()) return null;
        List<String> best = new ArrayList<>();
        int bestD = Integer.MAX_VALUE;
        for (String k : known) {
            String kBody = LabelText.han(LabelText.body(k));
            int limit = LabelText.freeBudget(kBody.length());
            int d = Math.min(LabelText.distance(pAll, LabelText.han(k), limit), LabelText.distance(pBody, kBody, limit));
            if (d > limit) continue;
            if (d < bestD) { best.clear(); bestD = d; }
            if (d == bestD) best.add(k);
        }
        if (best.isEmpty() || best.stream().map(k -> LabelText.han(LabelText.body(k))).distinct().count() > 1) return null;
        // one text printed with and without an ordinal: the kind the item is printed in
        boolean ordinal = LabelText.ordinal(printed) != null;
        return best.stream().filter(k -> (LabelText.ordinal(k) != null) == ordinal).findFirst().orElse(best.get(0));
    }

    private static final java.util.regex.Pattern HAN_NUMERALS = java.util.regex.Pattern.compile("^[一二三四五六七八九十]+");

    /** The printed text, ordinal aside however it was read, is within one slip (two for long lines) of the line's text. */
    static boolean nearlyReads(String printed, String line) {
        String p = HAN_NUMERALS.matcher(LabelText.han(printed)).replaceFirst("");
        String l = HAN_NUMERALS.matcher(LabelText.han(LabelText.body(line))).replaceFirst("");
        if (p.isEmpty() || l.isEmpty()) return false;
        int limit = LabelText.anchoredBudget(l.length());
        return LabelText.distance(p, l, limit) <= limit;
    }

    /** The known line's text under the printed ordinal (renumbered forms keep theirs); the known line when none was printed. */
    static String rebuild(String printed, String line) {
        String ordinal = LabelText.ordinal(printed);
        if (ordinal == null || LabelText.ordinal(line) == null) return line;
        return ordinal + LabelText.body(line);
    }

    /** The one line every printed order puts between {@code before} and {@code after}, or null. */
    static String between(List<List<String>> orders, String before, String after, boolean first, boolean last) {
        String found = null;
        for (List<String> order : orders) {
            for (int i = 0; i < order.size(); i++) {
                boolean fitsBefore = before == null ? first && i == 0 : i > 0 && order.get(i - 1).equals(before);
                boolean fitsAfter = after == null ? last && i == order.size() - 1 : i + 1 < order.size() && order.get(i + 1).equals(after);
                if (!fitsBefore || !fitsAfter) continue;
                if (found != null && !found.equals(order.get(i))) return null;
                found = order.get(i);
            }
        }
        return found;
    }

    // ------------------------------------------------------------------ coded rows

    private List<TableRow> codedRows(SchemaDef schema, List<TableRow> rows) {
        Map<String, List<String>> all = labels.codes(schema.codeSystem());
        if (all.isEmpty()) return rows;
        Set<String> printedCodes = new LinkedHashSet<>();
        for (TableRow r : rows) if (r.key().get("code") instanceof String c) printedCodes.add(c);
        String[] enclosing = "coded".equals(schema.kind()) ? enclosing(rows) : new String[rows.size()];
        List<TableRow> out = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            TableRow r = rows.get(i);
            String code = r.key().get("code") instanceof String c ? c : null;
            String name = r.key().get("name") instanceof String n ? n : null;
            if (code == null || name == null) {
                out.add(r);
                continue;
            }
            List<String> names = all.getOrDefault(code, List.of());
            if (!recognised(r)) {
                out.add(r);
                continue;
            }
            // a code read from parts with letters OCR confuses with digits (Ol for 01): its printed name vouches for it
            if (names.contains(name)) r = vouched(r, CodeReader::readFromConfusedParts, "its printed name '" + name + "' is that code's");
            if (names.contains(name)) {
                // OCR does not tell full-width from ASCII parentheses: the way the name is mostly printed
                String usual = names.stream().filter(n -> LabelText.han(n).equals(LabelText.han(name))).findFirst().orElse(name);
                out.add(usual.equals(name) || r.cells().values().stream().noneMatch(c -> c.origin() == PageOrigin.OCR) ? r
                        : relabel(r, "name", usual, Flag.of(Cells.LABEL_RECONCILED, "printed name '" + name + "' of code "
                                + code + " read as its usual printing '" + usual + "' (OCR does not tell the width of punctuation)")));
                continue;
            }
            String known = names.isEmpty() ? null : nearestName(name, names, LabelText::anchoredBudget);
            if (known != null) {
                out.add(relabel(r, "name", known, Flag.of(Cells.LABEL_RECONCILED,
                        "printed name '" + name + "' of code " + code + " read as its name '" + known + "'")));
                continue;
            }
            if (!names.isEmpty()) {
                out.add(r);
                continue;
            }
            String shorter = oneDigitTooMany(code, name, schema.codeLevels(), all, printedCodes);
            if (shorter != null) {
                List<Flag> kept = r.flags().stream().filter(f -> !CodeReader.ofNoLevel(f)).toList();
                TableRow fixed = relabel(Cells.row(r.key(), r.cells(), kept), "code", shorter, Flag.of(Cells.LABEL_REPAIRED,
                        "printed code " + code + " has a digit too many; '" + name + "' is code " + shorter + ", one digit fewer"));
                out.add(regroup(schema, fixed, code, shorter));
                continue;
            }
            // an unknown code stands unless the printed hierarchy rules it out: 行政运行, 一般行政管理事务 and the
            // like repeat under many 款, so a name alone never moves a plausible code to another branch
            String parent = enclosing[i];
            if (plausible(code, parent, all, printedCodes)) {
                out.add(r);
                continue;
            }
            // an impossible code: the one code under its printed parent (or, with none printed, one digit away)
            // that the printed name is known by, when that name is unique there
            List<String> fits = new ArrayList<>();
            String repairedName = null;
            for (Map.Entry<String, List<String>> e : all.entrySet()) {
                String c = e.getKey();
                if (c.length() != code.length() || !(parent == null ? hamming(c, code) == 1 : c.startsWith(parent))) continue;
                String n = nearestName(name, e.getValue(), LabelText::freeBudget);
                if (n == null) continue;
                fits.add(c);
                repairedName = n;
            }
            if (fits.size() != 1 || hamming(fits.get(0), code) != 1 || printedCodes.contains(fits.get(0))) {
                out.add(r);
                continue;
            }
            String repaired = fits.get(0);
            TableRow fixed = relabel(r, "code", repaired, Flag.of(Cells.LABEL_REPAIRED, "printed code " + code
                    + " is no " + schema.codeSystem() + " code; '" + name + "' is code " + repaired + ", one digit from it"));
            if (!repairedName.equals(name)) fixed = relabel(fixed, "name", repairedName, null);
            out.add(regroup(schema, fixed, code, repaired));
        }
        return out;
    }

    /**
     * A code one digit longer than a level of its system (22102038 for 2210203: OCR read a speck or one mark twice as a
     * digit): the one known code that dropping a digit leaves, under a head the table prints, not printed itself, and
     * known by the row's printed name. Null when none or several.
     */
    static String oneDigitTooMany(String code, String name, List<Integer> levels, Map<String, List<String>> known, Set<String> printed) {
        if (levels.isEmpty() || levels.contains(code.length()) || !levels.contains(code.length() - 1)) return null;
        Set<String> fits = new LinkedHashSet<>();
        for (int i = 0; i < code.length(); i++) {
            String c = code.substring(0, i) + code.substring(i + 1);
            if (!known.containsKey(c) || printed.contains(c)) continue;
            String head = c.substring(0, Math.max(3, c.length() - 2));
            if (!head.equals(c) && !printed.contains(head)) continue;
            if (nearestName(name, known.get(c), LabelText::freeBudget) != null) fits.add(c);
        }
        return fits.size() == 1 ? fits.iterator().next() : null;
    }

    /**
     * Per row, the code of the nearest row above it with a shorter code: the 类 or 款 a one-column code
     * table prints it under. Null for rows with no code or none above. Side-by-side groups interleave
     * their rows, so grouped tables do not use this.
     */
    static String[] enclosing(List<TableRow> rows) {
        String[] out = new String[rows.size()];
        List<String> above = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            if (!(rows.get(i).key().get("code") instanceof String code)) continue;
            for (int k = above.size() - 1; k >= 0; k--) {
                if (above.get(k).length() < code.length()) { out[i] = above.get(k); break; }
            }
            above.add(code);
        }
        return out;
    }

    /**
     * A code the catalog does not know is still possible when it sits under the row printed above it
     * as its parent, or, with no such row, when one of its heads (类, 款) is printed or known: the catalog
     * lists what documents printed, not every subject there is. An unknown top-level code is impossible, and so is
     * one with a 款 or 项 of 00 (they run from 01; 2080500 is 2080501 whose 1 OCR lost).
     */
    static boolean plausible(String code, String parent, Map<String, List<String>> known, Set<String> printed) {
        for (int i = 3; i + 2 <= code.length(); i += 2) if (code.startsWith("00", i)) return false;
        if (parent != null) return code.startsWith(parent);
        for (int len = code.length() - 2; len >= 3; len -= 2) {
            String head = code.substring(0, len);
            if (known.containsKey(head) || printed.contains(head)) return true;
        }
        return false;
    }

    /** A repaired code moves the row to the group its 3-digit head belongs to. */
    private static TableRow regroup(SchemaDef schema, TableRow r, String oldCode, String newCode) {
        if (!r.key().containsKey("group") || schema.groups().isEmpty()) return r;
        String head = newCode.substring(0, Math.min(3, newCode.length()));
        for (GroupDef g : schema.groups()) {
            if (g.codePrefixes().contains(head) && !g.name().equals(r.key().get("group"))) {
                Map<String, Object> key = new LinkedHashMap<>(r.key());
                key.put("group", g.name());
                return new TableRow(key, r.cells(), r.status(), r.flags());
            }
        }
        return r;
    }

    interface Budget { int of(int length); }

    /** The one known name the printed one is (noise aside, within the budget); null when none or two differ. */
    static String nearestName(String printed, List<String> names, Budget budget) {
        String p = LabelText.han(printed);
        if (p.isEmpty()) return null;
        String best = null;
        int bestD = Integer.MAX_VALUE;
        boolean tie = false;
        for (String n : names) {
            String k = LabelText.han(n);
            int limit = budget.of(k.length());
            int d = LabelText.distance(p, k, limit);
            if (d > limit) continue;
            if (d < bestD) { best = n; bestD = d; tie = false; }
            else if (d == bestD && !LabelText.han(best).equals(k)) tie = true;
        }
        return tie ? null : best;
    }

    private static int hamming(String a, String b) {
        int d = 0;
        for (int i = 0; i < a.length(); i++) if (a.charAt(i) != b.charAt(i)) d++;
        return d;
    }

    /**
     * Labels read by recognition (OCR now or in an earlier run) can carry slips; a born-digital text
     * layer prints exactly what the document says, so its labels are left as printed.
     */
    private static boolean recognised(TableRow r) {
        return r.cells().values().stream().anyMatch(c -> c.origin() == PageOrigin.OCR || c.origin() == PageOrigin.OCR_TEXT);
    }

    private static TableRow relabel(TableRow r, String field, Object value, Flag flag) {
        Map<String, Object> key = new LinkedHashMap<>(r.key());
        key.put(field, value);
        List<Flag> flags = new ArrayList<>(r.flags());
        if (flag != null) flags.add(flag);
        return Cells.row(key, r.cells(), flags);
    }
}
