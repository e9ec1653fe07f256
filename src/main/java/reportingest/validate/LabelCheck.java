package reportingest.validate;

import reportingest.catalog.Catalog;
import reportingest.catalog.EditDistance;
import reportingest.catalog.LabelCatalog;
import reportingest.catalog.SchemaDef;
import reportingest.layout.PageOrigin;
import reportingest.reconcile.ExtractedDocument;
import reportingest.reconcile.ExtractedTable;
import reportingest.reconcile.Flag;
import reportingest.reconcile.RowStatus;
import reportingest.reconcile.TableRow;
import reportingest.reconcile.fin.LabelText;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Row labels checked like amounts (issue #20): a consumer keys on them, so a label that is not what
 * the form prints must not pass as ACCEPTED. Runs after the reconcile stage, which already read every
 * label it could to the catalog's; what is left and still does not read as the catalog's label is
 * flagged {@link #LABEL_UNREADABLE} with the catalog's label proposed in the message.
 * <ul>
 * <li>Any label of a standard form with letters but not one Chinese character ({@code Wy}, {@code Weih}):
 * not text of the form's script, whatever its origin.</li>
 * <li>A recognised (OCR) label of a code the catalog knows, none of whose names it reads as (Chinese
 * characters compared): OCR garbage, or a name cut short at a cell edge.</li>
 * <li>A born-digital label is what the document prints, so only a name that is a cut-short prefix of
 * the catalog's name is flagged there; a different wording is the document's own.</li>
 * <li>A recognised summary line (two-sided tables) that is none of its side's known lines.</li>
 * <li>A recognised code whose 类 (first three digits) is none of its system's classes
 * ({@code catalog/code-classes.tsv}): a misread code, whatever rows it sits under.</li>
 * </ul>
 * Other codes the catalog does not know are judged by script only: the catalog lists far fewer codes than exist.
 */
final class LabelCheck {
    static final String LABEL_UNREADABLE = "LABEL_UNREADABLE";

    private final Catalog catalog;
    private final LabelCatalog labels;

    LabelCheck(Catalog catalog, LabelCatalog labels) {
        this.catalog = catalog;
        this.labels = labels;
    }

    ExtractedDocument apply(ExtractedDocument doc) {
        List<ExtractedTable> tables = new ArrayList<>(doc.tables().size());
        boolean changed = false;
        for (ExtractedTable t : doc.tables()) {
            Optional<SchemaDef> schema = catalog.byId(t.schema());
            if (schema.isEmpty() || !standardForm(schema.get())) {
                tables.add(t);
                continue;
            }
            List<TableRow> rows = new ArrayList<>(t.rows().size());
            for (TableRow r : t.rows()) {
                Flag f = judge(schema.get(), r);
                if (f == null || r.flags().contains(f)) {
                    rows.add(r);
                    continue;
                }
                List<Flag> flags = new ArrayList<>(r.flags());
                flags.add(f);
                rows.add(new TableRow(r.key(), r.cells(), RowStatus.NEEDS_REVIEW, flags));
                changed = true;
            }
            tables.add(t.withRows(rows, t.flags()));
        }
        return changed ? doc.with(tables, doc.flags()) : doc;
    }

    private static boolean standardForm(SchemaDef s) {
        return switch (s.kind()) {
            case "two_sided", "coded", "grouped_coded" -> true;
            default -> false;
        };
    }

    /** The flag the row's label earns, or null when it reads as a label of the form. */
    Flag judge(SchemaDef schema, TableRow r) {
        String field = r.key().containsKey("name") ? "name" : r.key().containsKey("item") ? "item" : null;
        if (field == null || !(r.key().get(field) instanceof String printed) || printed.isBlank()) return null;
        String code = r.key().get("code") instanceof String c && !c.isBlank() ? c : null;
        String where = (code == null ? "" : "code " + code + ": ") + field + " '" + printed + "'";
        if (LabelText.han(printed).isEmpty() && printed.codePoints().anyMatch(Character::isLetter)) {
            return unreadable(where + " is not Chinese text", proposal(schema, r, code, printed));
        }
        boolean recognised = r.cells().values().stream().anyMatch(c -> c.origin() == PageOrigin.OCR || c.origin() == PageOrigin.OCR_TEXT);
        if (recognised && code != null && schema.codeSystem() != null && !labels.possibleClass(schema.codeSystem(), code)) {
            return unreadable("code " + code + " is no " + schema.codeSystem() + " code: its 类 " + code.substring(0, Math.min(3, code.length()))
                    + " is none of " + labels.classRanges(schema.codeSystem()), null);
        }
        if ("name".equals(field) && schema.codeSystem() != null && code != null) {
            List<String> names = labels.names(schema.codeSystem(), code);
            if (names.isEmpty()) {
                String near = recognised ? codeOneDigitAwayNamed(schema.codeSystem(), code, printed) : null;
                return near == null ? null : unreadable("code " + code + " is none the catalog knows, and '" + printed
                        + "' is the name of code " + near + ", one digit from it", null);
            }
            if (readsAsOneOf(printed, names)) return null;
            String han = LabelText.han(printed);
            boolean cutShort = names.stream().map(LabelText::han).anyMatch(n -> n.length() > han.length() && n.startsWith(han));
            if (cutShort) return unreadable(where + " is cut short", names.get(0));
            if (recognised) return unreadable(where + " is none of the names of the code", names.get(0));
            return null;
        }
        if ("item".equals(field) && recognised && r.key().get("side") instanceof String side) {
            List<String> lines = labels.lines(schema.id(), side);
            if (lines.isEmpty() || readsAsOneOf(LabelText.body(printed), lines.stream().map(LabelText::body).toList())) return null;
            return unreadable(where + " is none of the lines of its side", nearest(printed, lines));
        }
        return null;
    }

    /**
     * The one known code of the same length, one digit from the printed code and under the same parent (all but
     * its last two digits equal), whose names include the printed name: 21041 行政事业单位医疗 is 21011 misread. Null
     * when none or several. The printed code still stands (the catalog lists fewer codes than exist); the row is
     * flagged so that nobody takes the guess for a fact.
     */
    private String codeOneDigitAwayNamed(String system, String code, String printed) {
        String found = null;
        for (var e : labels.codes(system).entrySet()) {
            String c = e.getKey();
            if (c.length() != code.length() || c.length() < 5 || !c.regionMatches(0, code, 0, c.length() - 2)) continue;
            int diff = 0;
            for (int i = 0; i < c.length(); i++) if (c.charAt(i) != code.charAt(i)) diff++;
            if (diff != 1 || !readsAsOneOf(printed, e.getValue())) continue;
            if (found != null) return null;
            found = c;
        }
        return found;
    }

    private static boolean readsAsOneOf(String printed, List<String> known) {
        String han = LabelText.han(printed);
        return known.stream().anyMatch(k -> LabelText.han(k).equals(han));
    }

    private String proposal(SchemaDef schema, TableRow r, String code, String printed) {
        if (schema.codeSystem() != null && code != null) {
            List<String> names = labels.names(schema.codeSystem(), code);
            return names.isEmpty() ? null : names.get(0);
        }
        if (r.key().get("side") instanceof String side) return nearest(printed, labels.lines(schema.id(), side));
        return null;
    }

    /** The known line nearest the printed text (Chinese characters compared), or null when none or two tie. */
    private static String nearest(String printed, List<String> lines) {
        String han = LabelText.han(LabelText.body(printed));
        if (han.isEmpty() || lines.isEmpty()) return null;
        record Scored(String line, int d) {}
        List<Scored> scored = lines.stream()
                .map(l -> new Scored(l, EditDistance.within(han, LabelText.han(LabelText.body(l)), Integer.MAX_VALUE / 2)))
                .sorted(Comparator.comparingInt(Scored::d)).toList();
        if (scored.size() > 1 && scored.get(0).d() == scored.get(1).d()) return null;
        // more than half the line changed is no reading of it
        return scored.get(0).d() * 2 <= LabelText.han(LabelText.body(scored.get(0).line())).length() ? scored.get(0).line() : null;
    }

    private static Flag unreadable(String what, String proposal) {
        return Flag.of(LABEL_UNREADABLE, what + (proposal == null ? "; the catalog has no label to propose; correct the label"
                : "; the catalog's label is '" + proposal + "'") );
    }
}
