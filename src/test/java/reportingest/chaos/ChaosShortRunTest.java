package reportingest.chaos;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The short version of {@code bin/chaos}, in every build: all bad-input kinds, 5 kill -9 trials at random
 * points, the disk filling up under a run (skipped where a tmpfs cannot be mounted), the database going away.
 * The long run (100 kills, 1,000 files) is {@code bin/chaos --kills 100 --load 1000}.
 */
class ChaosShortRunTest {
    @TempDir
    Path work;

    @Test
    void everyBadInputEndsWithAReasonAndNoKillOrOutageLosesOrDoublesAFile() throws Exception {
        long seed = 20261206L;
        ChaosRun.Options options = new ChaosRun.Options(work, true, 5, 0, 60L << 20, true, true, seed);
        List<ChaosRun.Row> rows = new ChaosRun(options, Path.of("").toAbsolutePath(), line -> {}).run();
        System.out.println(ChaosMain.table(rows));

        int kinds = new HostileCases(Path.of("fixtures/seeds/003_1a3ae03f6167b21e.txt"),
                Path.of("fixtures/pdf/gen03_e94b0d1a6c8f2357.unruled.pdf"), 0).all().size();
        assertThat(rows.stream().filter(r -> r.scenario().equals("bad input"))).hasSize(kinds);
        assertThat(rows.stream().filter(r -> r.scenario().equals("kill -9"))).hasSize(5);
        assertThat(rows.stream().filter(r -> r.scenario().equals("database down"))).hasSize(1);
        assertThat(rows).filteredOn(r -> !r.ok()).as(ChaosMain.table(rows)).isEmpty();
        assertThat(rows).filteredOn(r -> !r.skipped()).allMatch(ChaosRun.Row::alive).allMatch(ChaosRun.Row::nothingLost);
    }
}
