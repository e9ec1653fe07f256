package reportingest.api;

import org.apache.camel.Header;
import reportingest.store.ExportBuilder;
import reportingest.feed.FeedFact;
import reportingest.feed.FeedPage;
import reportingest.feed.FeedQuery;
import reportingest.feed.FeedStore;
import reportingest.store.Json;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Handlers of the downstream system's endpoints: the pull feed of cell facts, and a document's table as CSV. */
public final class FeedApi {
    static final int DEFAULT_LIMIT = 500;
    static final int MAX_LIMIT = 5000;
    static final String CSV = "text/csv; charset=UTF-8";
    static final List<String> FEED_COLUMNS = List.of("changeSeq", "cellId", "document", "fileName", "unit", "fiscalYear",
            "schema", "rowKey", "column", "value", "status", "confidence", "flags", "page", "bbox",
            // added by issue #20 (appended, so readers by position keep working); unit is the body's deprecated name
            "body", "documentStatus", "amountUnit", "bboxUnits");

    private final FeedStore feed;
    private final ExportBuilder exports;

    public FeedApi(FeedStore feed, ExportBuilder exports) {
        this(feed, exports, List.of());
    }

    /** @param schemaIds the catalog's schema ids: a {@code schema} filter outside them (and the stored ones) is refused */
    public FeedApi(FeedStore feed, ExportBuilder exports, List<String> schemaIds) {
        this.feed = feed;
        this.exports = exports;
        this.schemaIds = List.copyOf(schemaIds);
    }

    private final List<String> schemaIds;

    /** An unknown schema is a mistake, not an empty answer: 400 naming the schemas that exist. */
    private String knownSchema(String schema) {
        String s = Params.text(schema);
        if (s == null || schemaIds.isEmpty()) return s;
        Set<String> known = new java.util.TreeSet<>(schemaIds);
        known.addAll(feed.storedSchemas());
        if (!known.contains(s)) throw Params.bad("unknown schema '" + s + "'; schemas are " + String.join(", ", known));
        return s;
    }

    private static boolean bom(String bomParam) {
        String b = Params.oneOf("bom", bomParam, Set.of("0", "1", "TRUE", "FALSE"));
        return "1".equals(b) || "TRUE".equals(b);
    }

    /** Excel on Chinese Windows reads a CSV without a byte-order mark as GBK: {@code bom=1} adds one. */
    private static String csvText(Csv out, boolean bom) {
        return (bom ? "\uFEFF" : "") + out;
    }

