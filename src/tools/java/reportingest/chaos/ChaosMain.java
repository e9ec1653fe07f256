package reportingest.chaos;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * {@code bin/chaos [--kills N] [--load N] [--huge-text-mb N] [--no-bad-inputs] [--no-disk-full] [--no-database-down] [--seed S] [--keep]}:
 * runs {@link ChaosRun} and prints one table, case → folder → code → service alive → nothing lost → ledger.
 * Exit status 0 when every trial held (skipped ones say why), 1 otherwise.
 */
public final class ChaosMain {
    private ChaosMain() {}

    public static void main(String[] args) throws Exception {
        int kills = 10;
        int load = 1000;
        long hugeMb = 200;
        boolean badInputs = true;
        boolean diskFull = true;
        boolean databaseDown = true;
        boolean keep = false;
        long seed = Instant.now().toEpochMilli();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--kills" -> kills = Integer.parseInt(args[++i]);
                case "--load" -> load = Integer.parseInt(args[++i]);
                case "--huge-text-mb" -> hugeMb = Long.parseLong(args[++i]);
                case "--no-bad-inputs" -> badInputs = false;
                case "--no-disk-full" -> diskFull = false;
                case "--no-database-down" -> databaseDown = false;
                case "--seed" -> seed = Long.parseLong(args[++i]);
                case "--keep" -> keep = true;
                default -> {
                    System.err.println("unknown argument " + args[i]);
                    System.exit(2);
                }
            }
        }
        Path work = Files.createTempDirectory("report-ingest-chaos-");
        System.err.println("chaos: scratch " + work + ", seed " + seed);
        ChaosRun.Options options = new ChaosRun.Options(work, badInputs, kills, load, hugeMb << 20, diskFull, databaseDown, seed);
        List<ChaosRun.Row> rows;
        try {
            rows = new ChaosRun(options, Path.of("").toAbsolutePath(), line -> System.err.println("chaos: " + line)).run();
        } finally {
            if (!keep) deleteTree(work);
        }
        System.out.println(table(rows));
        long bad = rows.stream().filter(r -> !r.ok()).count();
        long skipped = rows.stream().filter(ChaosRun.Row::skipped).count();
        System.out.println(rows.size() + " trials: " + (rows.size() - bad - skipped) + " held, " + bad + " did not, "
                + skipped + " skipped");
        System.exit(bad == 0 ? 0 : 1);
    }

    /** A markdown table: what was tried, where it ended, with which code, and whether it held. */
    public static String table(List<ChaosRun.Row> rows) {
        StringBuilder sb = new StringBuilder("| scenario | case | folder | code | alive | nothing lost | ledger | result |\n"
                + "|---|---|---|---|---|---|---|---|\n");
        for (ChaosRun.Row r : rows) {
            sb.append("| ").append(r.scenario()).append(" | ").append(r.subject().replace("\n", "\\n").replace("|", "\\|"))
                    .append(" | ").append(r.folder()).append(" | ").append(r.code())
                    .append(" | ").append(r.alive() ? "yes" : "NO").append(" | ").append(r.nothingLost() ? "yes" : "NO")
                    .append(" | ").append(r.ledger()).append(" | ")
                    .append(r.skipped() ? "skipped: " + r.problem() : r.problem() == null ? "held" : "FAILED: " + r.problem())
                    .append(" |\n");
        }
        return sb.toString();
    }

    private static void deleteTree(Path root) {
        try (var paths = Files.walk(root)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (java.io.IOException ignored) {
                    // a mount point still busy: left for the system's temp cleaning
                }
            });
        } catch (java.io.IOException ignored) {
            // nothing to remove
        }
    }
}
