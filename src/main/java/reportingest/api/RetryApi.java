package reportingest.api;

import org.apache.camel.ExchangeProperty;
import org.apache.camel.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reportingest.store.DocumentRecord;
import reportingest.store.DocumentStatus;
import reportingest.store.DocumentStore;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * {@code POST /api/documents/{id}/retry}: a failed file is taken again once what made it fail was put right (a limit
 * raised, the service fixed, a folder writable again). A copy of the original in failed/ goes into the inbox under the
 * name it came with; the service takes it like any dropped file, under a row of its own (a failed file of the same
 * content is never a duplicate). The original and its error file stay in failed/: nothing is moved or deleted.
 */
public final class RetryApi {
    private static final Logger log = LoggerFactory.getLogger(RetryApi.class);

    private final DocumentStore documents;
    private final Path inbox;
    private final Path failed;

    public RetryApi(DocumentStore documents, Path inbox, Path failed) {
        this.documents = documents;
        this.inbox = inbox.toAbsolutePath().normalize();
        this.failed = failed.toAbsolutePath().normalize();
    }

    public ApiResponse retry(@Header("id") String idParam, @ExchangeProperty(ApiToken.SIGNED_IN) String signedIn) {
        long id = Params.requiredId("document id", idParam);
        DocumentRecord d = documents.find(id).orElseThrow(() -> Params.notFound("no document " + id));
        if (d.status() != DocumentStatus.FAILED) {
            return ApiResponse.error(409, "only a failed file can be retried; document " + id + " is " + d.status());
        }
        if (d.storedAs() == null) return ApiResponse.error(409, "document " + id + " is not in failed/ yet: it is still waiting in the inbox");
        Path original = Path.of(d.storedAs()).toAbsolutePath().normalize();
        if (!original.startsWith(failed) || !Files.isRegularFile(original, LinkOption.NOFOLLOW_LINKS)) {
            return ApiResponse.error(409, "document " + id + " has no regular file in failed/ to take again (a link, a FIFO or a"
                    + " device is never read): drop the file into the inbox yourself");
        }
        String name = d.fileName();
        if (!takeable(name)) {
            return ApiResponse.error(409, "the name '" + name + "' is one the inbox does not take (" + "a path, a hidden or partial"
                    + " file, or too long): copy the file from failed/ into the inbox under another name");
        }
        Path target = inbox.resolve(name);
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            return ApiResponse.error(409, "a file named '" + name + "' is already waiting in the inbox");
        }
        // copied beside the target under a hidden name (the inbox ignores those), then renamed: never taken half-written
        Path staging = inbox.resolve(".retry-" + id + "-" + System.nanoTime());
        try {
            Files.copy(original, staging, LinkOption.NOFOLLOW_LINKS);
            if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                Files.delete(staging);
                return ApiResponse.error(409, "a file named '" + name + "' is already waiting in the inbox");
            }
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            try {
                Files.deleteIfExists(staging);
            } catch (IOException ignored) {
                // the hidden copy stays; the inbox never takes it
            }
            log.warn("Retry of failed document {} ('{}') could not copy it into the inbox: {}", id, name, e.getMessage());
            return ApiResponse.error(503, "the file could not be copied into the inbox (" + e.getClass().getSimpleName()
                    + "): is the inbox writable and the disk not full?");
        }
        log.info("Retry of failed document {} by {}: '{}' copied from failed/ into the inbox", id,
                signedIn == null ? "an API client" : signedIn, name);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("documentId", id);
        body.put("fileName", name);
        body.put("inbox", name);
        body.put("message", "copied into the inbox: it is taken again as a new document");
        body.put("messageZh", "已复制回收件箱，将作为新文档重新处理。");
        return ApiResponse.ok(body);
    }

    private static boolean takeable(String name) {
        if (name == null || name.isEmpty() || name.startsWith(".") || name.contains("/") || name.contains("\\")) return false;
        if (name.getBytes(StandardCharsets.UTF_8).length > 255) return false;
        String lower = name.toLowerCase(Locale.ROOT);
        return !(lower.endsWith(".part") || lower.endsWith(".tmp") || lower.endsWith(".crdownload"));
    }
}
