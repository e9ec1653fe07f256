package reportingest.store;

import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcConnectionPool;
import reportingest.config.IngestConfig;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * The database: an embedded H2 file by default, any JDBC database by configuration.
 * The schema is migrated with Flyway (versioned scripts in db/migration) before anything runs.
 */
public final class Database implements AutoCloseable {
    private final DataSource dataSource;
    private final AutoCloseable pool;

    private Database(DataSource dataSource, AutoCloseable pool) {
        this.dataSource = dataSource;
        this.pool = pool;
    }

    public static Database open(IngestConfig config) {
        String url = config.jdbcUrl();
        DataSource ds;
        AutoCloseable closer = null;
        if (url.startsWith("jdbc:h2:")) {
            JdbcConnectionPool pool = JdbcConnectionPool.create(url, config.jdbcUser(), config.jdbcPassword());
            pool.setMaxConnections(16);
            ds = pool;
            closer = pool::dispose;
        } else {
            ds = new SimpleDriverDataSource(url, config.jdbcUser(), config.jdbcPassword());
        }
        Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
        return new Database(ds, closer);
    }

    public DataSource dataSource() { return dataSource; }

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
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(auto);
            }
        } catch (SQLException e) {
            throw new StoreException("database error: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() throws Exception {
        if (pool != null) pool.close();
    }

    @FunctionalInterface
    public interface SqlWork<T> {
        T run(Connection c) throws SQLException;
    }
}
