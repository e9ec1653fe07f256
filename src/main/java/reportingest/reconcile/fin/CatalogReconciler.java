package reportingest.reconcile.fin;

import reportingest.layout.Page;
import reportingest.catalog.Catalog;
import reportingest.catalog.LabelCatalog;
import reportingest.catalog.SchemaDef;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reportingest.tables.RawCell;
import reportingest.tables.RawRow;
import reportingest.tables.RawTable;
import reportingest.tables.TitleReading;


import reportingest.layout.TextLine;
import reportingest.layout.Word;
import reportingest.reconcile.DocumentFamily;
import reportingest.reconcile.ExtractedDocument;
import reportingest.reconcile.ExtractedTable;
import reportingest.reconcile.Flag;
import reportingest.reconcile.Reconciler;
import reportingest.reconcile.TableUnits;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Matches each recognised table to a financial catalog schema by its title (by its header when the
 * title names none, see {@link HeaderSchemas}) and rebuilds its rows
 * by the schema's row kind. Semi-structured (performance) schemas are left to other reconcilers; a
 * table with amounts that no schema fits is kept as printed (schema unknown, flagged SCHEMA_UNKNOWN),
 * never guessed into a schema. Each table states the amount unit its unit line prints.
 * Narrative facts are not produced here.
 */
public final class CatalogReconciler implements Reconciler {
    private static final Logger LOG = LoggerFactory.getLogger(CatalogReconciler.class);
    private final Catalog catalog;
    private final RowLabelReconciler labels;
    private final Map<String, TableParser> parsers = Map.of(
            "coded", new CodedTableParser(),
            "two_sided", new TwoSidedTableParser(),
            "grouped_coded", new GroupedTableParser(),
            "one_row", new OneRowTableParser(),
            "outline", new OutlineTableParser());

    public CatalogReconciler() { this(Catalog.load()); }

    public CatalogReconciler(Catalog catalog) { this(catalog, LabelCatalog.load()); }

    public CatalogReconciler(Catalog catalog, LabelCatalog labelCatalog) {
        this.catalog = catalog;
        this.labels = new RowLabelReconciler(labelCatalog);
    }

    /** Page numbers and dot leaders after a title in a table of contents. */
    private static final Pattern TOC_TAIL = Pattern.compile("[.·…．\\s\\d-]+$");

    /**
     * Financial tables a line of the document names as a whole (its table of contents) that no
     * reconciled table is: a table the document lists but does not print (or that was not
     * recognised) is reported, never silently absent.
     */
    private List<Flag> listedButNotPrinted(List<Page> pages, List<ExtractedTable> found) {
        Set<String> printed = new HashSet<>();
        for (ExtractedTable t : found) {
            printed.add(t.schema());
            // a table kept as printed under the listed title was found, in a layout no schema reads (SCHEMA_UNKNOWN)
            if (t.schema().equals("unknown") && t.title() != null) {
                for (SchemaDef s : catalog.matchTitles(t.title())) printed.add(s.id());
            }
        }
        Map<String, String> listed = new LinkedHashMap<>();
        Map<String, List<String>> forms = new LinkedHashMap<>();
        for (Page p : pages) {
            for (TextLine l : p.lines()) {
                String text = TOC_TAIL.matcher(l.joined().strip()).replaceFirst("");
                // every form that title may name (支出预算总表: by subject code, or one row by kind of spending)
                List<String> ids = catalog.matchTitles(text).stream().filter(SchemaDef::financial).map(SchemaDef::id).toList();
                if (ids.isEmpty() || listed.containsKey(ids.get(0))) continue;
                listed.put(ids.get(0), text);
                forms.put(ids.get(0), ids);
            }
        }
        List<Flag> flags = new ArrayList<>();
        listed.forEach((id, line) -> {
            if (forms.get(id).stream().noneMatch(printed::contains)) {
                flags.add(Flag.of(Cells.TABLE_MISSING, "the document lists '" + line + "' but no such table was found"));
            }
        });
        return flags;
    }

