package reportingest.route;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.component.file.GenericFile;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reportingest.config.IngestConfig;
import reportingest.store.Database;
import reportingest.store.DocumentStore;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A run cut by the service's stop is not the file's fault, even when the route is already gone and the failure
 * reporter never ran (a SIGTERM past the grace period): the file stays in the inbox for the next start.
 */
class PlacementAfterStopTest {
    @TempDir
    Path home;
    private Database database;
    private DocumentStore documents;
    private PlacementStrategy placement;
    private CamelContext camel;

    @BeforeEach
    void open() throws Exception {
        IngestConfig config = IngestConfig.withOverrides(Map.of("ingest.home", home.toString()));
        Files.createDirectories(config.inbox());
        Files.createDirectories(config.failed());
        database = Database.open(config);
        documents = new DocumentStore(database);
        placement = new PlacementStrategy(config, documents);
        camel = new DefaultCamelContext();
        camel.start();
    }

    @AfterEach
    void close() {
        camel.stop();
        database.close();
    }

    @Test
    void aRunFailingAfterTheStopLeavesTheFileInTheInbox() throws Exception {
        Path file = inboxFile("long report.txt");
        Exchange run = failedRun(file);
        camel.stop();

        placement.place(run, genericFile(file), true);

        assertThat(file).exists();
        try (var failed = Files.list(home.resolve("failed"))) {
            assertThat(failed).isEmpty();
        }
    }

    @Test
    void aRunFailingWhileTheServiceRunsIsMovedToFailedWithItsErrorFile() throws Exception {
        Path file = inboxFile("broken report.txt");
        Exchange run = failedRun(file);

        placement.place(run, genericFile(file), true);

        assertThat(file).doesNotExist();
        assertThat(home.resolve("failed/broken report.txt")).exists();
        assertThat(home.resolve("failed/broken report.txt.error.json")).exists();
    }

    private Path inboxFile(String name) throws Exception {
        return Files.writeString(home.resolve("inbox").resolve(name), "部门决算\n");
    }

    private Exchange failedRun(Path file) {
        long id = documents.register(file.getFileName().toString(), "ab".repeat(32), 10).documentId();
        Exchange run = new DefaultExchange(camel);
        run.getIn().setHeader(Intake.DOCUMENT_ID, id);
        run.setException(new IllegalStateException("HikariDataSource (ingest-db) has been closed."));
        return run;
    }

    private static GenericFile<File> genericFile(Path file) {
        GenericFile<File> generic = new GenericFile<>();
        generic.setFile(file.toFile());
        return generic;
    }
}
