package reportingest.reconcile.performance;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Derives "parent" for the amount rows of the 基础数据表 from how the template writes them:
 * template heads (三公经费, 项目支出 …) stand alone, numbered items ("1、") belong to the head,
 * "其中：" rows and the unnumbered rows after them belong to the row above the "其中", and
 * unnumbered rows after a numbered item are its parts (one project per line).
 */
final class SpendingHierarchy {
    private static final Pattern ORDINAL = Pattern.compile("^([0-9]+|[一二三四五六七八九十]+)[、.．)）]");
    private static final String OF_WHICH = "其中";

    private final List<String> topLevel;
    private String head;
    private String numbered;
    private String group;

    SpendingHierarchy(List<String> topLevel) {
        this.topLevel = topLevel;
    }

    void reset() {
        head = numbered = group = null;
    }

    void place(RowDraft row, String rawLabel) {
        String label = row.label();
        boolean ordinal = ORDINAL.matcher(label).find();
        boolean ofWhich = label.startsWith(OF_WHICH);
        if (CellText.inList(label, topLevel) || (!ordinal && !ofWhich && CellText.endsWithColon(rawLabel))) {
            head = label;
            numbered = group = null;
        } else if (ordinal) {
            parent(row, head);
            numbered = label;
            group = null;
        } else if (ofWhich) {
            group = numbered != null ? numbered : head;
            parent(row, group);
        } else if (group != null) {
            row.parent(group);
        } else if (numbered != null) {
            group = numbered;
            row.parent(group);
        } else if (head != null) {
            // An unknown plain row straight under a head may be a part or a new head.
            group = head;
            row.parent(head);
            row.flag("PARSE_AMBIGUOUS", "parent of \"" + label + "\" guessed as \"" + head + "\"");
        } else {
            head = label;
        }
    }

    private static void parent(RowDraft row, String parent) {
        if (parent == null) {
            row.flag("PARSE_AMBIGUOUS", "no head row above \"" + row.label() + "\"");
        } else {
            row.parent(parent);
        }
    }
}
