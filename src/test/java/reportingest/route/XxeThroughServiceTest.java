package reportingest.route;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reportingest.support.LogTap;
import reportingest.support.ServiceOnTempHome;
import reportingest.support.XxeCanary;
import reportingest.support.XxeInputs;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every file that carries XML with external entities, dropped into the running service: a PDF with XMP and
 * XFA, TIFF, PNG and JPEG scans with XMP, XML, SVG, XHTML, XFA and XMP files under the names of formats the
 * service reads, Word, Excel and OpenDocument containers, and an entity-expansion bomb. Each ends in
 * archive/ or failed/ with its reason, its pages are served as images, and through all of it, detection,
 * page count, layout, OCR, storage and the page-image API, the canary file is never read, the loopback
 * trap never called, and neither token is anywhere in the database, an error file, an API answer or the log.
 */
class XxeThroughServiceTest extends ServiceOnTempHome {
    /** The files whose pages the API serves as images (rendered PDF pages, image frames). */
    private static final java.util.Set<String> IMAGES_SERVED = java.util.Set.of("xmp and xfa.pdf", "xmp.tif", "xmp.png", "xmp.jpg");

    @TempDir
    Path outside;

    @Test
    void noFileCarryingExternalEntitiesGetsThemResolvedAnywhereInTheService() throws Exception {
        try (XxeCanary canary = XxeCanary.plant(outside.resolve("canary")); LogTap log = new LogTap()) {
            XxeInputs inputs = new XxeInputs(canary, outside.resolve("made"));
            Map<String, Path> files = new LinkedHashMap<>();
            files.put("xmp and xfa.pdf", inputs.pdfWithXmpAndXfa("xmp and xfa.pdf"));
            files.put("xmp.tif", inputs.tiffWithXmp("xmp.tif"));
            files.put("xmp.png", inputs.pngWithXmp("xmp.png"));
            files.put("xmp.jpg", inputs.jpegWithXmp("xmp.jpg"));
            files.putAll(inputs.xmlFiles());
            files.putAll(inputs.officeFiles());
            files.put("lol.pdf", inputs.billionLaughs("lol.pdf"));
            for (var f : files.entrySet()) service.drop(f.getValue(), f.getKey());

            await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofMillis(250)).until(() ->
                    files.keySet().stream().allMatch(n -> Files.exists(service.archive().resolve(n))
                            || Files.exists(service.failed().resolve(n + ".error.json")) && Files.exists(service.failed().resolve(n))));

            StringBuilder seen = new StringBuilder();
            for (String name : files.keySet()) {
                Path sidecar = service.failed().resolve(name + ".error.json");
                if (Files.exists(sidecar)) seen.append(Files.readString(sidecar, StandardCharsets.UTF_8));
            }
            for (JsonNode doc : service.allDocuments()) {
                long id = doc.get("id").asLong();
                seen.append(doc).append(service.getRaw("/api/documents/" + id + "/export").body());
                String name = doc.get("fileName").asText();
                if (!IMAGES_SERVED.contains(name)) continue;
                for (int page = 1; page <= doc.get("pages").asInt(); page++) {
                    assertThat(service.getBytes("/api/documents/" + id + "/pages/" + page + ".png").statusCode())
                            .as(name + " page " + page + " as an image").isEqualTo(200);
                }
            }
            seen.append(databaseScript());

            assertThat(service.allDocuments()).filteredOn(d -> IMAGES_SERVED.contains(d.get("fileName").asText()))
                    .as("the PDF and the three scans, read and served").hasSize(4)
                    .allSatisfy(d -> assertThat(d.get("pages").asInt()).isPositive());
            assertThat(service.archive().resolve("xmp and xfa.pdf")).exists();
            assertThat(Stream.of("xmp.tif", "xmp.png", "xmp.jpg")).allMatch(n -> Files.exists(service.archive().resolve(n)));
            assertThat(Stream.of("report-xml.pdf", "scan-svg.png", "form-xdp.pdf", "word-docx.pdf", "writer-odt.pdf", "lol.pdf"))
                    .allMatch(n -> Files.exists(service.failed().resolve(n + ".error.json")));
            assertThat(service.get("/api/health").get("status").asText()).isEqualTo("UP");
            assertThat(canary.canaryReads()).as("reads of the canary file").isEmpty();
            assertThat(canary.requests()).as("requests to the loopback trap").isEmpty();
            for (String token : canary.tokens()) {
                assertThat(seen).as("database, error files and API answers").doesNotContain(token);
                assertThat(log.text()).doesNotContain(token);
            }
        }
    }

    /** Everything the database holds: every row of every table of the service's schema, as text. */
    private String databaseScript() throws Exception {
        StringBuilder out = new StringBuilder();
        int rows = 0;
        try (Connection c = service.database().dataSource().getConnection()) {
            List<String> tables = new ArrayList<>();
            // the service's tables lie in the default schema: PUBLIC in H2, public in PostgreSQL
            try (ResultSet t = c.getMetaData().getTables(null, null, "%", null)) {
                while (t.next()) {
                    if ("public".equalsIgnoreCase(t.getString("TABLE_SCHEM")) && t.getString("TABLE_TYPE").contains("TABLE")) {
                        tables.add(t.getString("TABLE_NAME"));
                    }
                }
            }
            for (String table : tables) {
                try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT * FROM \"" + table + "\"")) {
                    int columns = r.getMetaData().getColumnCount();
                    while (r.next()) {
                        rows++;
                        for (int i = 1; i <= columns; i++) out.append(r.getString(i)).append('\t');
                        out.append('\n');
                    }
                }
            }
        }
        assertThat(rows).as("rows in the database").isPositive();
        return out.toString();
    }
}
