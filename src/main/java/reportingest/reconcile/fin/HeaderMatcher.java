package reportingest.reconcile.fin;

import reportingest.catalog.ColumnDef;
import reportingest.catalog.SchemaDef;
import reportingest.tables.RawCell;
import reportingest.tables.RawRow;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads a table's header rows against its schema: where the header ends (the 栏次 row, or the first
 * data-looking row), which canonical columns the header names, and in which order. Header text is
 * compared by {@link Labels#key} with one edit of tolerance for longer names, so OCR-damaged
 * header text still matches.
 */
public final class HeaderMatcher {
    private HeaderMatcher() {}

    /** The column numbering row: "栏次 … 1 2 3" or just consecutive integers 1..n. */
    public static boolean columnNumberRow(RawRow r) {
        List<String> texts = nonBlank(r);
        if (texts.isEmpty()) return false;
        if (Labels.key(texts.get(0)).equals("栏次")) return true;
        if (texts.size() < 2) return false;
        for (int i = 0; i < texts.size(); i++) {
            if (!Labels.key(texts.get(i)).equals(String.valueOf(i + 1))) return false;
        }
        return true;
    }

    public static List<String> nonBlank(RawRow r) {
        List<String> out = new ArrayList<>();
        for (RawCell c : r.cells()) if (!Labels.blank(c.text())) out.add(c.text());
        return out;
    }

    /**
     * True when every non-blank cell of the row is a header word or column alias of the schema, or
     * all but one of at least three are (all but one in four of a wider header) and the rest is unreadable text, not a
     * number (a header cell OCR garbled, e.g. a wrapped column name read out of order).
     */
    public static boolean headerLike(RawRow r, SchemaDef schema) {
        return headerLike(r, schema, false);
    }

    /**
     * Like {@link #headerLike(RawRow, SchemaDef)}, also taking the head or tail of a header name wrapped over two
     * lines (一般公共预算财 | 政拨款) for a header word: for the rows above a table's first data row only, since in the
     * body such a part is a label's wrapped tail (三、国有资本经 | 营预算财政拨款).
     */
    public static boolean headerLikeAbove(RawRow r, SchemaDef schema) {
        return headerLike(r, schema, true);
    }

    private static boolean headerLike(RawRow r, SchemaDef schema, boolean wrapped) {
        List<String> texts = nonBlank(r);
        if (texts.isEmpty()) return false;
        int words = 0, other = 0;
        for (String t : texts) {
            if (isHeaderWord(t, schema, wrapped)) words++;
            else if (Labels.smallInteger(t) || Grid.numeric(t)) return false;
            else other++;
        }
        // a wide header may have a second cell garbled (行 for 行次, ee for a long fund name): one in four at most
        return other == 0 || words >= 3 && (other == 1 || other * 3 <= words);
    }

    static boolean isHeaderWord(String text, SchemaDef schema) {
        return isHeaderWord(text, schema, false);
    }

    private static boolean isHeaderWord(String text, SchemaDef schema, boolean wrapped) {
        String k = key(text);
        for (String w : schema.headerWords()) if (close(k, key(w))) return true;
        for (ColumnDef c : schema.columns()) {
            for (String a : c.aliases()) if (close(k, key(a)) || wrapped && wrappedPart(k, key(a))) return true;
            for (String p : c.parents()) if (close(k, key(p))) return true;
        }
        return false;
    }

    /**
     * A header word, or one OCR misread by a character (本年文出 for 本年支出) when four characters or more: only for
     * print that holds no digit and stands where no code or name is (what is dropped as header debris carries no amount).
     */
    static boolean nearHeaderWord(String text, SchemaDef schema) {
        String k = key(text);
        if (k.length() < 4) return isHeaderWord(text, schema);
        List<String> words = new ArrayList<>(schema.headerWords());
        for (ColumnDef c : schema.columns()) {
            words.addAll(c.aliases());
            words.addAll(c.parents());
        }
        for (String w : words) {
            String kw = key(w);
            if (kw.length() >= 4 && Math.abs(kw.length() - k.length()) <= 1 && editDistanceAtMostOne(k, kw)) return true;
        }
        return isHeaderWord(text, schema);
    }

    /** The head or tail of a header name wrapped over two lines (一般公共预算财 | 政拨款), at least three characters of it. */
    private static boolean wrappedPart(String k, String name) {
        return k.length() >= 3 && k.length() < name.length() && (name.startsWith(k) || name.endsWith(k));
    }

    /**
     * Canonical columns named anywhere in the header rows, plus one column the header implies: when
     * a row names all other columns in catalog order and prints one unreadable cell exactly where the
     * missing one belongs (an OCR-garbled header word).
     */
    public static Set<String> columnsNamed(List<RawRow> header, SchemaDef schema) {
        Set<String> found = new LinkedHashSet<>();
        for (RawRow r : header) {
            for (RawCell c : r.cells()) {
                String k = key(c.text());
                if (k.isEmpty()) continue;
                for (ColumnDef col : schema.columns()) {
                    for (String a : col.aliases()) if (close(k, key(a))) found.add(col.name());
                }
            }
        }
        if (found.size() == schema.columns().size() - 1) {
            String missing = schema.columnNames().stream().filter(c -> !found.contains(c)).findFirst().orElseThrow();
            for (RawRow r : header) {
                if (impliesColumn(r, schema, missing)) {
                    found.add(missing);
                    break;
                }
            }
        }
        return found;
    }

    /** The column a header word names: an exact alias first (年初/年末 are one edit apart), else a near one. */
    private static String columnOf(String text, SchemaDef schema) {
        String k = key(text);
        if (k.isEmpty()) return null;
        for (ColumnDef col : schema.columns()) {
            for (String a : col.aliases()) if (k.equals(key(a))) return col.name();
        }
        for (ColumnDef col : schema.columns()) {
            for (String a : col.aliases()) if (close(k, key(a))) return col.name();
        }
        return null;
    }

    /** The row reads: every other column in catalog order, and one non-blank unmatched cell in the missing one's place. */
    private static boolean impliesColumn(RawRow r, SchemaDef schema, String missing) {
        List<String> expected = schema.columnNames();
        List<String> seen = new ArrayList<>();
        int unmatched = 0;
        for (RawCell c : r.cells()) {
            if (Labels.blank(c.text())) continue;
            String col = columnOf(c.text(), schema);
            if (col != null) {
                seen.add(col);
            } else if (seen.size() == expected.indexOf(missing) && !seen.contains(missing)) {
                seen.add(missing);
                unmatched++;
            } else if (!seen.isEmpty()) {
                return false; // an unknown word among the columns: not this header
            }
        }
        return unmatched == 1 && seen.equals(expected);
    }

    /**
     * {@link Labels#key} without the stray dots and marks OCR puts at a header word's ends; a bracket closing one
     * the word opens stays (因公出国（境） wrapped before 费 is most of 因公出国（境）费).
     */
    static String key(String text) {
        String k = Labels.key(text);
        int from = 0, to = k.length();
        while (from < to && !Character.isLetterOrDigit(k.charAt(from)) && !(k.charAt(from) == '(' && k.indexOf(')', from) >= 0)) from++;
        while (to > from && !Character.isLetterOrDigit(k.charAt(to - 1)) && !(k.charAt(to - 1) == ')' && k.lastIndexOf('(', to - 1) >= from)) to--;
        return k.substring(from, to);
    }

    /**
     * The printed order of single-level columns when one header row names all of them
     * (a permutation of the catalog order); otherwise the catalog order.
     */
    public static List<String> columnOrder(List<RawRow> header, SchemaDef schema) {
        List<String> catalogOrder = schema.columnNames();
        for (RawRow r : header) {
            List<String> order = new ArrayList<>();
            for (RawCell c : r.cells()) {
                String k = key(c.text());
                if (k.isEmpty()) continue;
                for (ColumnDef col : schema.columns()) {
                    if (order.contains(col.name())) continue;
                    if (col.aliases().stream().anyMatch(a -> close(k, key(a)))) {
                        order.add(col.name());
                        break;
                    }
                }
            }
            if (order.size() == catalogOrder.size()) return order;
        }
        return catalogOrder;
    }

    /** Equal, or one edit apart when both are long enough that one OCR slip cannot make another name. */
    static boolean close(String a, String b) {
        if (a.equals(b)) return true;
        if (Math.min(a.length(), b.length()) < 5 || Math.abs(a.length() - b.length()) > 1) return false;
        return editDistanceAtMostOne(a, b);
    }

    private static boolean editDistanceAtMostOne(String a, String b) {
        int i = 0, j = 0, edits = 0;
        while (i < a.length() && j < b.length()) {
            if (a.charAt(i) == b.charAt(j)) { i++; j++; continue; }
            if (++edits > 1) return false;
            if (a.length() > b.length()) i++;
            else if (a.length() < b.length()) j++;
            else { i++; j++; }
        }
        edits += (a.length() - i) + (b.length() - j);
        return edits <= 1;
    }
}
