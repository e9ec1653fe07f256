package reportingest.route;

import reportingest.support.ServiceOnTempHome;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import reportingest.store.Json;
import reportingest.chaos.BadInputs;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real service (Camel routes from camel-routes/, H2 file, real folders, HTTP) takes files from
 * its inbox: good ones end in archive/ with their status recorded, bad ones in failed/ with a reason.
 */
class InboxToArchiveTest extends ServiceOnTempHome {
    static final Path SEEDS = Path.of("fixtures/seeds");

    static Stream<Path> seeds() throws IOException {
        try (Stream<Path> s = Files.list(SEEDS)) {
            return s.filter(p -> p.toString().endsWith(".txt")).sorted().toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void seedTextEndsInArchiveWithItsStatusRecorded(Path seed) throws Exception {
        String name = seed.getFileName().toString();
        service.drop(seed, name);
        Path archived = service.awaitIn(service.archive(), name);

        assertThat(archived).hasSameBinaryContentAs(seed);
        JsonNode doc = documentBySha(sha256(seed));
        assertThat(doc.get("fileName").asText()).isEqualTo(name);
        assertThat(doc.get("status").asText()).isIn("DONE", "NEEDS_REVIEW");
        assertThat(doc.get("type").asText()).isEqualTo("text/plain");
        assertThat(doc.get("pages").asInt()).isEqualTo(1);
        assertThat(doc.get("receivedAt").asText()).isNotBlank();
        assertThat(doc.get("finishedAt").asText()).isNotBlank();
        assertThat(Files.exists(service.failed().resolve(name))).isFalse();
    }

    static Stream<Arguments> badInputs() throws IOException {
        return Stream.of(
                Arguments.of("empty.txt", new byte[0], "EMPTY_FILE"),
                Arguments.of("report-really-a-word-file.pdf", BadInputs.docx(), "UNSUPPORTED_TYPE"),
                Arguments.of("reports.zip", BadInputs.zipArchive(), "UNSUPPORTED_TYPE"),
                Arguments.of("damaged.pdf", BadInputs.corruptPdf(), "CORRUPT"),
                Arguments.of("locked.pdf", BadInputs.encryptedPdf(), "ENCRYPTED"),
                Arguments.of("broken-scan.tif", BadInputs.corruptTiff(), "CORRUPT"));
    }

    @ParameterizedTest
    @MethodSource("badInputs")
    void badInputEndsInFailedWithAnErrorFileSayingWhyAndWhatToDo(String name, byte[] content, String code) throws Exception {
        service.drop(content, name);
        Path failed = service.awaitIn(service.failed(), name);
        Path errorFile = failed.resolveSibling(name + ".error.json");

        assertThat(failed).hasBinaryContent(content);
        assertThat(errorFile).exists();
        JsonNode error = Json.MAPPER.readTree(errorFile.toFile());
        assertThat(error.get("file").asText()).isEqualTo(name);
        assertThat(error.get("code").asText()).isEqualTo(code);
        assertThat(error.get("reason").asText()).isNotBlank();
        assertThat(error.get("action").asText()).isNotBlank();
        assertSaysItPlainly(errorFile);
        JsonNode doc = documentBySha(sha256(content));
        assertThat(doc.get("status").asText()).isEqualTo("FAILED");
        assertThat(doc.get("error").asText()).isEqualTo(error.get("reason").asText());
        assertThat(doc.get("storedAs").asText()).isEqualTo(failed.toString());
    }

    @Test
    void oddFileNamesAreProcessedLikeAnyOther() throws Exception {
        byte[] content = (Files.readString(SEEDS.resolve("003_1a3ae03f6167b21e.txt")) + "\n附：名称测试\n")
                .getBytes(StandardCharsets.UTF_8);
        String name = "部门决算 2023 (final) $HOME;rm -rf `x` & 'y'.txt";
        service.drop(content, name);
        service.awaitIn(service.archive(), name);
        assertThat(documentBySha(sha256(content)).get("fileName").asText()).isEqualTo(name);
    }

    @Test
    void gbkEncodedTextIsDetectedAndProcessed() throws Exception {
        byte[] content = "收入支出决算总表\n单位：万元\n本年收入合计\t1,000.00\n".getBytes("GB18030");
        service.drop(content, "gbk-report.txt");
        service.awaitIn(service.archive(), "gbk-report.txt");
        assertThat(documentBySha(sha256(content)).get("status").asText()).isIn("DONE", "NEEDS_REVIEW");
    }

    @Test
    void sameContentDroppedTwiceUnderAnotherNameIsProcessedOnceAndRecordedAsDuplicate() throws Exception {
        byte[] content = (Files.readString(SEEDS.resolve("000_91c9528c206bc5a1.txt")) + "\n重复测试\n")
                .getBytes(StandardCharsets.UTF_8);
        service.drop(content, "first.txt");
        service.awaitIn(service.archive(), "first.txt");
        long firstId = documentBySha(sha256(content)).get("id").asLong();
        // a duplicate's stored name says what it is, also when its own name was free
        service.drop(content, "second copy.txt");
        service.awaitIn(service.archive(), "second copy.duplicate-of-" + firstId + ".txt");
        service.drop(content, "first.txt");
        Path third = service.awaitIn(service.archive(), "first.duplicate-of-" + firstId + ".txt");

        String sha = sha256(content);
        List<JsonNode> docs = service.allDocuments().stream()
                .filter(d -> d.get("sha256").asText().equals(sha)).toList();
        // seed 000 states figures that contradict each other (documented in its truth): the original needs review
        assertThat(docs).extracting(d -> d.get("status").asText()).containsExactly("NEEDS_REVIEW", "DUPLICATE", "DUPLICATE");
        long original = docs.get(0).get("id").asLong();
        assertThat(docs.subList(1, 3)).allSatisfy(d -> assertThat(d.get("duplicateOf").asLong()).isEqualTo(original));
        assertThat(docs.get(2).get("storedAs").asText()).isEqualTo(third.toString());
        JsonNode export = service.get("/api/documents/" + original + "/export");
        assertThat(export.get("document").asText()).isEqualTo("first");
    }

    @Test
    void slowlyCopiedFileIsTakenOnlyOnceComplete() throws Exception {
        byte[] content = (Files.readString(SEEDS.resolve("002_2cbfc221691712bf.txt")) + "\n慢速复制\n")
                .getBytes(StandardCharsets.UTF_8);
        Path target = service.inbox().resolve("slow-copy.txt");
        int chunks = 10;
        int size = content.length / chunks + 1;
        // written in place, a chunk every 300 ms for 3 s: far longer than the read lock's check interval,
        // with pauses shorter than the minimum age a file must rest before it is taken
        try (OutputStream out = Files.newOutputStream(target)) {
            for (int i = 0; i < content.length; i += size) {
                out.write(content, i, Math.min(size, content.length - i));
                out.flush();
                Thread.sleep(300); // the writer's pace, not a wait for the service
            }
        }
        Path archived = service.awaitIn(service.archive(), "slow-copy.txt");
        assertThat(archived).hasBinaryContent(content);
        List<JsonNode> taken = service.allDocuments().stream()
                .filter(d -> d.get("fileName").asText().equals("slow-copy.txt")).toList();
        assertThat(taken).singleElement().satisfies(doc -> {
            assertThat(doc.get("sizeBytes").asLong()).isEqualTo(content.length);
            assertThat(doc.get("sha256").asText()).isEqualTo(sha256(content));
        });
    }

    @Test
    void apiAnswersUnknownDocumentsWith404AndBadCursorsWith400() throws Exception {
        assertThat(service.getRaw("/api/documents/999999").statusCode()).isEqualTo(404);
        assertThat(service.getRaw("/api/documents?after=abc").statusCode()).isEqualTo(400);
        assertThat(service.getRaw("/api/documents?limit=0").statusCode()).isEqualTo(400);
        assertThat(service.get("/api/health").get("status").asText()).isEqualTo("UP");
    }

    /** Java class names ("java.io.EOFException", "IngestFailure: …") or library messages never reach the clerk. */
    static final java.util.regex.Pattern JAVA_CLASS = java.util.regex.Pattern.compile(
            "\\b[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)+\\.[A-Z]\\w*|\\b\\w*(Exception|Error|Failure)\\b|Exchange\\[");
    static final java.util.regex.Pattern CHINESE = java.util.regex.Pattern.compile("\\p{IsHan}");

    /** The error file speaks to a clerk: a reason and an action in Chinese and in English, no class names, no library text. */
    static void assertSaysItPlainly(Path errorFile) throws IOException {
        String text = Files.readString(errorFile);
        assertThat(JAVA_CLASS.matcher(text).find()).as("class name in " + text).isFalse();
        JsonNode error = Json.MAPPER.readTree(text);
        assertThat(error.has("detail")).as("no technical detail in " + text).isFalse();
        for (String field : List.of("reasonZh", "actionZh")) {
            assertThat(CHINESE.matcher(error.path(field).asText()).find()).as(field + " in Chinese: " + text).isTrue();
        }
        for (String field : List.of("reason", "action")) {
            assertThat(error.path(field).asText()).as(field).matches("(?s)[A-Z].*[.)]$");
        }
    }

    private JsonNode documentBySha(String sha) throws Exception {
        return service.allDocuments().stream().filter(d -> d.get("sha256").asText().equals(sha)).findFirst().orElseThrow();
    }

    static String sha256(Path p) throws Exception {
        return sha256(Files.readAllBytes(p));
    }

    static String sha256(byte[] b) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
    }
}