    /**
     * A table holds amounts when a cell reads as one (the shared amount parser, no guessing) with a
     * decimal fraction or four digits and more, or any figure under a unit line; 序号 1, 2, 3 of a list of
     * units (no unit line) are not amounts.
     */
    static boolean holdsAmounts(RawTable raw) {
        return raw.rows().stream().anyMatch(CatalogReconciler::holdsAmount)
                || TableUnits.of(raw) != null && raw.rows().stream().anyMatch(CatalogReconciler::holdsFigure);
    }

    /**
     * A numbered form with its unit line and rows, every figure left blank (c01 表87: 2021年济南新旧动能转换起步区财政专户
     * 管理资金收支情况表, 单位：万元, its lines 一、行政事业性收费收入 … 收入总计 printed, no fund to report): the form is
     * printed, so it is delivered, empty; a list of units has no form number or no unit.
     */
    static boolean emptyForm(RawTable raw) {
        return raw.formNo() != null && TableUnits.of(raw) != null && raw.rows().size() >= 2;
    }

    /**
     * A cell reading as a number (not guessed). Under a unit line (单位：万元) even 1, 2, 3 are amounts: a fund
     * of a small district prints 上年结转收入 2 and 收入总计 3 (万元).
     */
    private static boolean holdsFigure(RawRow row) {
        for (RawCell cell : row.cells()) {
            AmountParser.Amount a = AmountParser.parse(cell.text());
            if (a.value() != null && !a.guessed()) return true;
        }
        return false;
    }

    private static boolean holdsAmount(RawRow row) {
        return row.cells().stream().anyMatch(CatalogReconciler::isAmount);
    }

    /** An amount as money prints it: a decimal fraction, or four digits and more. */
    private static boolean isAmount(RawCell cell) {
        AmountParser.Amount a = AmountParser.parse(cell.text());
        if (a.value() == null || a.guessed()) return false;
        String digits = a.value().replace("-", "").replace("%", "");
        return digits.contains(".") || digits.length() >= 4;
    }

