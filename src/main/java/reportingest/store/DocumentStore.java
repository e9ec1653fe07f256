package reportingest.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Registration and lifecycle of documents. */
public final class DocumentStore {
    private static final String COLUMNS = "id, file_name, sha256, size_bytes, media_type, pages, status, flags, unit, "
            + "fiscal_year, duplicate_of, error_reason, stored_as, attempts, received_at, finished_at, kind, doc_level, facts_json, node";

    private final Database db;
    private final String node;
    private final Duration lease;

    /** A store for tools and tests: documents are recorded as taken by node "local". */
    public DocumentStore(Database db) {
        this(db, "local", Duration.ofSeconds(30));
    }

    /**
     * @param node  this node's name, recorded on each document it takes
     * @param lease how long this node's claim on a document's run holds unless {@link #renewLeases renewed}
     */
    public DocumentStore(Database db, String node, Duration lease) {
        this.db = db;
        this.node = node;
        this.lease = lease;
    }

    public String node() { return node; }

    /**
     * Registers a file by content, so that nothing is processed twice and no file makes two rows:
     * <ul>
     * <li>the same file (same name and content) whose row has no place yet ({@code stored_as} empty: its run
     * was interrupted, or it could not be moved out of the inbox) is taken up again under that row; if the
     * row is already final, it only needs placing ({@link Registration#processed()});</li>
     * <li>content whose earlier run was interrupted (RECEIVED, PROCESSING) is taken up again under that row;</li>
     * <li>content that was already ingested successfully yields a new DUPLICATE row pointing at the original;</li>
     * <li>anything else, a second failed file of the same content too, gets a row of its own.</li>
     * </ul>
     */
    public Registration register(String fileName, String sha256, long sizeBytes) {
        claimContentKey(sha256);
        return db.inTransaction(c -> {
            // one registration of a content at a time, across workers and nodes: it waits here for the other's commit
            try (PreparedStatement ps = c.prepareStatement("SELECT sha256 FROM content_key WHERE sha256 = ? FOR UPDATE")) {
                ps.setString(1, sha256);
                ps.executeQuery().close();
            }
            Long original = null;
            Long interrupted = null;
            int interruptedAttempts = 0;
            Long busy = null;
            String busyNode = null;
            OffsetDateTime now = now();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT id, file_name, status, attempts, stored_as, error_reason, node, lease_until FROM document "
                            + "WHERE sha256 = ? ORDER BY id FOR UPDATE")) {
                ps.setString(1, sha256);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        long id = rs.getLong("id");
                        DocumentStatus status = DocumentStatus.valueOf(rs.getString("status"));
                        boolean unplaced = rs.getString("stored_as") == null;
                        if (unplaced && fileName.equals(rs.getString("file_name"))) {
                            boolean processed = status.succeeded() || status == DocumentStatus.DUPLICATE;
                            // what became of the earlier run: read before reopen() clears its error
                            Registration.Earlier earlier = processed ? Registration.Earlier.PROCESSED_NOT_PLACED
                                    : status == DocumentStatus.FAILED ? Registration.Earlier.FAILED_NOT_PLACED
                                    : Registration.Earlier.INTERRUPTED;
                            String error = rs.getString("error_reason");
                            if (!processed) reopen(c, id, fileName);
                            return new Registration(id, status == DocumentStatus.DUPLICATE ? duplicateOf(c, id) : null,
                                    rs.getInt("attempts") + (processed ? 0 : 1), processed, earlier, error);
                        }
                        if (status.succeeded() && original == null) original = id;
                        if (unplaced && (status == DocumentStatus.RECEIVED || status == DocumentStatus.PROCESSING)) {
                            OffsetDateTime leaseUntil = rs.getObject("lease_until", OffsetDateTime.class);
                            if (leaseUntil != null && leaseUntil.isAfter(now)) {
                                // its run is alive, under another file name: this one waits for it
                                if (busy == null) {
                                    busy = id;
                                    busyNode = rs.getString("node");
                                }
                            } else if (interrupted == null) {
                                interrupted = id;
                                interruptedAttempts = rs.getInt("attempts");
                            }
                        }
                    }
                }
            }
            if (original != null) {
                long id = insert(c, fileName, sha256, sizeBytes, DocumentStatus.DUPLICATE, original);
                return new Registration(id, original, 1);
            }
            if (busy != null) return Registration.busy(busy, busyNode);
            if (interrupted != null) {
                reopen(c, interrupted, fileName);
                return new Registration(interrupted, null, interruptedAttempts + 1);
            }
            return new Registration(insert(c, fileName, sha256, sizeBytes, DocumentStatus.RECEIVED, null), null, 1);
        });
    }

    private void reopen(Connection c, long id, String fileName) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE document SET file_name = ?, status = 'RECEIVED', attempts = attempts + 1, "
                        + "error_reason = NULL, finished_at = NULL, received_at = ?, node = ?, lease_until = ? WHERE id = ?")) {
            OffsetDateTime now = now();
            ps.setString(1, fileName);
            ps.setObject(2, now);
            ps.setString(3, node);
            ps.setObject(4, now.plus(lease));
            ps.setLong(5, id);
            ps.executeUpdate();
        }
    }

    /** The content's row in content_key, made once; a second node making it at the same moment is no error. */
    private void claimContentKey(String sha256) {
        try {
            db.inTransaction(c -> {
                try (PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO content_key (sha256) SELECT CAST(? AS CHAR(64)) WHERE NOT EXISTS (SELECT 1 FROM content_key WHERE sha256 = ?)")) {
                    ps.setString(1, sha256);
                    ps.setString(2, sha256);
                    return ps.executeUpdate();
                }
            });
        } catch (RuntimeException e) {
            if (!duplicateKey(e)) throw e;
        }
    }

    private static boolean duplicateKey(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && "23505".equals(sql.getSQLState())) return true;
        }
        return false;
    }

    /**
     * Extends this node's claim on the runs of these documents (the ones it is working on): a claim that is not
     * renewed runs out, and the same content under another file name is then taken up by whoever holds it.
     */
    public void renewLeases(java.util.Collection<Long> documentIds) {
        if (documentIds.isEmpty()) return;
        db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE document SET lease_until = ? WHERE id = ? AND node = ?")) {
                OffsetDateTime until = now().plus(lease);
                for (long id : documentIds) {
                    ps.setObject(1, until);
                    ps.setLong(2, id);
                    ps.setString(3, node);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return null;
        });
    }

    private static Long duplicateOf(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT duplicate_of FROM document WHERE id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? (Long) rs.getObject("duplicate_of", Long.class) : null;
            }
        }
    }

    /**
     * A row for an entry of the inbox that is not a file the service may read (a link, a FIFO, a device):
     * FAILED at once with its reason; no content, so no sha256. {@code place} moves the entry out of the
     * inbox given the new row's id and says where it went; if it throws, no row is left.
     */
    public long recordRefused(String fileName, String reason, java.util.function.LongFunction<String> place) {
        return db.inTransaction(c -> {
            long id;
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO document (file_name, sha256, size_bytes, status, error_reason, received_at, finished_at, node) "
                            + "VALUES (?, NULL, 0, 'FAILED', ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
                OffsetDateTime now = now();
                ps.setString(1, truncate(fileName, 1024));
                ps.setString(2, truncate(reason, 4000));
                ps.setObject(3, now);
                ps.setObject(4, now);
                ps.setString(5, node);
                ps.executeUpdate();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    keys.next();
                    id = keys.getLong(1);
                }
            }
            String storedAs = place.apply(id);
            try (PreparedStatement ps = c.prepareStatement("UPDATE document SET stored_as = ? WHERE id = ?")) {
                ps.setString(1, truncate(storedAs, 2048));
                ps.setLong(2, id);
                ps.executeUpdate();
            }
            return id;
        });
    }

    private long insert(Connection c, String fileName, String sha256, long size, DocumentStatus status, Long duplicateOf)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO document (file_name, sha256, size_bytes, status, duplicate_of, received_at, finished_at, "
                        + "node, lease_until) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
            OffsetDateTime now = now();
            boolean finished = status == DocumentStatus.DUPLICATE;
            ps.setString(1, fileName);
            ps.setString(2, sha256);
            ps.setLong(3, size);
            ps.setString(4, status.name());
            ps.setObject(5, duplicateOf);
            ps.setObject(6, now);
            ps.setObject(7, finished ? now : null);
            ps.setString(8, node);
            ps.setObject(9, finished ? null : now.plus(lease));
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    public void markProcessing(long id, String mediaType) {
        update("UPDATE document SET status = 'PROCESSING', media_type = ? WHERE id = ?", mediaType, id);
    }

    public void markFailed(long id, String reason) {
        update("UPDATE document SET status = 'FAILED', error_reason = ?, finished_at = ? WHERE id = ?",
                truncate(reason, 4000), now(), id);
    }

    /** Where the original file now lies (archive/ or failed/), for operators looking for it. */
    public void recordStoredAs(long id, String path) {
        update("UPDATE document SET stored_as = ? WHERE id = ?", truncate(path, 2048), id);
    }

    private void update(String sql, Object... args) {
        db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (int i = 0; i < args.length; i++) ps.setObject(i + 1, args[i]);
                return ps.executeUpdate();
            }
        });
    }

    public Optional<DocumentRecord> find(long id) {
        return db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM document WHERE id = ?")) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(read(rs)) : Optional.empty();
                }
            }
        });
    }

    /** Documents in id order after the cursor; one more than asked is read to tell whether a next page exists. */
    public List<DocumentRecord> listAfter(long afterId, int limit) {
        return db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT " + COLUMNS + " FROM document WHERE id > ? ORDER BY id LIMIT ?")) {
                ps.setLong(1, afterId);
                ps.setInt(2, limit);
                List<DocumentRecord> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) out.add(read(rs));
                }
                return out;
            }
        });
    }

    /** Every document's place (id order): the ledger's rows. Reads four small columns, not the records. */
    public List<DocumentPlace> places() {
        return db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT id, file_name, status, stored_as FROM document ORDER BY id");
                 ResultSet rs = ps.executeQuery()) {
                List<DocumentPlace> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(new DocumentPlace(rs.getLong(1), rs.getString(2), DocumentStatus.valueOf(rs.getString(3)),
                            rs.getString(4)));
                }
                return out;
            }
        });
    }

    public List<DocumentRecord> findBySha256(String sha256) {
        return db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM document WHERE sha256 = ? ORDER BY id")) {
                ps.setString(1, sha256);
                List<DocumentRecord> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) out.add(read(rs));
                }
                return out;
            }
        });
    }

    /** Reading progress: the page count (when known) and the pages read so far; readers see it as it happens. */
    public void progress(long id, Integer pages, int pagesDone) {
        db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE document SET pages = COALESCE(?, pages), pages_done = ? WHERE id = ?")) {
                ps.setObject(1, pages);
                ps.setInt(2, pagesDone);
                ps.setLong(3, id);
                ps.executeUpdate();
            }
            return null;
        });
    }

    /** Pages read so far of the document (null before reading started). */
    public Integer pagesDone(long id) {
        return db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT pages_done FROM document WHERE id = ?")) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? (Integer) rs.getObject(1) : null;
                }
            }
        });
    }

    static DocumentRecord read(ResultSet rs) throws SQLException {
        return new DocumentRecord(
                rs.getLong("id"), rs.getString("file_name"), rs.getString("sha256"), rs.getLong("size_bytes"),
                rs.getString("media_type"), (Integer) rs.getObject("pages"),
                DocumentStatus.valueOf(rs.getString("status")), Json.readStrings(rs.getString("flags")),
                rs.getString("unit"), (Integer) rs.getObject("fiscal_year"),
                rs.getObject("duplicate_of") == null ? null : rs.getLong("duplicate_of"),
                rs.getString("error_reason"), rs.getString("stored_as"), rs.getInt("attempts"),
                rs.getObject("received_at", OffsetDateTime.class), rs.getObject("finished_at", OffsetDateTime.class),
                rs.getString("kind"), rs.getString("doc_level"),
                rs.getString("facts_json") == null ? null : Json.readObject(rs.getString("facts_json")), rs.getString("node"));
    }

    public static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }

    public static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
