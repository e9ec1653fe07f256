package reportingest.tables.text;

import reportingest.layout.Page;
import reportingest.layout.PageOrigin;
import reportingest.layout.TextLine;
import reportingest.catalog.Catalog;
import reportingest.catalog.SchemaDef;
import reportingest.catalog.TextKey;
import reportingest.tables.RawCell;
import reportingest.tables.RawRow;
import reportingest.tables.RawTable;
import reportingest.tables.TableRecognizer;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the financial tables of OCR'd text pages by their printed titles (catalog titles), and
 * collects each table's lines up to the next title or section heading. Lines are read as one
 * stream across pages, so a table continued over a page break comes out as one table.
 * A title is taken as a table only when header text of its schema follows it; a table of
 * contents, which lists titles back to back, therefore yields nothing.
 */
public final class TextTableRecognizer implements TableRecognizer {
    private static final Pattern SECTION = Pattern.compile("^第[一二三四五六七八九十]+部分");
    private static final Pattern NOTE = Pattern.compile("^(注|说明|备注)[:：]");
    private static final Pattern NOTE_CONTINUATION = Pattern.compile("^\\d+[.．、]");
    private static final Pattern FORM_NO = Pattern.compile("公开\\d+表");
    private static final Pattern METADATA = Pattern.compile(
            "^((编制)?(部门|单位)[:：].*|金额单位[:：].*|.*[单單]位[:：](人民币|新臺幣|新台币)?(万元|萬元|元|千元|亿元|億元)|(公开)?\\d{1,2}表.*|\\d{4}年度?)$");
    /** A header must show at least this many of its schema's header words to be taken as a table. */
    private static final int MIN_HEADER_HITS = 2;

    private final Catalog catalog;

    public TextTableRecognizer() { this(Catalog.load()); }

    public TextTableRecognizer(Catalog catalog) { this.catalog = catalog; }

    /** Text from an earlier OCR run: cells are already delimited by the layout, not placed by coordinates. */
    @Override
    public boolean reads(PageOrigin origin) {
        return origin == PageOrigin.OCR_TEXT;
    }

    @Override
    public List<RawTable> recognize(List<Page> pages) {
        List<LineCells> lines = new ArrayList<>();
        for (Page p : pages) {
            for (TextLine l : p.lines()) lines.add(LineCells.of(p.number(), l, p.origin()));
        }
        List<Integer> boundaries = new ArrayList<>();
        List<SchemaDef> titled = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String joined = lines.get(i).joined();
            Optional<SchemaDef> s = catalog.matchTitle(joined);
            if (s.isPresent()) {
                boundaries.add(i);
                titled.add(s.get());
            } else if (SECTION.matcher(TextKey.of(joined)).find()) {
                boundaries.add(i);
                titled.add(null);
            }
        }
        List<RawTable> tables = new ArrayList<>();
        for (int b = 0; b < boundaries.size(); b++) {
            SchemaDef schema = titled.get(b);
            if (schema == null || !schema.financial()) continue;
            int from = boundaries.get(b) + 1;
            int to = b + 1 < boundaries.size() ? boundaries.get(b + 1) : lines.size();
            RawTable t = segment(schema, lines.get(boundaries.get(b)), lines.subList(from, to));
            if (t != null) tables.add(t);
        }
        return tables;
    }

    private RawTable segment(SchemaDef schema, LineCells titleLine, List<LineCells> segment) {
        List<LineCells> body = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        boolean inNotes = false;
        for (LineCells l : segment) {
            String key = TextKey.of(l.joined());
            if (NOTE.matcher(key).find()) inNotes = true;
            if (inNotes) {
                if (!key.isEmpty() && (NOTE.matcher(key).find() || NOTE_CONTINUATION.matcher(key).find())) {
                    notes.add(l.joined());
                }
                continue;
            }
            body.add(l);
        }
        List<RawRow> rows = new ArrayList<>();
        List<String> context = new ArrayList<>();
        for (RawRow r : assemble(body)) {
            if (metadataOnly(r)) {
                for (RawCell c : r.cells()) if (!TextKey.blank(c.text())) context.add(c.text().strip());
            } else {
                rows.add(r);
            }
        }
        if (headerHits(schema, rows) < MIN_HEADER_HITS) return null;
        context.addAll(notes);
        String formNo = null;
        for (String c : context) {
            Matcher m = FORM_NO.matcher(TextKey.of(c));
            if (m.find()) { formNo = m.group(); break; }
        }
        int pageFrom = titleLine.page();
        int pageTo = body.isEmpty() ? pageFrom : body.get(body.size() - 1).page();
        String title = cleanTitle(titleLine.joined());
        return new RawTable(title, formNo, context, rows, pageFrom, pageTo, pageTo != pageFrom);
    }

    /** Rebuilds rows: one line per row for tab/space rows; for one-cell-per-line text, the cells between blank lines. */
    static List<RawRow> assemble(List<LineCells> body) {
        long single = body.stream().filter(LineCells::singleCellLine).count();
        long multi = body.stream().filter(LineCells::multiCellLine).count();
        List<RawRow> rows = new ArrayList<>();
        if (single <= multi) {
            for (LineCells l : body) if (!l.blank()) rows.add(new RawRow(l.cells()));
            return rows;
        }
        List<RawCell> cur = null;
        boolean lastWasCell = false;
        for (LineCells l : body) {
            if (l.leadingEmpty()) {
                if (cur == null) cur = new ArrayList<>();
                cur.addAll(l.cells().subList(1, l.cells().size()));
                lastWasCell = true;
            } else if (l.blank()) {
                if (cur != null) rows.add(new RawRow(cur));
                cur = null;
                lastWasCell = false;
            } else if (cur != null && lastWasCell && !cur.isEmpty()) {
                // A line without the cell tab right after a cell: the cell's text wrapped.
                RawCell last = cur.get(cur.size() - 1);
                cur.set(cur.size() - 1, new RawCell(last.text() + "\n" + l.joined(), last.page(), last.bbox(),
                        last.confidence(), last.origin()));
            } else {
                if (cur != null) rows.add(new RawRow(cur));
                cur = null;
                lastWasCell = false;
                rows.add(new RawRow(l.cells()));
            }
        }
        if (cur != null) rows.add(new RawRow(cur));
        return rows;
    }

    private static boolean metadataOnly(RawRow r) {
        boolean any = false;
        for (RawCell c : r.cells()) {
            String k = TextKey.of(c.text());
            if (k.isEmpty()) continue;
            if (!METADATA.matcher(k).matches() && !metadataPair(k)) return false;
            any = true;
        }
        return any;
    }

    /** "公开01表金额单位：万元" and similar cells holding two metadata items. */
    private static boolean metadataPair(String k) {
        Matcher m = FORM_NO.matcher(k);
        return m.lookingAt() && METADATA.matcher(k.substring(m.end())).matches();
    }

    static int headerHits(SchemaDef schema, List<RawRow> rows) {
        List<String> words = new ArrayList<>(schema.headerWords());
        schema.columns().forEach(c -> words.addAll(c.aliases()));
        int hits = 0;
        int scanned = 0;
        for (RawRow r : rows) {
            if (++scanned > 12) break;
            for (RawCell c : r.cells()) {
                String k = TextKey.of(c.text());
                if (k.isEmpty()) continue;
                for (String w : words) {
                    if (k.equals(TextKey.of(w))) { hits++; break; }
                }
            }
        }
        return hits;
    }

    private static String cleanTitle(String joined) {
        String t = joined.strip().replaceFirst("^\\[[^\\]]*\\]", "");
        return t.strip();
    }
}