    @Override
    public ExtractedDocument reconcile(List<Page> pages, List<RawTable> tables) {
        List<ExtractedTable> out = new ArrayList<>();
        // each table's caption lines as the caption stage kept them, for a form number OCR garbled (FormNumbers)
        Map<ExtractedTable, List<String>> captions = new IdentityHashMap<>();
        List<Flag> docFlags = new ArrayList<>();
        Set<List<Object>> seen = new HashSet<>();
        for (RawTable printed : tables) {
            // the same cells at the same place found twice (two overlapping table areas) are one table;
            // the same text printed again elsewhere (a report repeated in one file) is not
            Object place = firstBox(printed);
            if (place != null && !seen.add(List.of(printed.pageFrom(), printed.pageTo(), place, texts(printed)))) continue;
            RawTable raw = TableUnits.withoutFurnitureRows(titledByFirstRow(printed));
            Optional<SchemaDef> schema = catalog.matchTitles(raw.title() == null ? "" : raw.title()).stream()
                    .filter(s -> headerPrintsWhatTheFormMust(s, raw)).findFirst();
            Flag fromHeader = null;
            if (schema.isEmpty()) {
                schema = HeaderSchemas.identify(catalog, raw);
                if (schema.isPresent()) fromHeader = HeaderSchemas.flag(raw, schema.get());
            }
            if (schema.isEmpty()) {
                schema = HeaderSchemas.identifyByShortTitleWithSlip(catalog, raw);
                if (schema.isPresent()) fromHeader = HeaderSchemas.slipFlag(raw, schema.get());
            }
            if (schema.isEmpty() && !holdsAmounts(raw) && !emptyForm(raw)) {
                // a list of units or projects (序号/单位名称/备注): nothing to reconcile, nothing to review
                LOG.info("table '{}' (page {}) holds no amounts; not a financial table, not stored", raw.title(), raw.pageFrom());
                continue;
            }
            if (schema.isEmpty()) {
                // kept as printed (nothing with amounts is dropped); the document flag stays for older readers
                Flag unknown = Flag.of(Cells.SCHEMA_UNKNOWN, "no catalog schema for table titled '" + raw.title()
                        + "' (pages " + raw.pageFrom() + "-" + raw.pageTo() + "); stored as schema unknown");
                docFlags.add(unknown);
                add(out, captions, UnknownTableReader.read(raw, unknown, UnknownTableReader.unverified(unknown), pages).withUnit(TableUnits.of(raw)), raw);
                continue;
            }
            if (!schema.get().financial()) continue;
            TableParser parser = parsers.get(schema.get().kind());
            if (parser == null) {
                docFlags.add(Flag.of(Cells.SCHEMA_UNKNOWN, "no parser for schema kind " + schema.get().kind()));
                continue;
            }
            ExtractedTable t = labels.reconcile(schema.get(), parser.parse(schema.get(), raw));
            if (losesAmountRows(raw, t)) {
                // a grid the form's layout cannot place (a Word export whose cells drift off their header):
                // kept as printed rather than published with most of its amounts missing
                Flag unknown = Flag.of(Cells.SCHEMA_UNKNOWN, "table titled '" + raw.title() + "' (pages " + raw.pageFrom() + "-"
                        + raw.pageTo() + ") reads as " + schema.get().id() + " with only " + rowsWithValues(t) + " of its "
                        + amountRows(raw) + " rows of amounts placed; stored as schema unknown");
                docFlags.add(unknown);
                // its title names a form whose columns could not be placed: every row asks for a look
                Flag unplaced = Flag.of(Cells.HEADER_UNMATCHED, "the columns of " + schema.get().id() + " could not be placed on this grid");
                add(out, captions, UnknownTableReader.read(raw, unknown, List.of(unplaced), pages).withUnit(TableUnits.of(raw)), raw);
                continue;
            }
            if (raw.continued() || fromHeader != null) {
                List<Flag> flags = new ArrayList<>(t.flags());
                if (raw.continued()) flags.add(Flag.of(Cells.TABLE_SPLIT_ACROSS_PAGES,
                        "table runs from page " + raw.pageFrom() + " to page " + raw.pageTo()));
                if (fromHeader != null) flags.add(fromHeader);
                t = t.withRows(t.rows(), flags);
            }
            add(out, captions, t.withUnit(TableUnits.of(raw)), raw);
        }
        out = FormNumbers.reconciled(out, captions);
        docFlags.addAll(listedButNotPrinted(pages, out));
        DocumentMetaFinder.Meta meta = DocumentMetaFinder.find(pages, tables);
        DocumentFamily.Family family = DocumentFamily.of(pages, out);
        Integer year = family.fiscalYear() != null ? family.fiscalYear() : meta.fiscalYear();
        return new ExtractedDocument(meta.unit(), year, meta.amountUnit(), out, List.of(), docFlags, family.kind(), family.level());
    }

    private static void add(List<ExtractedTable> out, Map<ExtractedTable, List<String>> captions, ExtractedTable t, RawTable raw) {
        t = withTitleFlag(t, raw);
        out.add(t);
        captions.put(t, raw.context());
    }

    /**
     * An OCR'd title nothing speaks for is exported as read, or as mended from the other titles of its book, never
     * repaired by guess, and flagged with its doubtful characters marked (TITLE_UNCERTAIN); one taken from the contents list's reading, every character of which other
     * readings vouch for, keeps the caption's reading in its flag (TITLE_RECONCILED).
     */
    private static ExtractedTable withTitleFlag(ExtractedTable t, RawTable raw) {
        TitleReading reading = raw.titleReading();
        if (reading == null || !reading.text().equals(raw.title())) return t;
        Flag flag;
        if (reading.taken()) {
            flag = Flag.of(Cells.TITLE_RECONCILED, "title as the contents list reads it, every character vouched for; the "
                    + "table's own caption read: " + reading.other());
        } else if (reading.mendedFrom() != null) {
            flag = Flag.of(Cells.TITLE_UNCERTAIN, "title read by OCR with characters nothing confirms, mended from what the "
                    + "book's other titles read surely in their place (in 〔〕: the characters put in and any left unsure): "
                    + reading.marked() + "; the caption reads: " + reading.mendedFrom()
                    + (reading.other() == null ? "" : "; the contents list reads: " + reading.other()));
        } else if (!reading.stands()) {
            flag = Flag.of(Cells.TITLE_UNCERTAIN, "title read by OCR with characters nothing confirms (in 〔〕: low confidence "
                    + "or a stray mark, and no other title of the book nor the catalog reads them so): " + reading.marked()
                    + (reading.other() == null ? "" : "; the contents list reads: " + reading.other()));
        } else {
            return t;
        }
        List<Flag> flags = new ArrayList<>(t.flags());
        flags.add(flag);
        return t.withRows(t.rows(), flags);
    }

