package reportingest.reconcile;

import com.fasterxml.jackson.core.type.TypeReference;
import reportingest.layout.Page;
import reportingest.catalog.Catalog;
import reportingest.reconcile.fin.CatalogReconciler;
import reportingest.store.Json;
import reportingest.tables.RawTable;
import reportingest.tables.tabula.ScanDump;
import reportingest.tables.tabula.TabulaTableRecognizer;
import reportingest.validate.Validator;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Tuning tool (not a test). {@code ocr <scan> <tables.json>} saves the raw tables OCR and Tabula find
 * on a scan; {@code reconcile <tables.json> <out.json>} reads them back and runs reconcile and
 * validate (without pages, so no narrative checks), writing rows, values, flags and status, so the
 * reconcile stage can be re-run in seconds instead of re-reading the scan.
 */
public final class RawTablesDump {
    public static void main(String[] args) throws Exception {
        if (args[0].equals("ocr")) {
            List<Page> pages = ScanDump.read(Path.of(args[1]), 300);
            List<RawTable> tables = new TabulaTableRecognizer().recognize(pages);
            Files.writeString(Path.of(args[2]), Json.MAPPER.writeValueAsString(tables));
            return;
        }
        List<RawTable> tables = Json.MAPPER.readValue(Files.readString(Path.of(args[1])), new TypeReference<List<RawTable>>() {});
        Catalog catalog = Catalog.load();
        ExtractedDocument doc = new CatalogReconciler(catalog).reconcile(List.of(), tables);
        doc = new Validator(catalog).validate(doc, List.of()).document();
        List<Object> out = new ArrayList<>();
        for (ExtractedTable t : doc.tables()) {
            List<Object> rows = new ArrayList<>();
            for (TableRow r : t.rows()) {
                Map<String, Object> row = new LinkedHashMap<>(r.key());
                Map<String, Object> values = new LinkedHashMap<>();
                Map<String, Object> cells = new LinkedHashMap<>();
                r.cells().forEach((k, v) -> {
                    values.put(k, v.value());
                    cells.put(k, Map.of("raw", String.valueOf(v.raw()), "flags", v.flags().stream().map(Flag::code).toList(),
                            "reasons", v.flags().stream().map(Flag::message).toList()));
                });
                row.put("values", values);
                row.put("cells", cells);
                row.put("status", r.status().name());
                row.put("flags", r.flags().stream().map(Flag::code).toList());
                row.put("reasons", r.flags().stream().map(f -> Map.of("code", f.code(), "message", f.message())).toList());
                rows.add(row);
            }
            out.add(Map.of("schema", t.schema(), "flags", t.flags().stream().map(Flag::code).toList(), "rows", rows));
        }
        Files.writeString(Path.of(args[2]), Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(Map.of("tables", out)));
    }
}
