package reportingest.tables.tabula;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.NodeList;
import reportingest.tables.RawCell;
import reportingest.tables.RawRow;
import reportingest.tables.RawTable;
import reportingest.support.Ratchet;

import javax.xml.parsers.DocumentBuilderFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Third-party PDFs with expected outputs (tabula-java CSV, camelot rows, ICDAR 2013 cell
 * structure; see ../shared/external/MANIFEST.md), run through our page source and
 * TabulaTableRecognizer: the share of expected non-empty cells whose text we recover anywhere in
 * the file's tables (a multiset match after NFKC and whitespace removal; positions are not
 * compared, since the expected files use their own grids). Every case's count of recovered cells is held to its
 * floor in src/test/resources/ratchet/external-expected-cells.tsv (see {@link Ratchet}): floors only move up.
 */
class ExternalExpectedCellsTest {

    private static final Ratchet FLOORS = Ratchet.floors("external-expected-cells", "recovered", "expected");

    record Case(String name, String pdf, String expected) {
        @Override public String toString() { return name; }
    }

    static List<Case> cases() {
        List<Case> out = new ArrayList<>();
        for (String n : List.of("spanning_cells", "twotables", "schools", "frx_2012_disclosure", "us-020", "china")) {
            out.add(new Case("tabula/" + n, "tabula-java/" + n + ".pdf", "tabula-java/csv/" + n + ".csv"));
        }
        out.add(new Case("tabula/table_with_col_and_row_spans", "tabula-java/table_with_col_and_row_spans.pdf",
                "tabula-java/csv/table_with_col_and_row_spans_default.csv"));
        out.add(new Case("tabula/well_text_a", "tabula-java/batch/input/well_text_a.pdf", "tabula-java/batch/expected/well_text_a.csv"));
        out.add(new Case("tabula/well_image_a", "tabula-java/batch/input/well_image_a.pdf", "tabula-java/batch/expected/well_image_a.csv"));
        for (String n : List.of("health", "row_span_1", "column_span_2", "background_lines_1", "clockwise_table_1")) {
            out.add(new Case("camelot/" + n, "camelot/" + n + ".pdf", "camelot/" + n + ".expected.json"));
        }
        for (String n : List.of("eu-001", "eu-004", "eu-012", "eu-018", "eu-021", "eu-027")) {
            out.add(new Case("icdar/" + n, "icdar2013_via_tabula-java/competition-dataset-eu/" + n + ".pdf",
                    "icdar2013_via_tabula-java/competition-dataset-eu/" + n + "-str.xml"));
        }
        for (String n : List.of("us-012", "us-018", "us-019", "us-025", "us-026")) {
            out.add(new Case("icdar/" + n, "icdar2013_via_tabula-java/competition-dataset-us/" + n + ".pdf",
                    "icdar2013_via_tabula-java/competition-dataset-us/" + n + "-str.xml"));
        }
        return out;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void shareOfExpectedCellsRecovered(Case c) throws Exception {
        Path pdf = RealPdfs.EXTERNAL.resolve(c.pdf());
        Path exp = RealPdfs.EXTERNAL.resolve(c.expected());
        assumeTrue(Files.isRegularFile(pdf) && Files.isRegularFile(exp), "not present: " + c.pdf());
        List<String> expected = new ArrayList<>();
        for (String s : expectedCells(exp)) if (!RealPdfs.norm(s).isEmpty()) expected.add(RealPdfs.norm(s));
        Map<String, Integer> got = new HashMap<>();
        for (RawTable t : RealPdfs.tables(pdf)) {
            for (RawRow r : t.rows()) for (RawCell cell : r.cells()) {
                String n = RealPdfs.norm(cell.text());
                if (!n.isEmpty()) got.merge(n, 1, Integer::sum);
            }
        }
        int hit = 0;
        for (String e : expected) {
            Integer k = got.get(e);
            if (k != null && k > 0) { hit++; got.put(e, k - 1); }
        }
        double share = expected.isEmpty() ? 1.0 : (double) hit / expected.size();
        System.out.printf("EXTERNAL-CELLS %-40s %4d/%4d  %5.1f%%%n", c.name(), hit, expected.size(), 100 * share);
        assertThat(hit).as(c.name()).isLessThanOrEqualTo(expected.size());
        FLOORS.check(c.name(), hit, expected.size());
    }

    static List<String> expectedCells(Path p) throws Exception {
        String name = p.getFileName().toString();
        if (name.endsWith(".csv")) return csvCells(Files.readString(p, StandardCharsets.UTF_8));
        if (name.endsWith(".json")) {
            List<String> out = new ArrayList<>();
            JsonNode rows = new ObjectMapper().readTree(p.toFile()).get("rows");
            for (JsonNode r : rows) for (JsonNode v : r) out.add(v.asText());
            return out;
        }
        var f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        NodeList contents = f.newDocumentBuilder().parse(p.toFile()).getElementsByTagName("content");
        List<String> out = new ArrayList<>();
        for (int i = 0; i < contents.getLength(); i++) out.add(contents.item(i).getTextContent());
        return out;
    }

    /** RFC 4180 fields (quoted fields may hold commas, quotes and line breaks). */
    static List<String> csvCells(String text) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') { cur.append('"'); i++; }
                else if (ch == '"') quoted = false;
                else cur.append(ch);
            } else if (ch == '"') {
                quoted = true;
            } else if (ch == ',' || ch == '\n' || ch == '\r') {
                out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(ch);
            }
        }
        out.add(cur.toString());
        return out;
    }
}
