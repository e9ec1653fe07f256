package reportingest.validate;

import reportingest.catalog.TextKey;
import reportingest.reconcile.BookFigureName;
import reportingest.reconcile.ExtractedTable;
import reportingest.reconcile.NarrativeFact;
import reportingest.reconcile.TableRow;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A government book's 说明 figure against the cell it names (#21): the table the 说明 explains (说明二（之一） → the table
 * printing 表二（之一）), in the same unit; the row with the figure's label whose outline ancestors are the numbered lines
 * the sentence stands under (行政运行 under 人大事务, not under 政协事务); the columns whose header names the figure's
 * word and year (决算数: 2022年决算数/小计, /经费支出, /基本建设). The sentence names that column group, not which of its
 * columns, so it holds when it equals one of them; otherwise it is compared with the group's 小计/合计 and flagged.
 * A figure whose table, row or column is not found, or found twice, is not checked: no claim is made for it.
 */
final class BookFigureChecks {
    private static final Pattern YEAR = Pattern.compile("^(\\d{4})年度?");
    private static final Pattern PERCENT = Pattern.compile(".*[%％].*");
    private static final Pattern TOTAL = Pattern.compile("(小计|合计|总计)");
    private static final Pattern PART_OF = Pattern.compile("^其中[:：]?");
    /** A row's own number, which the sentence does not print: （一）电力企业利润收入, (1), 1. */
    private static final Pattern NUMBER = Pattern.compile("^(?:[(（][一二三四五六七八九十\\d]+[)）]|\\d{1,2}[.、])");

    private BookFigureChecks() {}

    static List<Check> of(DocumentCells cells) {
        List<Check> out = new ArrayList<>();
        for (NarrativeFact f : cells.document().facts()) {
            BookFigureName name = BookFigureName.SCOPE.equals(f.scope()) ? BookFigureName.parse(f.figure()) : null;
            if (name == null || f.section() == null || !f.section().startsWith("说明")) continue;
            int ti = explainedTable(cells, "表" + f.section().substring("说明".length()));
            if (ti < 0) continue;
            ExtractedTable t = cells.document().tables().get(ti);
            if (!f.unit().equals(t.unit())) continue;
            int row = row(t, name.path());
            if (row < 0) continue;
            CellRef cell = cell(ti, t, row, name.column(), f, cells);
            if (cell == null) continue;
            out.add(new Check("narr/book/" + f.section() + "/" + f.figure(), NarrativeIdentities.NARRATIVE_MISMATCH, Check.Kind.EQUAL,
                    Check.Source.NARRATIVE, "narrative " + f.figure() + " = the table cell of its row and " + name.column(),
                    NarrativeIdentities.fact(f), List.of(Term.cell(cells.label(cell), cell)), null, false));
        }
        return out;
    }

    /** The one table printing this form number, else -1. */
    private static int explainedTable(DocumentCells cells, String formNo) {
        int found = -1;
        for (int i = 0; i < cells.document().tables().size(); i++) {
            if (!TextKey.of(formNo).equals(TextKey.of(cells.document().tables().get(i).formNo()))) continue;
            if (found >= 0) return -1;
            found = i;
        }
        return found;
    }

    /**
     * The row the path names: its label the path's last; every other label of the path that some row of the table bears
     * an outline ancestor of it; where that leaves several, the one whose nearest ancestor is the path's nearest such label.
     */
    private static int row(ExtractedTable t, List<String> path) {
        String label = key(path.get(path.size() - 1));
        List<String> parents = new ArrayList<>();
        for (String p : path.subList(0, path.size() - 1)) {
            String k = key(p);
            if (t.rows().stream().anyMatch(r -> key(r.key().get("label")).equals(k))) parents.add(k);
        }
        List<Integer> under = new ArrayList<>(), directly = new ArrayList<>();
        for (int i = 0; i < t.rows().size(); i++) {
            if (!key(t.rows().get(i).key().get("label")).equals(label)) continue;
            List<String> ancestors = ancestors(t, i);
            if (!ancestors.containsAll(parents)) continue;
            under.add(i);
            if (parents.isEmpty() || !ancestors.isEmpty() && ancestors.get(0).equals(parents.get(parents.size() - 1))) directly.add(i);
        }
        if (under.size() == 1) return under.get(0);
        return directly.size() == 1 ? directly.get(0) : -1;
    }

    /** Labels of the lines above a row in the outline, nearest first (none for a row without a level). */
    private static List<String> ancestors(ExtractedTable t, int row) {
        List<String> out = new ArrayList<>();
        Integer level = level(t.rows().get(row));
        for (int j = row - 1; j >= 0 && level != null; j--) {
            Integer l = level(t.rows().get(j));
            if (l == null || l >= level) continue;
            out.add(key(t.rows().get(j).key().get("label")));
            level = l;
        }
        return out;
    }

    private static Integer level(TableRow r) {
        return r.key().get("level") instanceof Integer l ? l : null;
    }

    /**
     * The cell of the row in the column group the word names (its heading without the year is the word, its year the
     * figure's when printed): the one equal to the figure (a blank cell is no money: 0万元), else the group's total,
     * else its only printed cell.
     */
    private static CellRef cell(int ti, ExtractedTable t, int row, String word, NarrativeFact f, DocumentCells cells) {
        List<CellRef> group = new ArrayList<>();
        for (String c : t.columns()) {
            if (!PERCENT.matcher(TextKey.of(c)).matches() && names(c, word, f.year())) group.add(new CellRef(ti, row, c));
        }
        BigDecimal figure = Amounts.parse(f.value());
        for (CellRef r : group) {
            BigDecimal v = Amounts.parse(cells.value(r));
            if (figure != null && figure.compareTo(v == null ? BigDecimal.ZERO : v) == 0) return r;
        }
        for (CellRef r : group) if (TOTAL.matcher(leaf(r.column())).matches() && cells.value(r) != null) return r;
        List<CellRef> printed = group.stream().filter(r -> Amounts.parse(cells.value(r)) != null).toList();
        return printed.size() == 1 ? printed.get(0) : null;
    }

    /** Whether a column path has a heading that, its year aside, is the word, in the figure's year (or none printed). */
    private static boolean names(String column, String word, Integer year) {
        for (String heading : column.split("/")) {
            String k = TextKey.of(heading);
            Matcher y = YEAR.matcher(k);
            boolean yearOk = !y.find() || year == null || Integer.valueOf(y.group(1)).equals(year);
            if (yearOk && YEAR.matcher(k).replaceFirst("").equals(word)) return true;
        }
        return false;
    }

    private static String leaf(String column) {
        return TextKey.of(column.substring(column.lastIndexOf('/') + 1));
    }

    /** A label as compared: no layout, no number (一、 （一） 1.), no 其中：. */
    private static String key(Object label) {
        return NUMBER.matcher(PART_OF.matcher(DocumentCells.key(label)).replaceFirst("")).replaceFirst("");
    }
}
