package reportingest;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reportingest.reconcile.Flag;
import reportingest.review.ReviewSidecar;
import reportingest.store.Json;
import reportingest.support.RunningService;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * README works for a clone alone: its quick start is two commands, it sends no one to a file outside the repository
 * (only optional extras for developers may mention ../shared, saying they are optional), every link it and docs/ give
 * resolves, and docs/CONTRACT.md says what the code does: the export's, the feed's and the review file's fields, and
 * every flag code with whether it asks for review.
 */
class DocsForACloneTest {
    static final Path README = Path.of("README.md");
    static final Path CONTRACT = Path.of("docs/CONTRACT.md");

    @TempDir
    Path home;

    @Test
    void readmeHasTwoCommandsAndNeedsNothingOutsideTheRepository() throws Exception {
        String readme = Files.readString(README);
        Matcher quick = Pattern.compile("## Quick start\\s+```\\n(.*?)```", Pattern.DOTALL).matcher(readme);
        assertThat(quick.find()).isTrue();
        assertThat(quick.group(1).strip().lines().toList()).containsExactly("bin/run", "bin/test");

        assertThat(readme).doesNotContain("STACK-NOTES").doesNotContain("DESIGN.md").doesNotContain("shared/ground-truth").doesNotContain("shared/reference`)");
        for (String paragraph : readme.split("\\n\\s*\\n")) {
            if (paragraph.contains("../")) {
                assertThat(paragraph).as("a mention of a file outside the repository says it is optional").contains("optional");
            }
        }
        assertThat(readme).contains("docs/CONTRACT.md");
        for (Path doc : List.of(README, CONTRACT, Path.of("docs/ARCHITECTURE.md"))) {
            assertThat(doc).exists();
            Matcher link = Pattern.compile("\\]\\(([^)#]+)(#[^)]*)?\\)").matcher(Files.readString(doc));
            while (link.find()) {
                String target = link.group(1);
                if (target.startsWith("http")) continue;
                assertThat(doc.resolveSibling(target).normalize()).as(doc + " links " + target).exists();
                assertThat(doc.resolveSibling(target).toAbsolutePath().normalize())
                        .as(doc + " links inside the repository").startsWith(Path.of("").toAbsolutePath());
            }
        }
    }

    @Test
    void theContractListsEveryFlagCodeTheCodeUsesWithItsReviewMeaning() throws Exception {
        String contract = section(Files.readString(CONTRACT), "## Flags");
        Matcher row = Pattern.compile("(?m)^\\| `([A-Z_]+)` \\| [^|]+ \\| (yes|no) \\|").matcher(contract);
        Map<String, String> review = new java.util.TreeMap<>();
        while (row.find()) review.put(row.group(1), row.group(2));

        Set<String> used = new TreeSet<>();
        Pattern flagged = Pattern.compile("(?:Flag\\.of|new Flag)\\(\\s*\"([A-Z_]+)\"|String [A-Z_]+ = \"([A-Z_]+_[A-Z_]+)\"");
        try (Stream<Path> files = Files.walk(Path.of("src/main/java/reportingest"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                if (f.toString().contains("review") || f.toString().contains("/route/") || f.toString().contains("/api/")) continue;
                Matcher m = flagged.matcher(Files.readString(f));
                while (m.find()) used.add(m.group(1) != null ? m.group(1) : m.group(2));
            }
        }
        used.removeIf(code -> code.equals("OMP_THREAD_LIMIT"));
        assertThat(review.keySet()).as("every flag code the code makes").containsAll(used);
        review.forEach((code, yes) -> {
            assertThat(yes).as(code).isEqualTo(new Flag(code, "").asksForReview() ? "yes" : "no");
            if (yes.equals("yes")) {
                assertThat(ReviewSidecar.reasonWords(code).get(0)).as("plain words for " + code).doesNotStartWith("Flagged");
            }
        });
    }

    @Test
    void theContractsFieldsAreTheOnesTheServiceAnswers() throws Exception {
        String contract = Files.readString(CONTRACT);
        JsonNode example = Json.MAPPER.readTree(firstJsonBlock(section(contract, "## Export format")));
        JsonNode reviewExample = Json.MAPPER.readTree(firstJsonBlock(section(contract, "## Folders")));
        try (RunningService service = RunningService.start(home)) {
            service.drop(Path.of("fixtures/seeds/001_a8898a713e576bc4.txt"), "b.txt");
            JsonNode doc = await().atMost(Duration.ofSeconds(90)).until(() -> service.allDocuments().stream()
                    .filter(d -> d.hasNonNull("storedAs")).findFirst().orElse(null), d -> d != null);
            long id = doc.get("id").asLong();
            JsonNode export = service.get("/api/documents/" + id + "/export");
            assertThat(names(example)).isEqualTo(names(export));
            JsonNode table = null;
            for (JsonNode t : export.get("tables")) if (table == null && t.get("schema").asText().equals("income")) table = t;
            assertThat(table).as("seed 001 has an income table").isNotNull();
            assertThat(names(example.get("tables").get(0))).isEqualTo(names(table));
            JsonNode exampleRow = example.get("tables").get(0).get("rows").get(0);
            JsonNode row = table.get("rows").get(0);
            assertThat(names(exampleRow)).isEqualTo(names(row));
            JsonNode exampleCell = exampleRow.get("cells").fields().next().getValue();
            JsonNode cell = row.get("cells").fields().next().getValue();
            assertThat(names(cell)).isSubsetOf(names(exampleCell));
            assertThat(names(example.get("narrative_facts").get(0))).isEqualTo(names(export.get("narrative_facts").get(0)));

            JsonNode sidecar = Json.MAPPER.readTree(Files.readString(Path.of(doc.get("storedAs").asText() + ".review.json")));
            assertThat(names(reviewExample)).isEqualTo(names(sidecar));

            Matcher feed = Pattern.compile("Each item is\\s+one cell: `([^`]+)`").matcher(section(contract, "## The pull feed"));
            assertThat(feed.find()).isTrue();
            List<String> fields = List.of(feed.group(1).replaceAll("\\s+", " ").split(", "));
            JsonNode item = service.get("/api/records?limit=1").get("items").get(0);
            assertThat(new ArrayList<>(names(item))).containsExactlyInAnyOrderElementsOf(fields);
        }
    }

    private static Set<String> names(JsonNode n) {
        Set<String> out = new LinkedHashSet<>();
        n.fieldNames().forEachRemaining(out::add);
        return out;
    }

    private static String section(String text, String heading) {
        int from = text.indexOf("\n" + heading + "\n");
        assertThat(from).as(heading).isNotNegative();
        int to = text.indexOf("\n## ", from + heading.length() + 1);
        return to < 0 ? text.substring(from) : text.substring(from, to);
    }

    private static String firstJsonBlock(String text) {
        Matcher m = Pattern.compile("```json\\n(.*?)```", Pattern.DOTALL).matcher(text);
        assertThat(m.find()).isTrue();
        return m.group(1);
    }
}
