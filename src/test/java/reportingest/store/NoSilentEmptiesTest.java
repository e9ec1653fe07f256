package reportingest.store;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reportingest.catalog.Catalog;
import reportingest.catalog.IdentityDef;
import reportingest.catalog.SchemaDef;
import reportingest.support.ServiceOnTempHome;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 11's invariant over what the store exports, on inputs of several producers and layouts: a cell
 * that printed digits but holds no value is flagged (itself or its row in review), and a table whose total
 * column came out empty on every row while its parts have non-zero amounts carries a table flag. One input has a
 * total column whose amounts are unreadable in every row, so the table-level case is exercised.
 */
class NoSilentEmptiesTest extends ServiceOnTempHome {
    private static final List<String> INPUTS = List.of("fixtures/seeds/001_a8898a713e576bc4.txt",
            "fixtures/seeds/004_d2f5081e5b89099b.txt", "fixtures/pdf/gen02_3fa8d6e1c0b27954.unruled.pdf",
            "fixtures/pdf/004_d2f5081e5b89099b.splitrow.pdf");
    private final Map<String, JsonNode> exports = new LinkedHashMap<>();

    @BeforeAll
    void ingest() throws Exception {
        for (String in : INPUTS) service.drop(Path.of(in), Path.of(in).getFileName().toString());
        // seed 004 with its 支出决算表 total column printed as stamp-smeared text in every row
        String seed = Files.readString(Path.of("fixtures/seeds/004_d2f5081e5b89099b.txt"));
        service.drop(smearTotals(seed).getBytes(java.nio.charset.StandardCharsets.UTF_8), "004 smeared totals.txt");
        List<String> names = new ArrayList<>(INPUTS.stream().map(i -> Path.of(i).getFileName().toString()).toList());
        names.add("004 smeared totals.txt");
        for (String n : names) service.awaitIn(service.archive(), n);
        for (JsonNode d : service.allDocuments()) {
            exports.put(d.get("fileName").asText(), service.get("/api/documents/" + d.get("id").asText() + "/export"));
        }
        assertThat(exports.keySet()).containsExactlyInAnyOrderElementsOf(names);
    }

    /** In the 支出决算表 block, the first amount of each coded row becomes 'x,xx' smudge (digits unreadable). */
    static String smearTotals(String seed) {
        int from = seed.indexOf("支出决算表\n\n公开03表");
        int to = seed.indexOf("注：本表反映部门本年度各项支出情况");
        StringBuilder out = new StringBuilder(seed.substring(0, from));
        for (String line : seed.substring(from, to).split("\n", -1)) {
            String[] f = line.split("\t", -1);
            if (f.length > 3 && f[2].matches("[0-9,.]+") && (f[0].matches("\\d+") || f[0].startsWith("合"))) f[2] = "#" + f[2].replace('.', '#') + "#";
            out.append(String.join("\t", f)).append('\n');
        }
        return out.append(seed.substring(to)).toString();
    }

    @Test
    void everyCellThatPrintedDigitsButHasNoValueIsFlagged() {
        int checked = 0;
        for (Map.Entry<String, JsonNode> e : exports.entrySet()) {
            for (JsonNode t : e.getValue().get("tables")) {
                for (JsonNode r : t.get("rows")) {
                    for (var c : (Iterable<Map.Entry<String, JsonNode>>) r.get("cells")::fields) {
                        JsonNode cell = c.getValue();
                        String raw = cell.path("raw").asText("");
                        if (!raw.chars().anyMatch(Character::isDigit) || !r.path("values").path(c.getKey()).isNull()) continue;
                        checked++;
                        assertThat(cell.get("flags").size() > 0 || r.get("status").asText().equals("NEEDS_REVIEW"))
                                .as("%s %s row %s column %s raw '%s'", e.getKey(), t.get("schema").asText(), r.path("name"), c.getKey(), raw)
                                .isTrue();
                    }
                }
            }
        }
        // 004's smeared 支出决算表: 合计 and 17 coded rows print their total unreadably
        assertThat(checked).isGreaterThanOrEqualTo(18);
    }

    @Test
    void aTotalColumnEmptyOnEveryRowWhileItsPartsHaveAmountsIsFlaggedOnTheTable() {
        Catalog catalog = Catalog.load();
        List<String> flagged = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : exports.entrySet()) {
            for (JsonNode t : e.getValue().get("tables")) {
                SchemaDef s = catalog.byId(t.get("schema").asText()).orElse(null);
                if (s == null) continue;
                for (IdentityDef id : s.identities()) {
                    if ("row_sum".equals(id.kind()) && !hasAny(t, List.of(id.total()), false) && hasAny(t, id.parts(), true)) {
                        List<String> codes = new ArrayList<>();
                        t.get("flags").forEach(f -> codes.add(f.isTextual() ? f.asText() : f.path("code").asText()));
                        assertThat(codes).as("%s %s: %s empty on every row", e.getKey(), t.get("schema").asText(), id.total())
                                .contains("COLUMN_MISSING");
                        flagged.add(e.getKey() + " " + t.get("schema").asText() + " " + id.total());
                    }
                }
            }
        }
        assertThat(flagged).containsExactly("004 smeared totals.txt expenditure 本年支出合计");
    }

    private static boolean hasAny(JsonNode t, List<String> columns, boolean nonZero) {
        for (JsonNode r : t.get("rows")) {
            for (String c : columns) {
                JsonNode v = r.path("values").path(c);
                if (v.isTextual() && (!nonZero || new java.math.BigDecimal(v.asText()).signum() != 0)) return true;
            }
        }
        return false;
    }
}
