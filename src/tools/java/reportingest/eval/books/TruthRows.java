package reportingest.eval.books;

import reportingest.catalog.TextKey;
import reportingest.reconcile.CellValue;
import reportingest.reconcile.ExtractedDocument;
import reportingest.reconcile.ExtractedTable;
import reportingest.reconcile.RowStatus;
import reportingest.reconcile.TableRow;
import reportingest.reconcile.fin.LabelText;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Scores a read book against rows of a truth CSV such as {@code truth_c01_from_c03.csv} (page, row label, value of
 * one column: the 2021年决算数 amount). Per truth row: the tables whose page span covers the page (the one of its form
 * number when there is one: the CSV's page is where the table's title is); their rows with that label, compared by
 * their Chinese characters without ordinal (when a label recurs, the one under the same numbered line); in such a row
 * the cell of the first column whose header path names the year's 决算 (not a percentage or a change). Outcomes:
 * exact; wrong flagged (the cell or its row in review; {@code schemaOnly} when nothing but the table's SCHEMA_UNKNOWN
 * speaks against it); wrong unflagged; missing (no table, row, column or value). Test code: the truth is not the
 * service's.
 */
public final class TruthRows {
    /**
     * {@code parent}: the ordinal (一 二 …) of the last numbered line above it in the CSV's table, as its place: a label
     * such as 利息收入 recurs under each fund, and the books differ in which funds they list.
     */
    public record Row(String table, int page, String label, String value, String parent) {}

    public enum Outcome { EXACT, WRONG_FLAGGED, WRONG_UNFLAGGED, MISSING }

    /** {@code schemaOnly}: a wrong value whose only flag is its table's SCHEMA_UNKNOWN (nothing doubts the value itself). */
    public record Result(Row truth, Outcome outcome, String got, String why, boolean schemaOnly) {
        Result(Row truth, Outcome outcome, String got, String why) { this(truth, outcome, got, why, false); }
    }

    private TruthRows() {}

    /**
     * The full rows of the CSV with c01_page in [from, to], with the label and value the scan prints where a file of
     * differences read by eye (page, form, CSV label, CSV value, printed label, printed value) says it prints other
     * ones: a printed value {@code blank} is expected as an empty cell; rows printed {@code none} or {@code broken}
     * are left out.
     */
    public static List<Row> read(Path csv, int from, int to, Path differs) throws IOException {
        Map<String, String[]> printed = new java.util.HashMap<>();
        for (String line : Files.readAllLines(differs, StandardCharsets.UTF_8)) {
            if (line.isBlank() || line.startsWith("#")) continue;
            String[] f = line.split("\t");
            printed.put(f[0] + "|" + f[1] + "|" + f[2] + "|" + f[3], new String[]{f[4], f[5]});
        }
        List<Row> out = new ArrayList<>();
        for (Row r : read(csv, from, to)) {
            String[] p = printed.get(r.page() + "|" + r.table() + "|" + r.label() + "|" + r.value());
            if (p == null) out.add(r);
            else if (!p[1].equals("none") && !p[1].equals("broken")) out.add(new Row(r.table(), r.page(), p[0], p[1], r.parent()));
        }
        return out;
    }

    /** The full rows ({@code full_row=yes}) of the CSV with c01_page in [from, to]. */
    public static List<Row> read(Path csv, int from, int to) throws IOException {
        return rows(csv, 0, 1, f -> f[6], from, to);
    }

    /**
     * The full rows of the CSV as the book it was taken from prints them (the born-digital c03 for c01): its table
     * ({@code c03_table}), its page ({@code c03_page}), the label, and the first of the numbers its row prints.
     */
    public static List<Row> readSource(Path csv) throws IOException {
        return rows(csv, 2, 3, f -> f[7].split(" ")[0], Integer.MIN_VALUE, Integer.MAX_VALUE);
    }

