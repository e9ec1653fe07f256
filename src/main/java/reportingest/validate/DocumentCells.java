package reportingest.validate;

import reportingest.reconcile.CellValue;
import reportingest.reconcile.ExtractedDocument;
import reportingest.reconcile.ExtractedTable;
import reportingest.reconcile.TableRow;
import reportingest.catalog.CellSelector;
import reportingest.catalog.TextKey;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/** Finds the cells of a document by schema, row key and column, and labels them for messages. */
final class DocumentCells {
    private static final Pattern ORDINAL = Pattern.compile("^[一二三四五六七八九十]+[、.．]");

    private final ExtractedDocument doc;

    DocumentCells(ExtractedDocument doc) {
        this.doc = doc;
    }

    ExtractedDocument document() { return doc; }

    CellValue cell(CellRef r) {
        return doc.tables().get(r.table()).rows().get(r.row()).cells().get(r.column());
    }

    String value(CellRef r) {
        CellValue c = cell(r);
        return c == null ? null : c.value();
    }

    /** Index of the first table of this schema, or -1. */
    int table(String schema) {
        for (int i = 0; i < doc.tables().size(); i++) if (doc.tables().get(i).schema().equals(schema)) return i;
        return -1;
    }

    /** Comparison key of an item or name: no layout whitespace, no leading ordinal (一、). */
    static String key(Object s) {
        if (s == null) return "";
        return ORDINAL.matcher(TextKey.of(s.toString())).replaceFirst("");
    }

    /**
     * The keys a line answers to: its item and, where the line belongs to a group of lines (a label over two
     * columns), its group and item together (一般公共预算资金 | 小计 → 一般公共预算资金小计).
     */
    static List<String> itemKeys(TableRow r) {
        String item = key(r.key().get("item"));
        Object group = r.key().get("group");
        return group == null ? List.of(item) : List.of(item, key(group) + item);
    }

    static String code(TableRow r) {
        Object c = r.key().get("code");
        return c == null || c.toString().isBlank() ? null : c.toString().strip();
    }

    static String name(TableRow r) {
        Object n = r.key().get("name");
        return n == null ? null : n.toString();
    }

    /** How a row is named in messages: its code, item, name or label. */
    static String rowLabel(TableRow r) {
        for (String k : List.of("code", "item", "name", "label")) {
            Object v = r.key().get(k);
            if (v != null && !v.toString().isBlank()) return TextKey.of(v.toString());
        }
        Object line = r.key().get("line_no");
        return line != null ? "line " + line : "row";
    }

    String label(CellRef r) {
        ExtractedTable t = doc.tables().get(r.table());
        String row = rowLabel(t.rows().get(r.row()));
        return t.rows().size() == 1 && t.rows().get(0).key().isEmpty() ? r.column() : row + " " + r.column();
    }

    /** Label with the table, for identities between tables. */
    String qualifiedLabel(CellRef r) {
        return doc.tables().get(r.table()).schema() + "[" + label(r) + "]";
    }

    /** All cells a selector names (several for itemPattern or level), in row order. */
    List<CellRef> select(CellSelector s, Integer fiscalYear) {
        List<CellRef> out = new ArrayList<>();
        int ti = table(s.schema());
        if (ti < 0) return out;
        String column = s.column();
        if (column != null && column.contains("{year}")) {
            if (fiscalYear == null) return out;
            column = column.replace("{year}", fiscalYear.toString());
        }
        List<TableRow> rows = doc.tables().get(ti).rows();
        Pattern itemPattern = s.itemPattern() == null ? null : Pattern.compile(s.itemPattern());
        for (int i = 0; i < rows.size(); i++) {
            TableRow r = rows.get(i);
            if (!matches(r, s, itemPattern)) continue;
            if (!r.cells().containsKey(column)) continue;
            out.add(new CellRef(ti, i, column));
            boolean many = itemPattern != null || s.level() != null;
            if (!many) break;
        }
        return out;
    }

    private static boolean matches(TableRow r, CellSelector s, Pattern itemPattern) {
        if (s.side() != null && !s.side().equals(r.key().get("side"))) return false;
        if (s.item() != null && !itemKeys(r).contains(key(s.item()))) return false;
        if (itemPattern != null && (r.key().get("item") == null || !itemPattern.matcher(key(r.key().get("item"))).find())) return false;
        if (s.code() != null && !s.code().equals(code(r))) return false;
        if (s.name() != null && (code(r) != null || !key(s.name()).equals(key(name(r))))) return false;
        if (s.label() != null && !Objects.equals(TextKey.of(s.label()), TextKey.of(str(r.key().get("label"))))) return false;
        if (s.kind() != null && !s.kind().equals(r.key().get("kind"))) return false;
        if (s.level() != null && (code(r) == null || code(r).length() != s.level())) return false;
        return true;
    }

    private static String str(Object o) { return o == null ? null : o.toString(); }

    /** The single cell a selector names, or null. */
    CellRef one(CellSelector s, Integer fiscalYear) {
        List<CellRef> all = select(s, fiscalYear);
        return all.isEmpty() ? null : all.get(0);
    }
}
