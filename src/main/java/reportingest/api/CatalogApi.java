package reportingest.api;

import org.apache.camel.Header;
import reportingest.catalog.Catalog;
import reportingest.catalog.ColumnDef;
import reportingest.catalog.SchemaDef;
import reportingest.store.ExportBuilder;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a client can ask for before it knows anything: the schemas the service reads ({@code GET /api/schemas})
 * and one document's tables ({@code GET /api/documents/{id}/tables}), each with the path of its CSV, so a
 * browser-free client goes from the schema list to a table's CSV following only OpenAPI.
 */
public final class CatalogApi {
    private final Catalog catalog;
    private final ExportBuilder exports;

    public CatalogApi(Catalog catalog, ExportBuilder exports) {
        this.catalog = catalog;
        this.exports = exports;
    }

    /** The catalog's schema ids, the ones filters and CSV paths take. */
    public List<String> schemaIds() {
        return catalog.schemas().stream().map(SchemaDef::id).toList();
    }

    public ApiResponse schemas() {
        List<Map<String, Object>> items = new ArrayList<>();
        for (SchemaDef s : catalog.schemas()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", s.id());
            m.put("title", s.title());
            m.put("kind", s.kind());
            m.put("keyColumns", s.keyColumns());
            m.put("columns", s.columns().stream().map(ColumnDef::name).toList());
            items.add(m);
        }
        return ApiResponse.ok(Map.of("items", items));
    }

    @SuppressWarnings("unchecked")
    public ApiResponse documentTables(@Header("id") String idParam) {
        long id = Params.requiredId("document id", idParam);
        Map<String, Object> export = exports.export(id)
                .orElseThrow(() -> Params.notFound("no document " + id + "; GET /api/documents lists the documents"));
        List<Map<String, Object>> items = new ArrayList<>();
        for (Map<String, Object> t : (List<Map<String, Object>>) export.get("tables")) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("schema", t.get("schema"));
            m.put("title", t.get("title"));
            m.put("pages", t.get("pages"));
            List<Map<String, Object>> rows = (List<Map<String, Object>>) t.get("rows");
            m.put("rows", rows.size());
            m.put("rowsNeedingReview", rows.stream().filter(r -> "NEEDS_REVIEW".equals(r.get("status"))).count());
            m.put("flags", t.get("flags"));
            m.put("csv", "/api/documents/" + id + "/tables/" + t.get("schema") + ".csv");
            items.add(m);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("documentId", id);
        body.put("items", items);
        return ApiResponse.ok(body);
    }
}
