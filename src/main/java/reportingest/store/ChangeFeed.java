package reportingest.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The change sequence of the pull feed.
 *
 * <p>Why a locked counter row rather than a database sequence: transactions that take numbers from a
 * sequence can commit out of order (A takes 10, B takes 11, B commits, a client pulls up to 11,
 * then A commits 10, which that client never sees). Here a writer reads the counter row FOR UPDATE
 * and keeps the row lock until it commits, so the numbers of one writer are all committed before the
 * next writer can take any: the committed numbers are always a prefix of the numbers handed out
 * (less gaps of rolled-back writers, which never fill). {@link #horizon} read before a page is read
 * is therefore a safe cursor. The cost is that writers of cells (a document's store, a review action)
 * run one at a time; each is one short transaction.
 */
public final class ChangeFeed {
    private final Connection connection;
    private final long first;
    private long last;

    private ChangeFeed(Connection connection, long last) {
        this.connection = connection;
        this.first = last;
        this.last = last;
    }

    /** Takes the feed lock for the rest of the transaction on {@code c}. */
    public static ChangeFeed claim(Connection c) throws SQLException {
        waitLongerForLocks(c);
        try (PreparedStatement ps = c.prepareStatement("SELECT last_seq FROM change_feed WHERE id = 1 FOR UPDATE");
             ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) throw new SQLException("change_feed has no counter row (migration V2 missing?)");
            return new ChangeFeed(c, rs.getLong(1));
        }
    }

    /** The next change number; {@link #commit} must be called before the transaction commits. */
    public long next() {
        return ++last;
    }

    /** Writes the counter back (still under the lock: the transaction's commit releases it). */
    public void commit() throws SQLException {
        if (last == first) return;
        try (PreparedStatement ps = connection.prepareStatement("UPDATE change_feed SET last_seq = ? WHERE id = 1")) {
            ps.setLong(1, last);
            ps.executeUpdate();
        }
    }

    /** The highest committed change number: every change at or below it is committed and visible. */
    public static long horizon(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT last_seq FROM change_feed WHERE id = 1");
             ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    /**
     * H2 gives up on a row lock after 1 s by default; a document's store can hold the feed lock
     * longer than that on a busy machine, so writers wait up to 30 s (other databases wait anyway).
     */
    private static void waitLongerForLocks(Connection c) throws SQLException {
        if (!c.getMetaData().getDatabaseProductName().startsWith("H2")) return;
        try (var st = c.createStatement()) {
            st.execute("SET LOCK_TIMEOUT 30000");
        }
    }
}
