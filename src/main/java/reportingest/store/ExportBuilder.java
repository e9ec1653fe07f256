package reportingest.store;

import reportingest.layout.BBox;
import reportingest.reconcile.CellValue;
import reportingest.reconcile.ExtractedDocument;
import reportingest.reconcile.ExtractedTable;
import reportingest.reconcile.Flag;
import reportingest.reconcile.NarrativeFact;
import reportingest.reconcile.TableRow;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Builds a document's export JSON (DESIGN.md "Export format") from the stored records: the shape of
 * the ground-truth files, plus per-cell provenance and review status, and the ids a reviewer needs to
 * act on a row or cell. Flags are lists of codes; the sentences behind them are in {@code reasons}.
 */
public final class ExportBuilder {
    private final Database db;
    private final DocumentStore documents;

    public ExportBuilder(Database db, DocumentStore documents) {
        this.db = db;
        this.documents = documents;
    }

    public Optional<Map<String, Object>> export(long documentId) {
        Optional<DocumentRecord> found = documents.find(documentId);
        if (found.isEmpty()) return Optional.empty();
        DocumentRecord d = found.get();
        Optional<StoredDocument> stored = db.inTransaction(c -> StoredDocumentReader.read(c, documentId));
        if (stored.isEmpty()) return Optional.empty();
        ExtractedDocument doc = stored.get().doc();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("document", documentName(d.fileName()));
        out.put("documentId", d.id());
        out.put("fileName", d.fileName());
        out.put("sha256", d.sha256());
        out.put("status", d.status().name());
        out.put("unit", d.unit());
        out.put("fiscal_year", d.fiscalYear());
        out.put("fiscalYear", d.fiscalYear());
        out.put("kind", d.kind() == null ? "unknown" : d.kind());
        out.put("level", d.level());
        out.put("amount_unit", amountUnit(doc));
        out.put("pages", d.pages());
        List<Map<String, Object>> tables = new ArrayList<>();
        for (int i = 0; i < doc.tables().size(); i++) tables.add(table(doc.tables().get(i), stored.get().tables().get(i)));
        out.put("tables", tables);
        out.put("narrative_facts", doc.facts().stream().map(ExportBuilder::fact).toList());
        out.put("flags", d.flags());
        out.put("reasons", doc.flags());
        return Optional.of(out);
    }

    /**
     * The unit most of the document's tables state (each table states its own as {@code unit}); for a document
     * whose tables state none, the unit its unit lines print as read with the document facts, else null: 万元, the
     * unit of the disclosure forms, is not guessed.
     */
    static String amountUnit(ExtractedDocument doc) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (ExtractedTable t : doc.tables()) if (t.unit() != null) counts.merge(t.unit(), 1L, Long::sum);
        return counts.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(doc.amountUnit());
    }

    /** The name a document is known by in truth files: the file name up to its first dot. */
    public static String documentName(String fileName) {
        int dot = fileName.indexOf('.');
        return dot > 0 ? fileName.substring(0, dot) : fileName;
    }

    private static Map<String, Object> table(ExtractedTable t, StoredDocument.Table ids) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("schema", t.schema());
        out.put("title", t.title());
        out.put("form_no", t.formNo());
        out.put("columns", t.columns());
        out.put("pages", List.of(t.pageFrom(), t.pageTo()));
        out.put("unit", t.unit());
        out.put("flags", codes(t.flags()));
        out.put("reasons", t.flags());
        out.put("notes", t.notes());
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < t.rows().size(); i++) rows.add(row(t.rows().get(i), ids.rows().get(i)));
        out.put("rows", rows);
        return out;
    }

    private static Map<String, Object> row(TableRow r, StoredDocument.Row ids) {
        Map<String, Object> out = new LinkedHashMap<>(r.key());
        Map<String, Object> values = new LinkedHashMap<>();
        Map<String, Object> cells = new LinkedHashMap<>();
        r.cells().forEach((column, v) -> {
            values.put(column, v.value());
            cells.put(column, cell(v, ids.cells().get(column)));
        });
        out.put("values", values);
        out.put("cells", cells);
        out.put("status", r.status().name());
        out.put("flags", codes(r.flags()));
        out.put("reasons", r.flags());
        out.put("rowId", ids.id());
        return out;
    }

    private static Map<String, Object> cell(CellValue v, Long cellId) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("raw", v.raw());
        out.put("confidence", v.confidence());
        out.put("flags", codes(v.flags()));
        out.put("reasons", v.flags());
        out.put("page", v.page() > 0 ? v.page() : null);
        BBox b = v.bbox();
        out.put("bbox", b == null ? null : List.of(b.x(), b.y(), b.width(), b.height()));
        out.put("engine", v.origin() == null ? null : v.origin().name());
        if (v.proposal() != null) out.put("proposal", v.proposal());
        out.put("cellId", cellId);
        return out;
    }

    private static Map<String, Object> fact(NarrativeFact f) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("section", f.section());
        out.put("quote", f.quote());
        out.put("figure", f.figure());
        out.put("value", f.value());
        out.put("unit", f.unit());
        out.put("scope", f.scope());
        out.put("year", f.year());
        out.put("page", f.page());
        out.put("line", f.lineNo());
        return out;
    }

    private static List<String> codes(List<Flag> flags) {
        return flags.stream().map(Flag::code).toList();
    }
}
