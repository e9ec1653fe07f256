package reportingest.eval;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A budget document (部门/单位预算, export {@code kind: "budget"}) as its own class of the eval: no truth
 * format exists for budgets, so it is measured by what the export itself says. Tables recognised by
 * schema ({@code budget_*}, or any other catalog form), rows and rows ACCEPTED in them (every identity
 * holds), and tables kept as {@code unknown} with their rows.
 */
public record BudgetDocument(String document, Integer fiscalYear, String level, Map<String, Integer> tablesBySchema,
                             int tablesRecognised, int tablesUnknown, int rows, int rowsAccepted, int unknownRows) {
    public BudgetDocument {
        tablesBySchema = java.util.Collections.unmodifiableMap(new TreeMap<>(tablesBySchema)); // by name, for people
    }

    /** The budget class of an export, empty for an export of another kind (or none). */
    public static Optional<BudgetDocument> of(String document, JsonNode export) {
        if (export == null || !"budget".equals(export.path("kind").asText())) return Optional.empty();
        Map<String, Integer> bySchema = new TreeMap<>();
        int recognised = 0, unknown = 0, rows = 0, accepted = 0, unknownRows = 0;
        for (JsonNode t : export.path("tables")) {
            String schema = t.path("schema").asText("unknown");
            int n = t.path("rows").size();
            if (schema.equals("unknown")) {
                unknown++;
                unknownRows += n;
                continue;
            }
            recognised++;
            bySchema.merge(schema, 1, Integer::sum);
            rows += n;
            for (JsonNode r : t.path("rows")) if ("ACCEPTED".equals(r.path("status").asText())) accepted++;
        }
        JsonNode year = export.path("fiscalYear");
        return Optional.of(new BudgetDocument(document, year.isNumber() ? year.asInt() : null,
                export.path("level").isTextual() ? export.path("level").asText() : null,
                bySchema, recognised, unknown, rows, accepted, unknownRows));
    }

    public BudgetDocument named(String name) {
        return new BudgetDocument(name, fiscalYear, level, tablesBySchema, tablesRecognised, tablesUnknown, rows,
                rowsAccepted, unknownRows);
    }
}
