package reportingest.route;

import reportingest.config.IngestConfig;
import reportingest.store.DocumentPlace;
import reportingest.store.DocumentStatus;
import reportingest.store.DocumentStore;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Every file the service has seen, by state, reconciled with the folders (GET /api/ledger). A file is a document
 * row, or an entry of the inbox that has none yet; each is in exactly one state:
 * <ul>
 * <li>{@code inbox}: waiting in inbox/, not taken yet (no row; {@link InboxEntries#counted}: partial downloads,
 * hidden files and sub-folders are left alone and not counted, only reported as {@code ignored});</li>
 * <li>{@code inProgress}: taken, not placed yet: its row has no {@code storedAs}, its file is still in inbox/ (being
 * read, or processed and waiting to be moved while a folder cannot be written);</li>
 * <li>{@code done}, {@code needsReview}, {@code rejected}: processed, the original in archive/ (together: {@code archive});</li>
 * <li>{@code failed}: the original in failed/ with its error file;</li>
 * <li>{@code duplicate}: content ingested before, the original in archive/, not processed again.</li>
 * </ul>
 * {@code seen = inbox + inProgress + archive + failed + duplicate}. The ledger {@code reconciles} when the folders
 * hold exactly these files: every in-progress row's file in inbox/, every archived and duplicate row's file in
 * archive/, every failed row's file in failed/, and no file in archive/ or failed/ without a row. Otherwise
 * {@code discrepancies} says what does not match. Error files are checked too, but only as {@code warnings} (an
 * error file left without its file by a kill, a failed file whose error file is missing): they are not files seen.
 * Nor are the review files ({@code <name>.review.json}) beside originals in archive/ that need review; one without
 * its file is a warning.
 * A file moving at the moment of a look can be seen in two places; the ledger then looks again (at most
 * {@value #LOOKS} times) before it reports a mismatch.
 */
public final class Ledger {
    /** The states in the order the answer lists them. */
    public static final List<String> STATES = List.of("inbox", "inProgress", "done", "needsReview", "rejected", "failed", "duplicate");
    static final int LOOKS = 3;
    private static final String ERROR_SUFFIX = ".error.json";
    private static final int MAX_LISTED = 20;

    private final IngestConfig config;
    private final DocumentStore documents;

    public Ledger(IngestConfig config, DocumentStore documents) {
        this.config = config;
        this.documents = documents;
    }

    /** One file in the ledger: a document row (documentId set) or an inbox entry without one. */
    public record Entry(String state, Long documentId, String fileName, String status, String storedAs) {}

    /** What the ledger saw at one look. */
    public record Snapshot(Map<String, List<Entry>> byState, Map<String, Integer> folders, int ignored,
                           List<String> discrepancies, List<String> warnings, OffsetDateTime asOf) {
        public int count(String state) { return byState.get(state).size(); }

        public int seen() { return byState.values().stream().mapToInt(List::size).sum(); }

        public int archive() { return count("done") + count("needsReview") + count("rejected"); }

        public boolean reconciles() { return discrepancies.isEmpty(); }

        /** The answer of GET /api/ledger without items. */
        public Map<String, Object> json() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("seen", seen());
            Map<String, Object> counts = new LinkedHashMap<>();
            for (String s : STATES) counts.put(s, count(s));
            m.put("counts", counts);
            m.put("archive", archive());
            m.put("reconciles", reconciles());
            m.put("folders", folders);
            m.put("ignored", ignored);
            m.put("discrepancies", discrepancies);
            m.put("warnings", warnings);
            m.put("asOf", asOf.toString());
            return m;
        }

        /** The files of one state after the cursor (document id, or the file name for the inbox), and the next cursor. */
        public Map<String, Object> json(String state, int limit, String after) {
            Map<String, Object> m = json();
            List<Entry> all = byState.get(state);
            int from = 0;
            if (after != null && !after.isEmpty()) {
                while (from < all.size() && !isAfter(all.get(from), after)) from++;
            }
            List<Entry> page = all.subList(from, Math.min(all.size(), from + limit));
            List<Map<String, Object>> items = new ArrayList<>();
            for (Entry e : page) {
                Map<String, Object> item = new LinkedHashMap<>();
                if (e.documentId() != null) item.put("documentId", e.documentId());
                item.put("fileName", e.fileName());
                if (e.status() != null) item.put("status", e.status());
                if (e.documentId() != null) item.put("storedAs", e.storedAs());
                items.add(item);
            }
            m.put("state", state);
            m.put("items", items);
            m.put("next", from + limit < all.size() && !page.isEmpty() ? cursor(page.get(page.size() - 1)) : null);
            return m;
        }

        private static boolean isAfter(Entry e, String cursor) {
            if (e.documentId() == null) return e.fileName().compareTo(cursor) > 0;
            try {
                return e.documentId() > Long.parseLong(cursor);
            } catch (NumberFormatException x) {
                throw new IllegalArgumentException("after must be a document id (a whole number) for this state");
            }
        }

        private static String cursor(Entry e) {
            return e.documentId() == null ? e.fileName() : String.valueOf(e.documentId());
        }
    }

    /** The ledger now; looked at again while it does not reconcile, in case a file was moving. */
    public Snapshot snapshot() {
        Snapshot s = look();
        for (int i = 1; i < LOOKS && !s.reconciles(); i++) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return s;
            }
            s = look();
        }
        return s;
    }

    Snapshot look() {
        InboxEntries.Listing inbox = InboxEntries.list(config.inbox());
        List<DocumentPlace> rows = documents.places();
        Set<String> archived = entries(config.archive());
        Set<String> failedEntries = entries(config.failed());

        Map<String, List<Entry>> byState = new LinkedHashMap<>();
        for (String s : STATES) byState.put(s, new ArrayList<>());
        List<String> discrepancies = new ArrayList<>();
        List<String> warnings = new ArrayList<>();

        // unplaced rows claim the inbox entry of their name
        Map<String, Deque<DocumentPlace>> unplacedByName = new HashMap<>();
        Set<String> expectedInArchive = new HashSet<>();
        Set<String> expectedInFailed = new HashSet<>();
        for (DocumentPlace row : rows) {
            String state = state(row);
            String status = row.status().name();
            byState.get(state).add(new Entry(state, row.id(), row.fileName(), status, row.storedAs()));
            if (row.storedAs() == null) {
                unplacedByName.computeIfAbsent(row.fileName(), k -> new ArrayDeque<>()).add(row);
                continue;
            }
            if (!row.status().succeeded() && row.status() != DocumentStatus.DUPLICATE && row.status() != DocumentStatus.FAILED) {
                discrepancies.add("document " + row.id() + " ('" + row.fileName() + "') is " + status + " but its file was placed at "
                        + row.storedAs());
                continue;
            }
            boolean failed = row.status() == DocumentStatus.FAILED;
            String folder = failed ? "failed/" : "archive/";
            String stored = Path.of(row.storedAs()).getFileName().toString();
            if (!(failed ? expectedInFailed : expectedInArchive).add(stored)) {
                discrepancies.add("document " + row.id() + " says its file is " + folder + stored + ", as another document does");
            } else if (!(failed ? failedEntries : archived).contains(stored)) {
                discrepancies.add("document " + row.id() + " ('" + row.fileName() + "', " + status + "): its file " + folder + stored
                        + " is not there");
            }
        }
        for (String name : new TreeSet<>(inbox.counted())) {
            Deque<DocumentPlace> claim = unplacedByName.get(name);
            if (claim != null && !claim.isEmpty()) {
                claim.removeFirst();
            } else {
                byState.get("inbox").add(new Entry("inbox", null, name, null, null));
            }
        }
        unplacedByName.values().forEach(left -> left.forEach(row -> discrepancies.add("document " + row.id() + " ('"
                + row.fileName() + "', " + row.status() + ") is not placed yet, but its file is not in the inbox")));
        int archivedFiles = 0;
        for (String name : new TreeSet<>(archived)) {
            if (expectedInArchive.contains(name)) {
                archivedFiles++;
            } else if (name.endsWith(Placement.REVIEW_SUFFIX)) {
                // a review file beside an original that needs review: not a file of its own, like an error file
                String file = name.substring(0, name.length() - Placement.REVIEW_SUFFIX.length());
                if (!expectedInArchive.contains(file)) warnings.add("archive/" + name + " is the review file of no file in archive/");
            } else {
                archivedFiles++;
                discrepancies.add("archive/" + name + " has no document row");
            }
        }
        int failedFiles = 0;
        for (String name : new TreeSet<>(failedEntries)) {
            if (expectedInFailed.contains(name)) {
                failedFiles++;
                if (!failedEntries.contains(name + ERROR_SUFFIX)) warnings.add("failed/" + name + " has no error file beside it");
            } else if (name.endsWith(ERROR_SUFFIX)) {
                String file = name.substring(0, name.length() - ERROR_SUFFIX.length());
                if (!expectedInFailed.contains(file)) warnings.add("failed/" + name + " is the error file of no file in failed/");
            } else {
                failedFiles++;
                discrepancies.add("failed/" + name + " has no document row");
            }
        }

        Map<String, Integer> folders = new LinkedHashMap<>();
        folders.put("inbox", inbox.counted().size());
        folders.put("archive", archivedFiles);
        folders.put("failed", failedFiles);
        return new Snapshot(byState, folders, inbox.ignored(), cut(discrepancies), cut(warnings), OffsetDateTime.now(ZoneOffset.UTC));
    }

    /** The state of a document row. */
    static String state(DocumentPlace row) {
        if (row.storedAs() == null) return "inProgress";
        return switch (row.status()) {
            case DONE -> "done";
            case NEEDS_REVIEW -> "needsReview";
            case REJECTED -> "rejected";
            case FAILED -> "failed";
            case DUPLICATE -> "duplicate";
            case RECEIVED, PROCESSING -> "inProgress";
        };
    }

    private static Set<String> entries(Path folder) {
        Set<String> out = new HashSet<>();
        if (!Files.isDirectory(folder)) return out;
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
            for (Path e : entries) out.add(e.getFileName().toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** At most a screenful of lines, and how many more there were. */
    private static List<String> cut(List<String> lines) {
        if (lines.size() <= MAX_LISTED) return List.copyOf(lines);
        List<String> out = new ArrayList<>(lines.subList(0, MAX_LISTED));
        out.add("… and " + (lines.size() - MAX_LISTED) + " more");
        return List.copyOf(out);
    }
}
