package reportingest.reconcile.fin;

import java.util.ArrayList;
import java.util.List;

/**
 * A label heading that spans two columns (项目名称 over 一般公共预算资金 | 小计, | 公共财政拨款(补助)资金): the
 * left column names groups of lines, the right one the lines. A group runs from its subtotal line (小计) to the
 * next, wherever in it its name is printed: a merged cell sets the name on the group's first line, a Word export
 * in the middle of the group. Without subtotal lines a name holds for its line and the lines below it. A line
 * whose only label is in the left column (收入总计 across both) belongs to no group and ends the one above.
 */
final class LabelGroups {
    private LabelGroups() {}

    /** The group of each line, from the left-column texts and the line labels (null: blank). */
    static List<String> of(List<String> groupTexts, List<String> items) {
        int n = items.size();
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) out.add(null);
        boolean subtotals = items.stream().anyMatch(LabelGroups::subtotal);
        int start = -1;
        String carried = null;
        for (int i = 0; i <= n; i++) {
            boolean end = i == n || standalone(groupTexts.get(i), items.get(i));
            if (subtotals && start >= 0 && (end || subtotal(items.get(i)))) {
                name(groupTexts, out, start, i);
                start = -1;
            }
            if (end) {
                carried = null;
                continue;
            }
            if (subtotals && subtotal(items.get(i))) start = i;
            else if (subtotals && start < 0) out.set(i, groupTexts.get(i));
            if (!subtotals) {
                if (groupTexts.get(i) != null) carried = groupTexts.get(i);
                out.set(i, carried);
            }
        }
        return out;
    }

    /** Lines [from, to) are one group named by the first name printed in them; a second name starts a group of its own. */
    private static void name(List<String> groupTexts, List<String> out, int from, int to) {
        String name = null;
        for (int i = from; i < to && name == null; i++) name = groupTexts.get(i);
        for (int i = from; i < to; i++) {
            if (groupTexts.get(i) != null) name = groupTexts.get(i);
            out.set(i, name);
        }
    }

    private static boolean standalone(String group, String item) {
        return group != null && item == null;
    }

    static boolean subtotal(String item) {
        return item != null && Labels.key(item).equals("小计");
    }
}
