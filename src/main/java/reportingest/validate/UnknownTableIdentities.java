package reportingest.validate;

import reportingest.catalog.TextKey;
import reportingest.reconcile.ExtractedTable;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The identities of a table no catalog form names (schema unknown), all from what it prints, so that it is validated
 * too: its outline ({@link OutlineSums}: 类 = Σ款 = Σ项), its header's total columns ({@link ColumnTotals}: 小计 = Σ its
 * siblings) and percent columns ({@link PercentColumns}: X为Y％, 占X%). Percent columns (and 序号/行次 columns) are never
 * summed. Nothing is listed per form: a header or outline that names nothing derives nothing.
 */
final class UnknownTableIdentities {
    private static final String UNKNOWN = "unknown";
    private static final Pattern PERCENT = Pattern.compile(".*[%％].*");
    /** Columns of numbers that are no amounts (序号 1, 2, 3; 行次; 栏次). */
    private static final Pattern NOT_AMOUNT = Pattern.compile("(序号|行次|栏次|编号|代码|编码)");

    private UnknownTableIdentities() {}

    static List<Check> of(int ti, ExtractedTable t, DocumentCells cells) {
        List<Check> out = new ArrayList<>();
        if (!UNKNOWN.equals(t.schema())) return out;
        List<String> amounts = new ArrayList<>();
        for (String c : t.columns()) {
            String leaf = TextKey.of(c.substring(c.lastIndexOf('/') + 1)).replaceAll("#\\d+$", "");
            if (!PERCENT.matcher(TextKey.of(c)).matches() && !NOT_AMOUNT.matcher(leaf).matches()) amounts.add(c);
        }
        OutlineSums.of(ti, t, amounts, cells, out);
        ColumnTotals.of(ti, t, amounts, cells, out);
        PercentColumns.named(ti, t, amounts, cells, out);
        PercentColumns.shareOf(ti, t, cells, out);
        return out;
    }

    /** How the table is named in messages: its form number, else its title. */
    static String title(ExtractedTable t) {
        return t.formNo() != null ? t.formNo() : String.valueOf(t.title());
    }
}
