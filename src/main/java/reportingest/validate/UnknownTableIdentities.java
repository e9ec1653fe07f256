package reportingest.validate;

import reportingest.catalog.TextKey;
import reportingest.reconcile.ExtractedTable;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Identities a table that matches no form states through its own header (#21), so that an unknown table is checked
 * too: a percentage column 占X% under a group (2021年决算数 / 占调整后预算%) is the group's amount (its 金额 column)
 * over the column naming X outside the group (2021年调整后预算数 for 调整后预算, 2021年预算数 for 预算), to the precision
 * printed. Nothing is checked when the header names no such column, or two.
 */
final class UnknownTableIdentities {
    private static final Pattern SHARE = Pattern.compile("^占(.+?)[%％]?$");
    private static final Pattern YEAR = Pattern.compile("^\\d{4}年");

    private UnknownTableIdentities() {}

    static List<Check> of(int ti, ExtractedTable t, DocumentCells cells) {
        List<Check> out = new ArrayList<>();
        if (!"unknown".equals(t.schema())) return out;
        for (String column : t.columns()) {
            int slash = column.lastIndexOf('/');
            if (slash < 0) continue;
            String group = column.substring(0, slash);
            Matcher m = SHARE.matcher(TextKey.of(column.substring(slash + 1)));
            if (!m.matches()) continue;
            String of = m.group(1);
            String amount = group + "/金额";
            if (!t.columns().contains(amount)) continue;
            // the column whose name (year and 数 aside) the share names: the longest such, one only (OCR may read
            // 占调整后预算% as 占调整后预算预算)
            String denominator = null;
            int longest = 0, ties = 0;
            for (String c : t.columns()) {
                if (c.startsWith(group + "/") || c.equals(group)) continue;
                String k = YEAR.matcher(TextKey.of(c)).replaceFirst("").replaceFirst("数$", "");
                if (k.isEmpty() || !of.startsWith(k)) continue;
                if (k.length() > longest) { longest = k.length(); denominator = c; ties = 0; }
                else if (k.length() == longest) ties++;
            }
            if (denominator == null || ties > 0) continue;
            for (int ri = 0; ri < t.rows().size(); ri++) {
                CellRef r = new CellRef(ti, ri, column), n = new CellRef(ti, ri, amount), d = new CellRef(ti, ri, denominator);
                if (cells.cell(r) == null || cells.cell(n) == null || cells.cell(d) == null) continue;
                String row = DocumentCells.rowLabel(t.rows().get(ri));
                out.add(new Check("unknown/" + ti + "/ratio/" + ri + "/" + column, TableIdentities.ROW_SUM_MISMATCH, Check.Kind.RATIO,
                        Check.Source.TABLE, "row " + row + ": " + column + " = " + amount + " / " + denominator,
                        Term.cell(cells.label(r), r), List.of(Term.cell(cells.label(n), n), Term.cell(cells.label(d), d)), null, true));
            }
        }
        return out;
    }
}
