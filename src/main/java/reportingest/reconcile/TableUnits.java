package reportingest.reconcile;

import reportingest.catalog.TextKey;
import reportingest.tables.RawCell;
import reportingest.tables.RawTable;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The amount unit a table's unit line states (单位：元, 金额单位：万元, 单位:千元), read from the lines
 * printed with the table or from a unit line the recognizer took into its first rows (Jiangsu's
 * 部门： … 单位：万元 row, a unit wrapped as 万/元). Null when the table states none: never guessed,
 * since Shanghai budgets print 元 beside a 三公 table in 万元.
 */
public final class TableUnits {
    private static final Pattern UNIT = Pattern.compile("单位[:：](亿元|万元|千元|元)");
    private static final int ROWS_TO_SEARCH = 2;

    private TableUnits() {}

    public static String of(RawTable raw) {
        for (String c : raw.context()) {
            String u = find(c);
            if (u != null) return u;
        }
        for (int i = 0; i < Math.min(ROWS_TO_SEARCH, raw.rows().size()); i++) {
            StringBuilder sb = new StringBuilder();
            for (RawCell c : raw.rows().get(i).cells()) sb.append(c.text());
            String u = find(sb.toString());
            if (u != null) return u;
        }
        return null;
    }

    static String find(String text) {
        Matcher m = UNIT.matcher(TextKey.of(text == null ? "" : text));
        return m.find() ? m.group(1) : null;
    }
}
