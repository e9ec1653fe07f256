package reportingest.support;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/** Tests against one running service for the whole class, on a home folder of its own that is removed afterwards. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ServiceOnTempHome {
    /** Static: JUnit creates it before the class's {@code @BeforeAll} (an instance field only before each test). */
    @TempDir
    protected static Path home;
    protected RunningService service;

    @BeforeAll
    void startService() throws Exception {
        service = RunningService.start(home);
    }

    @AfterAll
    void stopService() throws Exception {
        service.close();
    }
}