    /** Fewer than half of the printed rows with amounts came out as rows with a value. */
    static boolean losesAmountRows(RawTable raw, ExtractedTable t) {
        int printed = amountRows(raw);
        return printed >= MIN_ROWS_TO_JUDGE && rowsWithValues(t) * 2 < printed;
    }

    /** Below this many rows of amounts a table is too small to judge by counting. */
    private static final int MIN_ROWS_TO_JUDGE = 4;

    private static int amountRows(RawTable raw) {
        return (int) raw.rows().stream().filter(CatalogReconciler::printsAmount).count();
    }

    /**
     * A row printing an amount, a subject code not counted as one: whole digits followed by a name (30101 | 基本工资;
     * 人员经费 and 公用经费 side by side print two) are a code, so a form whose lines mostly print no money is not taken
     * for a grid that lost its amounts.
     */
    private static boolean printsAmount(RawRow row) {
        List<RawCell> cells = row.cells();
        for (int i = 0; i < cells.size(); i++) {
            String text = cells.get(i).text();
            boolean code = text != null && text.strip().matches("\\d+") && i + 1 < cells.size()
                    && !LabelText.han(cells.get(i + 1).text()).isEmpty();
            if (!code && isAmount(cells.get(i))) return true;
        }
        return false;
    }

    private static int rowsWithValues(ExtractedTable t) {
        return (int) t.rows().stream().filter(r -> r.cells().values().stream().anyMatch(v -> v != null && v.value() != null)).count();
    }

    private static Object firstBox(RawTable t) {
        return t.rows().isEmpty() || t.rows().get(0).cells().isEmpty() ? null : t.rows().get(0).cells().get(0).bbox();
    }

    private static List<List<String>> texts(RawTable t) {
        return t.rows().stream().map(r -> r.cells().stream().map(RawCell::text).toList()).toList();
    }

    /**
     * A table whose first row is a single cell naming a form (收支预算总表) under a caption that names
     * none (a section heading such as 第二部分2019年度部门预算表): the row is the table's own title.
     */
    private RawTable titledByFirstRow(RawTable raw) {
        if (raw.rows().size() < 2 || catalog.matchTitle(raw.title() == null ? "" : raw.title()).isPresent()) return raw;
        List<String> first = new ArrayList<>();
        for (RawCell c : raw.rows().get(0).cells()) if (!c.text().isBlank()) first.add(c.text().strip());
        if (first.size() != 1 || catalog.matchTitle(first.get(0)).isEmpty()) return raw;
        List<String> context = new ArrayList<>(raw.context());
        if (raw.title() != null) context.add(0, raw.title());
        return new RawTable(first.get(0), raw.formNo(), context, raw.rows().subList(1, raw.rows().size()),
                raw.pageFrom(), raw.pageTo(), raw.continued());
    }

    /**
     * A title shared by forms of different layouts (Jiangsu's 收入预算总表 lists sources, Shanghai's
     * lists subject codes) names the schema only when the header prints what the schema's layout
     * needs ({@code headerMustPrint}, e.g. 编码/代码 for a coded form).
     */
    static boolean headerPrintsWhatTheFormMust(SchemaDef schema, RawTable raw) {
        if (schema.headerMustPrint().isEmpty()) return true;
        for (RawRow r : HeaderSchemas.headerRows(raw.rows())) {
            for (RawCell c : r.cells()) {
                String k = reportingest.catalog.TextKey.of(c.text());
                if (schema.headerMustPrint().stream().anyMatch(k::contains)) return true;
            }
        }
        return false;
    }
}
