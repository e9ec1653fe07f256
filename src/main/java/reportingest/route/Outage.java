package reportingest.route;

import reportingest.store.StoreException;

import java.nio.file.FileSystemException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.Locale;
import java.util.Optional;

/**
 * A fault of the service's surroundings, not of the file: the disk of its home is full, or its database
 * cannot be reached. A file caught by one is not failed: it stays in the inbox, nothing of its run is kept,
 * and it is taken again once the service can store and place it ({@link IntakeGate}).
 *
 * @param reason what is wrong, in words for the operator ("the disk of … is full")
 * @param kind   DISK_FULL or DATABASE_UNREACHABLE
 */
public record Outage(Kind kind, String reason) {
    public enum Kind { DISK_FULL, DATABASE_UNREACHABLE }

    /** The outage behind an error, if the error is one; anything else is the file's or the service's own fault. */
    public static Optional<Outage> of(Throwable error) {
        boolean database = false;
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (diskFull(t)) return Optional.of(new Outage(Kind.DISK_FULL, "the disk holding the service's home is full"));
            if (t instanceof StoreException) database = true;
            if (t instanceof SQLException sql && unreachable(sql)) database = true;
        }
        // a database error whose cause is not the disk: the connection failed, or the database closed itself
        return database && connectionLost(error)
                ? Optional.of(new Outage(Kind.DATABASE_UNREACHABLE, "the database cannot be reached"))
                : Optional.empty();
    }

    /** ENOSPC or EDQUOT, whichever layer (NIO, H2's store, the SQL error over it) carries the words. */
    private static boolean diskFull(Throwable t) {
        String m = t instanceof FileSystemException f && f.getReason() != null ? f.getReason() : t.getMessage();
        if (m == null) return false;
        String s = m.toLowerCase(Locale.ROOT);
        return s.contains("no space left on device") || s.contains("disk quota exceeded");
    }

    private static boolean connectionLost(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && unreachable(sql)) return true;
        }
        return false;
    }

    /**
     * SQLSTATE class 08 (connection exception), the pool's time-out, and H2's "database closed" (90098) and
     * file-level errors (90028 IO exception, 90020 database in use by another process, 90031 IO exception).
     */
    private static boolean unreachable(SQLException e) {
        if (e instanceof SQLTransientConnectionException || e instanceof SQLNonTransientConnectionException) return true;
        String state = e.getSQLState();
        if (state != null && state.startsWith("08")) return true;
        int code = e.getErrorCode();
        return code == 90098 || code == 90028 || code == 90020 || code == 90031;
    }
}
