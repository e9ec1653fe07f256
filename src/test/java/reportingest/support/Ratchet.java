package reportingest.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Measured values of parameterised cases, committed in {@code src/test/resources/ratchet/<name>.tsv}: one line
 * per case, {@code case<TAB>value<TAB>…} under a header line {@code case<TAB>column…}; lines starting with
 * {@code #} are comments and are kept.
 * <ul>
 *   <li>{@link #floors}: each value is a floor (higher is better). A case measured below its floor fails; one
 *   measured above passes and prints that its floor can be raised. With {@code -Dratchet.update=true} the file is
 *   rewritten with the higher values: a floor only ever moves up (a case below it still fails).</li>
 *   <li>{@link #exact}: each value is today's measure of something without a truth to score against (how many
 *   tables a third-party PDF gives): any change fails, up or down, so that someone looks at it;
 *   {@code -Dratchet.update=true} records the new value.</li>
 * </ul>
 * A case with no line in the file fails (a new case must start with a recorded value); in update mode it is
 * added. Tests run from the repository root (Maven's basedir), where the file is read and written.
 */
public final class Ratchet {
    static final Path DIR = Path.of("src", "test", "resources", "ratchet");
    private static final Map<String, Ratchet> OPEN = new ConcurrentHashMap<>();

    private final Path file;
    private final boolean exact;
    private final boolean update = Boolean.getBoolean("ratchet.update");
    private final List<String> comments = new ArrayList<>();
    private final List<String> columns;
    private final Map<String, long[]> values = new LinkedHashMap<>();

    private Ratchet(String name, boolean exact, List<String> columns) {
        this.file = DIR.resolve(name + ".tsv");
        this.exact = exact;
        List<String> header = null;
        if (Files.isRegularFile(file)) {
            try {
                for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    if (line.isBlank()) continue;
                    if (line.startsWith("#")) { comments.add(line); continue; }
                    String[] f = line.split("\t", -1);
                    if (header == null) { header = List.of(f).subList(1, f.length); continue; }
                    long[] v = new long[f.length - 1];
                    for (int i = 1; i < f.length; i++) v[i - 1] = Long.parseLong(f[i].strip());
                    values.put(f[0], v);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        if (header != null && !header.equals(columns)) {
            throw new IllegalStateException(file + " has columns " + header + ", the test measures " + columns);
        }
        this.columns = columns;
    }

    /** Floors that only move up: higher measured values are better. */
    public static Ratchet floors(String name, String... columns) {
        return OPEN.computeIfAbsent(name, n -> new Ratchet(n, false, List.of(columns)));
    }

    /** Values pinned exactly (no truth to tell better from worse): any change fails until it is recorded. */
    public static Ratchet exact(String name, String... columns) {
        return OPEN.computeIfAbsent(name, n -> new Ratchet(n, true, List.of(columns)));
    }

    /** Checks one case's measured values (in column order) against the recorded ones. */
    public synchronized void check(String key, long... measured) {
        assertThat(measured).as("values measured for %s (columns %s)", key, columns).hasSize(columns.size());
        long[] recorded = values.get(key);
        if (recorded == null) {
            if (update) {
                values.put(key, measured.clone());
                write();
                System.out.printf("RATCHET %s %s: recorded %s%n", file.getFileName(), key, Arrays.toString(measured));
                return;
            }
            fail("%s has no line for case '%s' (measured %s %s): run with -Dratchet.update=true to record it",
                    file, key, columns, Arrays.toString(measured));
        }
        List<String> below = new ArrayList<>(), above = new ArrayList<>();
        long[] next = recorded.clone();
        for (int i = 0; i < columns.size(); i++) {
            String d = columns.get(i) + " " + recorded[i] + " -> " + measured[i];
            if (measured[i] < recorded[i]) below.add(d);
            if (measured[i] > recorded[i]) above.add(d);
            next[i] = exact ? measured[i] : Math.max(recorded[i], measured[i]);
        }
        boolean changed = !Arrays.equals(next, recorded);
        if (update && changed) {
            values.put(key, next);
            write();
            System.out.printf("RATCHET %s %s: rewritten %s -> %s%n", file.getFileName(), key,
                    Arrays.toString(recorded), Arrays.toString(next));
        }
        if (exact) {
            if (update) return;
            if (!below.isEmpty() || !above.isEmpty()) {
                List<String> all = new ArrayList<>(below);
                all.addAll(above);
                fail("%s: '%s' changed: %s (look at it; -Dratchet.update=true records the new values)", file, key, all);
            }
            return;
        }
        if (!below.isEmpty()) fail("%s: '%s' fell below its floor: %s", file, key, below);
        if (!above.isEmpty() && !update) {
            System.out.printf("RATCHET %s %s: above its floor (%s): the floor can be raised (-Dratchet.update=true)%n",
                    file.getFileName(), key, String.join(", ", above));
        }
    }

    private void write() {
        StringBuilder sb = new StringBuilder();
        for (String c : comments) sb.append(c).append('\n');
        sb.append("case");
        for (String c : columns) sb.append('\t').append(c);
        sb.append('\n');
        values.forEach((k, v) -> {
            sb.append(k);
            for (long x : v) sb.append('\t').append(x);
            sb.append('\n');
        });
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, sb.toString(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
