package reportingest.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The one-minute load average: above the core count, other work competed with the bench for the CPU. */
final class LoadAverage {
    private LoadAverage() {}

    static double now() {
        try {
            return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+")[0]);
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }
}
