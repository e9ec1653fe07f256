package reportingest.route;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Where a file goes after processing, and the moving itself.
 * <ul>
 * <li>A name already taken in the target folder gets a counter (report~2.pdf), so an earlier file of the
 * same name is never overwritten; any entry counts as taken, a dangling link too.</li>
 * <li>A name too long to take the counter and {@code .error.json} beside it within the file system's 255
 * bytes is shortened (its extension kept, a short hash of the whole name added); the original name stays
 * in the document's row and in the error file.</li>
 * <li>Moving is a rename inside the home, never a copy: the entry itself moves, whatever it is (a link is
 * not followed, a FIFO not opened), and nothing is read.</li>
 * <li>A failed file and its error file are placed together: the error file first (never over an existing
 * entry), then the file; if the file cannot follow, the error file is taken back and the file stays in the
 * inbox.</li>
 * </ul>
 */
public final class Placement {
    /** The longest name most Linux file systems allow, in bytes. */
    static final int NAME_MAX = 255;
    private static final String ERROR_SUFFIX = ".error.json";
    /** Room left for "~NNNNN" and ".error.json" after a stored name. */
    private static final int RESERVED = 6 + ERROR_SUFFIX.length();

    private Placement() {}

    public static Path freeName(Path folder, String fileName) {
        String name = storedName(fileName);
        Path candidate = folder.resolve(name);
        if (free(candidate)) return candidate;
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        String ext = dot > 0 ? name.substring(dot) : "";
        for (int n = 2; ; n++) {
            candidate = folder.resolve(stem + "~" + n + ext);
            if (free(candidate)) return candidate;
        }
    }

    private static boolean free(Path candidate) {
        return !Files.exists(candidate, LinkOption.NOFOLLOW_LINKS)
                && !Files.exists(errorFileOf(candidate), LinkOption.NOFOLLOW_LINKS);
    }

    /** The name a file is stored under: itself, or shortened when it leaves no room for a counter and the error file's suffix. */
    public static String storedName(String fileName) {
        if (bytes(fileName) + RESERVED <= NAME_MAX) return fileName;
        int dot = fileName.lastIndexOf('.');
        String ext = dot > 0 && bytes(fileName.substring(dot)) <= 16 ? fileName.substring(dot) : "";
        String stem = fileName.substring(0, fileName.length() - ext.length());
        String tag = "-" + shortHash(fileName);
        int room = NAME_MAX - RESERVED - bytes(ext) - bytes(tag);
        StringBuilder kept = new StringBuilder();
        for (int i = 0; i < stem.length(); ) {
            int cp = stem.codePointAt(i);
            String ch = new String(Character.toChars(cp));
            if (bytes(kept.toString()) + bytes(ch) > room) break;
            kept.append(ch);
            i += Character.charCount(cp);
        }
        return kept + tag + ext;
    }

    public static Path errorFileOf(Path failedFile) {
        return failedFile.resolveSibling(failedFile.getFileName() + ERROR_SUFFIX);
    }

    /** Renames the entry into the folder under a free name and returns where it went. */
    public static Path move(Path entry, Path folder, String originalName) throws IOException {
        Path target = freeName(folder, originalName);
        rename(entry, target);
        return target;
    }

    /**
     * Writes the error file, then renames the entry beside it; returns where the entry went. If either
     * cannot be done, nothing is left in the folder and the entry stays where it was.
     */
    public static Path moveWithErrorFile(Path entry, Path folder, String originalName, ErrorFile content) throws IOException {
        Path target = freeName(folder, originalName);
        Path errorFile = errorFileOf(target);
        byte[] json = content.json(target).getBytes(StandardCharsets.UTF_8);
        // CREATE_NEW: never over an existing entry, and never through a link someone left under that name
        Files.write(errorFile, new byte[0], StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        try {
            // written after it exists, so an error file cut short (a full disk) is ours to take back, never another's
            Files.write(errorFile, json, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE,
                    LinkOption.NOFOLLOW_LINKS);
            rename(entry, target);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(errorFile);
            throw e;
        }
        return target;
    }

    /** The error file's text, once its place is known. */
    @FunctionalInterface
    public interface ErrorFile {
        String json(Path target);
    }

    private static void rename(Path entry, Path target) throws IOException {
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) throw new FileAlreadyExistsException(target.toString());
        // ATOMIC_MOVE is rename(2): the entry itself, never a copy that would read it
        Files.move(entry, target, StandardCopyOption.ATOMIC_MOVE);
    }

    private static int bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }

    private static String shortHash(String s) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