    /**
     * {@code GET /api/records}: facts changed after the cursor, JSON or CSV. The cursor is {@code after}, as on every
     * list; {@code since} is its deprecated alias, kept one release; both at once is a 400.
     */
    public ApiResponse records(@Header("after") String after, @Header("since") String since, @Header("limit") String limit, @Header("status") String status,
                               @Header("schema") String schema, @Header("unit") String unit, @Header("body") String bodyParam,
                               @Header("year") String year,
                               @Header("format") String format, @Header("bom") String bomParam, @Header("Accept") String accept) {
        if (Params.text(after) != null && Params.text(since) != null) {
            throw Params.bad("give the cursor once: 'after' (since is its deprecated old name), not both");
        }
        Long cursor = Params.text(after) != null ? Params.optionalLong("after", after) : Params.optionalLong("since", since);
        Long fiscalYear = Params.optionalLong("year", year);
        String st = Params.oneOf("status", status, Set.of("ACCEPTED", "NEEDS_REVIEW", "REJECTED", "ALL"));
        String fmt = Params.oneOf("format", format, Set.of("JSON", "CSV"));
        FeedQuery q = new FeedQuery(cursor == null ? 0 : cursor, Params.limit(limit, DEFAULT_LIMIT, MAX_LIMIT),
                "ALL".equals(st) ? null : st, knownSchema(schema), Params.text(bodyParam) != null ? Params.text(bodyParam) : Params.text(unit),
                fiscalYear == null ? null : fiscalYear.intValue());
        FeedPage page = feed.page(q);
        String next = Long.toString(page.next());
        boolean csv = "CSV".equals(fmt) || (fmt == null && accept != null && accept.toLowerCase().contains("text/csv"));
        if (csv) {
            Csv out = new Csv().row(FEED_COLUMNS);
            for (FeedFact f : page.items()) {
                out.row(List.of(f.changeSeq(), f.cellId(), f.document(), f.fileName(), nz(f.unit()), nz(f.fiscalYear()),
                        f.schema(), Json.write(f.rowKey()), f.column(), nz(f.value()), f.status(), f.confidence(),
                        String.join("|", f.flags()), nz(f.page()), f.bbox() == null ? "" : Json.write(f.bbox()),
                        nz(f.body()), f.documentStatus(), nz(f.amountUnit()), f.bboxUnits()));
            }
            return new ApiResponse(200, csvText(out, bom(bomParam)), CSV).withHeader("X-Next-Cursor", next)
                    .withHeader("X-More", Boolean.toString(page.more()));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("items", page.items());
        body.put("next", next);
        body.put("more", page.more());
        return ApiResponse.ok(body);
    }

    /** {@code GET /api/documents/{id}/tables/{schema}.csv}: one schema's rows of a document, keys then values. */
    @SuppressWarnings("unchecked")
    public ApiResponse tableCsv(@Header("id") String idParam, @Header("schema") String schemaParam, @Header("bom") String bomParam) {
        long id = Params.requiredId("document id", idParam);
        String schema = Params.withoutSuffix("table", schemaParam, ".csv");
        boolean bom = bom(bomParam);
        Map<String, Object> export = exports.export(id)
                .orElseThrow(() -> Params.notFound("no document " + id + "; GET /api/documents lists the documents"));
        List<Map<String, Object>> all = (List<Map<String, Object>>) export.get("tables");
        List<Map<String, Object>> tables = all.stream().filter(t -> schema.equals(t.get("schema"))).toList();
        if (tables.isEmpty()) {
            throw Params.notFound("document " + id + " has no table " + schema + "; its tables are "
                    + all.stream().map(t -> String.valueOf(t.get("schema"))).distinct().toList());
        }
        Set<String> keys = new LinkedHashSet<>();
        Set<String> columns = new LinkedHashSet<>();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Map<String, Object> t : tables) {
            columns.addAll((List<String>) t.get("columns"));
            for (Map<String, Object> r : (List<Map<String, Object>>) t.get("rows")) {
                r.keySet().stream().filter(k -> !Set.of("values", "cells", "status", "flags", "reasons").contains(k))
                        .forEach(keys::add);
                rows.add(r);
            }
        }
        List<Object> header = new ArrayList<>(keys);
        header.addAll(columns);
        header.add("status");
        header.add("flags");
        // the lowest confidence of the row's cells (0-100): how far the row as a whole can be trusted
        header.add("confidence");
        Csv out = new Csv().row(header);
        for (Map<String, Object> r : rows) {
            Map<String, Object> values = (Map<String, Object>) r.get("values");
            List<Object> line = new ArrayList<>();
            keys.forEach(k -> line.add(nz(r.get(k))));
            columns.forEach(c -> line.add(nz(values.get(c))));
            line.add(r.get("status"));
            line.add(String.join("|", (List<String>) r.get("flags")));
            Map<String, Map<String, Object>> cells = (Map<String, Map<String, Object>>) r.getOrDefault("cells", Map.of());
            line.add(cells.values().stream().map(c -> c.get("confidence")).filter(Number.class::isInstance)
                    .mapToDouble(c -> ((Number) c).doubleValue()).min().stream().mapToObj(d -> (Object) d).findFirst().orElse(""));
            out.row(line);
        }
        return new ApiResponse(200, csvText(out, bom), CSV);
    }

    private static Object nz(Object v) {
        return v == null ? "" : v;
    }
}
