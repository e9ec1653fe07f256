package reportingest.reconcile;

import reportingest.catalog.TextKey;
import reportingest.tables.RawCell;
import reportingest.tables.RawTable;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The amount unit a table's unit line states (单位：元, 金额单位：万元, 单位:千元), read from the lines
 * printed with the table or from a unit line the recognizer took into its first rows (Jiangsu's
 * 部门： … 单位：万元 row, a unit wrapped as 万/元), failing that from its header (发行量（亿元）). Null when the table states none: never guessed,
 * since Shanghai budgets print 元 beside a 三公 table in 万元.
 */
public final class TableUnits {
    /**
     * 单位/單位, then the currency some books name (人民币, 新臺幣: Taiwan's books print 單位：新臺幣千元), then the unit,
     * simplified or traditional (億元, 萬元): stored in its simplified form.
     */
    // OCR reads the colon as ，or ； (单位，万元, 单位;万元): right before the unit, it can be nothing else
    private static final String LEAD = "[单單]位[:：，,;；](?:人民币|人民幣|新臺幣|新台币|新台幣)?";
    private static final Pattern UNIT = Pattern.compile(LEAD + "(亿元|億元|万元|萬元|千元|元)");
    private static final int ROWS_TO_SEARCH = 2;

    private TableUnits() {}

    public static String of(RawTable raw) {
        List<String> lines = new ArrayList<>(raw.context());
        for (int i = 0; i < Math.min(ROWS_TO_SEARCH, raw.rows().size()); i++) {
            StringBuilder sb = new StringBuilder();
            for (RawCell c : raw.rows().get(i).cells()) sb.append(c.text());
            lines.add(sb.toString());
        }
        for (int i = 0; i < lines.size(); i++) {
            String u = find(lines.get(i));
            if (u != null) return u;
            // 单位：万 | 元: a unit wrapped in a narrow column, its 元 ending the next line
            Matcher cut = CUT.matcher(TextKey.of(lines.get(i)));
            if (cut.find() && i + 1 < lines.size() && TextKey.of(lines.get(i + 1)).endsWith("元")) return simplified(cut.group(1) + "元");
        }
        // a unit line whose 单位 OCR garbled (MA:万元): the caption stage keeps such a line only where the unit line
        // stands, and its unit word was read as printed
        for (String line : raw.context()) {
            Matcher m = GARBLED.matcher(TextKey.of(line));
            if (m.matches()) return simplified(m.group(1));
        }
        return headerUnit(raw);
    }

    /** Up to three letters or marks for the label, a colon, the unit: the whole line. */
    private static final Pattern GARBLED = Pattern.compile("^[^\\d:：]{1,3}[:：](亿元|億元|万元|萬元|千元|元)$");

    private static final Pattern HEADER_UNIT = Pattern.compile("[（(](亿元|万元|千元|元)[)）]");
    private static final Pattern FIGURE = Pattern.compile(".*\\d.*");

    /**
     * Failing a unit line, the unit the header prints in brackets (发行量（亿元）), when its header cells (the rows
     * above the first row with a figure) name one unit only; two (金额（万元） beside 单价（元）) name none.
     */
    private static String headerUnit(RawTable raw) {
        java.util.Set<String> units = new java.util.HashSet<>();
        for (int i = 0; i < raw.rows().size(); i++) {
            List<RawCell> cells = raw.rows().get(i).cells();
            boolean header = i == 0 || cells.stream().skip(1).noneMatch(c -> FIGURE.matcher(TextKey.of(c.text())).matches());
            if (!header) break;
            for (RawCell c : cells) {
                Matcher m = HEADER_UNIT.matcher(TextKey.of(c.text()));
                while (m.find()) units.add(m.group(1));
            }
        }
        return units.size() == 1 ? units.iterator().next() : null;
    }

    private static final Pattern CUT = Pattern.compile(LEAD + "(亿|億|万|萬|千)$");

    private static final Pattern FURNITURE = Pattern.compile("^((编制)?(部门|单位)(名称)?[:：].*|.*" + LEAD + "(亿元|億元|万元|萬元|千元|元))$");

    /**
     * The table without the page furniture a recognizer took in as its first rows (部门：… 单位：万元,
     * a lone 单位：元 over the last column): those lines go to the table's context, where the unit and
     * the reporting body are read, and the header starts where the form's header starts.
     */
    public static RawTable withoutFurnitureRows(RawTable raw) {
        int drop = 0;
        List<String> context = new ArrayList<>(raw.context());
        while (drop < raw.rows().size() - 1) {
            StringBuilder sb = new StringBuilder();
            for (RawCell c : raw.rows().get(drop).cells()) sb.append(c.text());
            String k = TextKey.of(sb.toString());
            if (k.isEmpty() || !FURNITURE.matcher(k).matches()) break;
            context.add(sb.toString().strip());
            drop++;
        }
        if (drop == 0) return raw;
        return new RawTable(raw.title(), raw.formNo(), context, raw.rows().subList(drop, raw.rows().size()),
                raw.pageFrom(), raw.pageTo(), raw.continued(), raw.titleReading());
    }

    /** The unit a line states, or null. */
    public static String find(String text) {
        Matcher m = UNIT.matcher(TextKey.of(text == null ? "" : text));
        return m.find() ? simplified(m.group(1)) : null;
    }

    private static String simplified(String unit) {
        return unit.replace('億', '亿').replace('萬', '万');
    }
}