    /** The full rows, table and page from the given columns, each under the last numbered line of its table. */
    private static List<Row> rows(Path csv, int tableColumn, int pageColumn, java.util.function.Function<String[], String> value,
                                  int from, int to) throws IOException {
        List<Row> rows = new ArrayList<>();
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        String table = null, parent = "";
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank()) continue;
            String[] f = line.strip().split(",", -1);
            if (!f[tableColumn].equals(table)) { table = f[tableColumn]; parent = ""; }
            String ordinal = ordinal(f[5]);
            if (ordinal != null) parent = ordinal;
            if (!f[f.length - 1].equals("yes")) continue;
            int page = Integer.parseInt(f[pageColumn]);
            if (page < from || page > to) continue;
            rows.add(new Row(f[tableColumn], page, f[5], value.apply(f), ordinal != null ? "" : parent));
        }
        return rows;
    }

    /** The year whose 决算 the CSV gives, from its value column's name ({@code value_2021_final_wanyuan}); null if none. */
    public static String year(Path csv) throws IOException {
        String header = Files.readAllLines(csv, StandardCharsets.UTF_8).get(0);
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("value_(\\d{4})_").matcher(header);
        return m.find() ? m.group(1) : null;
    }

    public static List<Result> score(ExtractedDocument doc, List<Row> truth, String year) {
        List<Result> out = new ArrayList<>();
        for (Row t : truth) out.add(score(doc, t, year));
        return out;
    }

    static Result score(ExtractedDocument doc, Row t, String year) {
        List<ExtractedTable> tables = doc.tables().stream().filter(x -> x.pageFrom() <= t.page() && t.page() <= x.pageTo()).toList();
        if (tables.isEmpty()) return new Result(t, Outcome.MISSING, null, "no table over the page");
        // the CSV's page is its table's first (where its title is printed): rows on the pages that table continues
        // over count, in the table of that form number when one is delivered
        List<ExtractedTable> numbered = tables.stream().filter(x -> t.table().equals(x.formNo())).toList();
        if (!numbered.isEmpty()) tables = numbered;
        List<TableRow> rows = new ArrayList<>();
        Map<TableRow, ExtractedTable> of = new LinkedHashMap<>();
        Map<TableRow, String> parents = new java.util.HashMap<>();
        for (ExtractedTable x : tables) {
            String parent = "";
            for (TableRow r : x.rows()) {
                String ordinal = ordinal(label(r));
                if (ordinal != null) parent = ordinal;
                if (!sameLabel(label(r), t.label())) continue;
                rows.add(r);
                of.put(r, x);
                parents.put(r, ordinal != null ? "" : parent);
            }
        }
        if (rows.isEmpty()) return new Result(t, Outcome.MISSING, null, "no row labelled so; labels: "
                + tables.stream().flatMap(x -> x.rows().stream()).map(TruthRows::label).toList());
        // a label printed more than once on the page: the row under the same numbered line
        if (rows.size() > 1) {
            rows = rows.stream().filter(r -> parents.get(r).equals(t.parent())).limit(1).toList();
            if (rows.isEmpty()) return new Result(t, Outcome.MISSING, null, "no row so labelled under " + t.parent());
        }
        Result first = null;
        for (TableRow r : rows) {
            String column = column(of.get(r), year);
            if (column == null) {
                if (first == null) first = new Result(t, Outcome.MISSING, null, "no " + year + "年决算 column in " + of.get(r).columns());
                continue;
            }
            CellValue c = r.cells().get(column);
            boolean flagged = r.status() == RowStatus.NEEDS_REVIEW || (c != null && !c.flags().isEmpty());
            Result res;
            if (t.value().equals("blank")) {
                if (c == null || c.value() == null) return new Result(t, Outcome.EXACT, null, column);
                res = new Result(t, flagged ? Outcome.WRONG_FLAGGED : Outcome.WRONG_UNFLAGGED, c.value(), column + " printed blank");
            } else if (c == null || c.value() == null) {
                res = new Result(t, Outcome.MISSING, c == null ? null : c.raw(), (flagged ? "flagged " : "unflagged ") + "blank in " + column);
            } else if (same(c.value(), t.value())) {
                return new Result(t, Outcome.EXACT, c.value(), column);
            } else {
                boolean schemaOnly = c.flags().isEmpty() && r.flags().stream().allMatch(f -> f.code().equals("SCHEMA_UNKNOWN"));
                res = new Result(t, flagged ? Outcome.WRONG_FLAGGED : Outcome.WRONG_UNFLAGGED, c.value(),
                        column + " raw '" + c.raw() + "' " + r.flags().stream().map(f -> f.code()).toList(), flagged && schemaOnly);
            }
            if (first == null || first.outcome() == Outcome.MISSING) first = res;
        }
        return first;
    }

    private static boolean same(String got, String want) {
        try {
            return new java.math.BigDecimal(got).compareTo(new java.math.BigDecimal(want)) == 0;
        } catch (NumberFormatException e) {
            return got.equals(want);
        }
    }

    /** The first column naming the year's 决算 that is no ratio or change. */
    public static String column(ExtractedTable t, String year) {
        for (String c : t.columns()) {
            String k = TextKey.of(c);
            if (k.contains(year) && k.contains("决算") && !k.contains("%") && !k.contains("增") && !k.contains("占")
                    && !k.contains("比")) return c;
        }
        return null;
    }

    public static String label(TableRow r) {
        Object l = r.key().get("label");
        if (l == null) l = r.key().get("name");
        if (l == null) l = r.key().get("item");
        return l == null ? "" : l.toString();
    }

    /** The ordinal of a numbered line (一、 （二） 3.) without its marks, or null. */
    private static String ordinal(String label) {
        String o = LabelText.ordinal(TextKey.of(label));
        return o == null ? null : o.replaceAll("[^一二三四五六七八九十0-9]", "");
    }

    private static String labelKey(String label) {
        return LabelText.han(LabelText.body(TextKey.of(label)));
    }

    /** Labels compared by their Chinese characters without ordinal (1. 一、 其中: and OCR's stray marks aside). */
    private static boolean sameLabel(String got, String want) {
        String b = labelKey(want);
        return !b.isEmpty() && labelKey(got).equals(b);
    }

    public static Map<Outcome, Integer> counts(List<Result> results) {
        Map<Outcome, Integer> n = new LinkedHashMap<>();
        for (Outcome o : Outcome.values()) n.put(o, 0);
        results.forEach(r -> n.merge(r.outcome(), 1, Integer::sum));
        return n;
    }
}
