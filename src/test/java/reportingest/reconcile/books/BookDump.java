package reportingest.reconcile.books;

import com.fasterxml.jackson.core.type.TypeReference;
import reportingest.catalog.Catalog;
import reportingest.layout.Page;
import reportingest.layout.pdf.PdfPageSource;
import reportingest.reconcile.CellValue;
import reportingest.reconcile.ExtractedDocument;
import reportingest.reconcile.ExtractedTable;
import reportingest.reconcile.TableRow;
import reportingest.reconcile.fin.CatalogReconciler;
import reportingest.store.Json;
import reportingest.tables.RawTable;
import reportingest.tables.tabula.TabulaTableRecognizer;
import reportingest.validate.CellRef;
import reportingest.validate.Check;
import reportingest.validate.Outcome;
import reportingest.validate.Validation;
import reportingest.validate.Validator;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Tuning tool (not a test): a book's tables after reconcile and validate, one line each (form, pages, rows, levels, table
 * identities checked and holding, rows all of whose identities hold). {@code BookDump PDF [formNo [rows]]}; pages and raw
 * tables are cached under /tmp/bookdump (delete to re-read after a change in page reading or table recognition).
 */
public final class BookDump {
    public static void main(String[] args) throws Exception {
        Path pdf = Path.of(args[0]);
        Path cache = Path.of("/tmp/bookdump");
        Files.createDirectories(cache);
        Path pagesFile = cache.resolve(pdf.getFileName() + ".pages.json"), rawFile = cache.resolve(pdf.getFileName() + ".raw.json");
        List<Page> pages;
        if (Files.exists(pagesFile)) {
            pages = Json.MAPPER.readValue(Files.readString(pagesFile), new TypeReference<List<Page>>() {});
        } else {
            pages = new ArrayList<>();
            new PdfPageSource(null).pages(pdf, pages::add);
            Files.writeString(pagesFile, Json.MAPPER.writeValueAsString(pages));
        }
        List<RawTable> raw;
        if (Files.exists(rawFile) && !"fresh".equals(System.getProperty("raw"))) {
            raw = Json.MAPPER.readValue(Files.readString(rawFile), new TypeReference<List<RawTable>>() {});
        } else {
            raw = new TabulaTableRecognizer().recognize(pages);
            Files.writeString(rawFile, Json.MAPPER.writeValueAsString(raw));
        }
        Catalog catalog = Catalog.load();
        ExtractedDocument doc = new CatalogReconciler(catalog).reconcile(pages, raw);
        Validation v = new Validator(catalog).validate(doc, pages);
        doc = v.document();
        if (System.getProperty("cells") != null) {
            StringBuilder sb = new StringBuilder();
            for (ExtractedTable t : doc.tables()) {
                for (TableRow r : t.rows()) {
                    for (Map.Entry<String, CellValue> e : r.cells().entrySet()) {
                        if (e.getValue().value() == null) continue;
                        sb.append(t.formNo()).append('\t').append(e.getValue().page()).append('\t').append(r.key().get("label")).append('\t')
                                .append(e.getKey()).append('\t').append(e.getValue().value()).append('\t').append(r.status()).append('\n');
                    }
                }
            }
            Files.writeString(Path.of(System.getProperty("cells")), sb.toString());
        }
        String form = args.length > 1 ? args[1] : null;
        boolean rows = args.length > 2;
        Map<Integer, int[]> perTable = new HashMap<>(); // checks, holding
        Map<Integer, Map<Integer, Boolean>> rowOk = new HashMap<>();
        for (Outcome o : v.outcomes()) {
            if (o.check().source() != Check.Source.TABLE) continue;
            List<CellRef> cs = o.check().cells();
            if (cs.isEmpty()) continue;
            int ti = cs.get(0).table();
            int[] n = perTable.computeIfAbsent(ti, k -> new int[2]);
            n[0]++;
            if (o.holds()) n[1]++;
            for (CellRef c : cs) rowOk.computeIfAbsent(ti, k -> new HashMap<>()).merge(c.row(), o.holds(), Boolean::logicalAnd);
        }
        for (int ti = 0; ti < doc.tables().size(); ti++) {
            ExtractedTable t = doc.tables().get(ti);
            if (form != null && !form.equals(t.formNo())) continue;
            Map<Object, Integer> levels = new TreeMap<>();
            for (TableRow r : t.rows()) levels.merge(String.valueOf(r.key().get("level")), 1, Integer::sum);
            int[] n = perTable.getOrDefault(ti, new int[2]);
            Map<Integer, Boolean> ok = rowOk.getOrDefault(ti, Map.of());
            long okRows = ok.values().stream().filter(b -> b).count();
            System.out.printf("#%d %s p%d-%d %s rows=%d cols=%d levels=%s checks=%d/%d rowsChecked=%d ok=%d review=%d [%s]%n", ti, t.formNo(),
                    t.pageFrom(), t.pageTo(), t.schema(), t.rows().size(), t.columns().size(), levels, n[1], n[0], ok.size(), okRows,
                    t.rows().stream().filter(r -> r.status().name().equals("NEEDS_REVIEW")).count(), t.title());
            if (rows) {
                System.out.println("   columns " + t.columns());
                for (int ri = 0; ri < t.rows().size(); ri++) {
                    TableRow r = t.rows().get(ri);
                    StringBuilder sb = new StringBuilder();
                    for (Map.Entry<String, CellValue> e : r.cells().entrySet()) sb.append(e.getValue().value()).append(e.getValue().flags().isEmpty() ? "" : "!").append(" ");
                    System.out.printf("   %3d %s %s %s | %s%n", ri, r.key().get("level"), ok.containsKey(ri) ? (ok.get(ri) ? "ok" : "XX") : "--",
                            r.key().get("label"), sb);
                }
            }
        }
        if (form != null && args.length > 3) {
            for (Outcome o : v.outcomes()) if (!o.holds() && o.check().source() == Check.Source.TABLE) System.out.println("FAIL " + o.message());
        }
    }
}
