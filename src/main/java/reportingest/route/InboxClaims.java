package reportingest.route;

import org.apache.camel.CamelContext;
import org.apache.camel.CamelContextAware;
import org.apache.camel.processor.idempotent.jdbc.JdbcOrphanLockAwareIdempotentRepository;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.service.ServiceHelper;
import org.apache.camel.support.service.ServiceSupport;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Which node holds which inbox file, when several nodes share one inbox and one PostgreSQL database: Camel's
 * JDBC idempotent repository that knows orphaned locks (camel-sql), used as the file consumer's read lock
 * ("idempotent-changed"). A node claims a file by inserting its path; while it works it renews the claim every
 * sixth of the lease; a node that dies stops renewing, and after the lease another node may claim the file.
 * Claims are taken in SERIALIZABLE transactions so that two nodes taking over one orphaned file cannot both win.
 * Built when Camel starts (the repository needs the context for its renewal thread).
 */
public final class InboxClaims extends ServiceSupport implements IdempotentRepository, CamelContextAware {
    private static final Logger log = LoggerFactory.getLogger(InboxClaims.class);
    /** The repository's processor name: one for the inbox, the same on every node, so claims exclude each other. */
    static final String PROCESSOR = "inbox";

    private final DataSource dataSource;
    private final Duration lease;
    private CamelContext context;
    private JdbcOrphanLockAwareIdempotentRepository claims;
    private ScheduledExecutorService sweeper;

    public InboxClaims(DataSource dataSource, Duration lease) {
        this.dataSource = dataSource;
        this.lease = lease;
    }

    @Override
    protected void doStart() throws Exception {
        TransactionTemplate serializable = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        serializable.setIsolationLevel(TransactionDefinition.ISOLATION_SERIALIZABLE);
        JdbcOrphanLockAwareIdempotentRepository repo =
                new JdbcOrphanLockAwareIdempotentRepository(dataSource, serializable, PROCESSOR, context);
        // the table comes with the schema (Flyway V7), with a key that makes two claims on one file exclusive
        repo.setCreateTableIfNotExists(false);
        repo.setLockMaxAgeMillis(lease.toMillis());
        repo.setLockKeepAliveIntervalMillis(Math.max(100, lease.toMillis() / 6));
        ServiceHelper.startService(repo);
        claims = repo;
        sweeper = context.getExecutorServiceManager().newSingleThreadScheduledExecutor(this, "inbox-claims-sweep");
        sweeper.scheduleWithFixedDelay(this::sweep, 0, lease.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Drops claims not renewed for two leases: a node that died while it looked at a file another node had just
     * placed leaves a claim no one will ever take over (the file is gone). A claim on a file still there is simply
     * made again at the next poll. A node taking over a claim at this moment is safe: its SERIALIZABLE update
     * fails if the row is deleted under it, and a renewed row no longer matches here.
     */
    private void sweep() {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "DELETE FROM CAMEL_MESSAGEPROCESSED WHERE processorName = ? AND createdAt < ?")) {
            ps.setString(1, PROCESSOR);
            // written as the repository writes its own times: a java.sql.Timestamp of this JVM
            ps.setTimestamp(2, new Timestamp(System.currentTimeMillis() - 2 * lease.toMillis()));
            int n = ps.executeUpdate();
            if (n > 0) log.info("Dropped {} claims on inbox files left by a node that stopped renewing them", n);
        } catch (SQLException | RuntimeException e) {
            log.debug("Could not sweep the inbox claims: {}", e.getMessage());
        }
    }

    @Override
    protected void doStop() throws Exception {
        if (sweeper != null) context.getExecutorServiceManager().shutdownNow(sweeper);
        ServiceHelper.stopAndShutdownService(claims);
        claims = null;
    }

    @Override
    public boolean add(String key) { return claims.add(key); }

    @Override
    public boolean contains(String key) { return claims.contains(key); }

    @Override
    public boolean remove(String key) { return claims.remove(key); }

    @Override
    public boolean confirm(String key) { return claims.confirm(key); }

    @Override
    public void clear() { claims.clear(); }

    @Override
    public void setCamelContext(CamelContext camelContext) { this.context = camelContext; }

    @Override
    public CamelContext getCamelContext() { return context; }
}
