package reportingest.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import reportingest.config.IngestConfig;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * The database: an embedded H2 file by default, any JDBC database by configuration, through a HikariCP pool.
 * The pool checks a connection before handing it out: a database that closed itself (H2 does when its disk is
 * full) is opened again by the next connection, and one that was unreachable is reached again, without a restart.
 * The schema is migrated with Flyway (versioned scripts in db/migration) before anything runs. H2 and PostgreSQL
 * are supported: several nodes share one PostgreSQL database (issue #13).
 */
public final class Database implements AutoCloseable {
    private final HikariDataSource dataSource;

    private Database(HikariDataSource dataSource) {
        this.dataSource = dataSource;
    }

    public static Database open(IngestConfig config) {
        HikariConfig hc = new HikariConfig();
        hc.setJdbcUrl(config.jdbcUrl());
        hc.setUsername(config.jdbcUser());
        hc.setPassword(config.jdbcPassword());
        hc.setMaximumPoolSize(16);
        hc.setPoolName("ingest-db");
        // a file waits this long for a connection before its run is deferred (the file stays in the inbox)
        hc.setConnectionTimeout(10_000);
        hc.setValidationTimeout(2_000);
        // a real query: an H2 session whose database closed itself still says it is valid
        hc.setConnectionTestQuery("SELECT 1");
        HikariDataSource ds = new HikariDataSource(hc);
        try {
            // portable scripts, then the few that differ per database (db/migration/h2, db/migration/postgresql)
            Flyway.configure().dataSource(ds)
                    .locations("classpath:db/migration/common", "classpath:db/migration/" + vendor(ds))
                    .load().migrate();
        } catch (RuntimeException e) {
            ds.close();
            throw e;
        }
        return new Database(ds);
    }

    /** The folder of a database's own migration scripts; a database other than H2 and PostgreSQL is refused. */
    private static String vendor(DataSource ds) {
        String product;
        try (Connection c = ds.getConnection()) {
            product = c.getMetaData().getDatabaseProductName();
        } catch (SQLException e) {
            throw new StoreException("cannot reach the database: " + e.getMessage(), e);
        }
        return switch (product) {
            case "H2" -> "h2";
            case "PostgreSQL" -> "postgresql";
            default -> throw new StoreException("the store runs on H2 or PostgreSQL, not on " + product, null);
        };
    }

    public DataSource dataSource() { return dataSource; }

    /** Whether a connection can be had and answers a query now. */
    public boolean reachable() {
        try {
            return inTransaction(c -> {
                try (var st = c.createStatement(); var rs = st.executeQuery("SELECT 1")) {
                    return rs.next();
                }
            });
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** Runs work in one transaction: all of it is stored, or none. */
    public <T> T inTransaction(SqlWork<T> work) {
        try (Connection c = dataSource.getConnection()) {
            boolean auto = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                if (e instanceof SQLException sql && lost(sql)) {
                    // the database closed itself or went away: this connection is dead, the next one opens it again
                    dataSource.evictConnection(c);
                    throw sql;
                }
                c.rollback();
                throw e;
            } finally {
                if (!c.isClosed()) c.setAutoCommit(auto);
            }
        } catch (SQLException e) {
            throw new StoreException("database error: " + e.getMessage(), e);
        }
    }

    /** SQLSTATE class 08 (connection exception), or H2's "database closed" (90098, after a write it could not make). */
    private static boolean lost(SQLException e) {
        String state = e.getSQLState();
        return (state != null && state.startsWith("08")) || e.getErrorCode() == 90098;
    }

    @Override
    public void close() {
        dataSource.close();
    }

    @FunctionalInterface
    public interface SqlWork<T> {
        T run(Connection c) throws SQLException;
    }
}
