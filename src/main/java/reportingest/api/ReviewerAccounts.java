package reportingest.api;

import org.bouncycastle.crypto.generators.OpenBSDBCrypt;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reviewers' accounts of the review station: {@code $INGEST_HOME/reviewers.txt}, one {@code name<TAB>hash} a line
 * ({@code #} comments), the hash BCrypt (cost 12, Bouncy Castle's {@link OpenBSDBCrypt}). Read at each sign-in, so
 * an account added while the service runs counts at once. Made with {@code bin/reviewer add NAME} (this class's
 * {@link #main}); a password is never stored or logged, only its hash.
 */
public final class ReviewerAccounts {
    public static final String FILE = "reviewers.txt";
    static final int COST = 12;
    private static final SecureRandom RANDOM = new SecureRandom();
    /** Checked when the name is unknown, so an unknown name takes as long as a wrong password. */
    private static final String DUMMY = OpenBSDBCrypt.generate("not a password".toCharArray(), salt(), COST);

    private final Path file;

    public ReviewerAccounts(Path file) {
        this.file = file;
    }

    /** Whether the name has an account and the password is its own. */
    public boolean verify(String name, char[] password) {
        String hash = read().get(name);
        boolean ok;
        try {
            ok = OpenBSDBCrypt.checkPassword(hash != null ? hash : DUMMY, password);
        } catch (IllegalArgumentException e) {
            ok = false; // a password BCrypt cannot take (over 72 bytes), or a damaged line in the file
        }
        return hash != null && ok;
    }

    /** Whether any account exists (without one the station can only be read). */
    public boolean any() {
        return !read().isEmpty();
    }

    Map<String, String> read() {
        Map<String, String> out = new LinkedHashMap<>();
        if (!Files.isRegularFile(file)) return out;
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (line.isBlank() || line.startsWith("#")) continue;
                int tab = line.indexOf('\t');
                if (tab > 0) out.put(line.substring(0, tab).strip(), line.substring(tab + 1).strip());
            }
        } catch (IOException e) {
            return out;
        }
        return out;
    }

    /** Adds the account, or sets a new password for it. */
    public void put(String name, char[] password) throws IOException {
        if (!validName(name)) throw new IllegalArgumentException("a reviewer's name is 1 to 100 characters, no tab, no line break, not starting with #");
        if (password.length < 8) throw new IllegalArgumentException("a password has at least 8 characters");
        if (new String(password).getBytes(StandardCharsets.UTF_8).length > 72) {
            throw new IllegalArgumentException("a password has at most 72 bytes (BCrypt reads no more)");
        }
        Map<String, String> all = read();
        all.put(name, OpenBSDBCrypt.generate(password, salt(), COST));
        write(all);
    }

    /** Removes the account; false when there was none. */
    public boolean remove(String name) throws IOException {
        Map<String, String> all = read();
        if (all.remove(name) == null) return false;
        write(all);
        return true;
    }

    private void write(Map<String, String> all) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add("# reviewers of the review station: name<TAB>BCrypt hash; edit with bin/reviewer");
        all.forEach((n, h) -> lines.add(n + "\t" + h));
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.write(tmp, lines, StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    static boolean validName(String name) {
        return name != null && !name.isBlank() && name.length() <= 100 && !name.startsWith("#")
                && name.chars().noneMatch(ch -> ch == '\t' || ch == '\n' || ch == '\r') && name.equals(name.strip());
    }

    private static byte[] salt() {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        return salt;
    }

    /**
     * {@code add NAME} (password asked twice, or read from standard input when it is not a terminal), {@code remove NAME},
     * {@code list}; the file is {@code $INGEST_HOME/reviewers.txt} (home: the first argument {@code --home DIR}, else
     * INGEST_HOME, else ./work).
     */
    public static void main(String[] args) throws IOException {
        List<String> a = new ArrayList<>(Arrays.asList(args));
        String home = System.getenv().getOrDefault("INGEST_HOME", "work");
        if (a.size() >= 2 && a.get(0).equals("--home")) {
            home = a.get(1);
            a = a.subList(2, a.size());
        }
        ReviewerAccounts accounts = new ReviewerAccounts(Path.of(home).resolve(FILE));
        String usage = "usage: bin/reviewer [--home DIR] add NAME | remove NAME | list";
        if (a.isEmpty()) {
            System.err.println(usage);
            System.exit(2);
        }
        switch (a.get(0)) {
            case "list" -> accounts.read().keySet().forEach(System.out::println);
            case "add" -> {
                if (a.size() != 2) { System.err.println(usage); System.exit(2); }
                char[] password = password();
                try {
                    accounts.put(a.get(1), password);
                } catch (IllegalArgumentException e) {
                    System.err.println(e.getMessage());
                    System.exit(2);
                } finally {
                    Arrays.fill(password, '\0');
                }
                System.out.println("reviewer '" + a.get(1) + "' can sign in at /review (" + accounts.file + ")");
            }
            case "remove" -> {
                if (a.size() != 2) { System.err.println(usage); System.exit(2); }
                System.out.println(accounts.remove(a.get(1)) ? "removed '" + a.get(1) + "'" : "no reviewer '" + a.get(1) + "'");
            }
            default -> { System.err.println(usage); System.exit(2); }
        }
    }

    private static char[] password() throws IOException {
        Console console = System.console();
        if (console != null) {
            char[] first = console.readPassword("password (at least 8 characters): ");
            char[] again = console.readPassword("the same again: ");
            if (first == null || !Arrays.equals(first, again)) {
                System.err.println("the two passwords differ");
                System.exit(2);
            }
            return first;
        }
        String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        return line == null ? new char[0] : line.toCharArray();
    }
}
