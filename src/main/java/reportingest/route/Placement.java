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
 * <li>A name too long to take the counter and a sidecar ({@code .error.json}, {@code .review.json}) beside it
 * within the file system's 255 bytes is shortened (its extension kept, a short hash of the whole name added); the
 * original name stays in the document's row and in the error file.</li>
 * <li>A duplicate is stored as {@code <stem>.duplicate-of-<id>.<ext>}, so its name says what it is (shortened the
 * same way when long, the marker always kept).</li>
 * <li>Moving is a rename inside the home, never a copy: the entry itself moves, whatever it is (a link is
 * not followed, a FIFO not opened), and nothing is read.</li>
 * <li>A failed file and its error file are placed together: the error file first (never over an existing
 * entry), then the file; if the file cannot follow, the error file is taken back and the file stays in the
 * inbox. A document that needs review gets {@code <name>.review.json} beside it the same way.</li>
 * </ul>
 */
public final class Placement {
    /** The longest name most Linux file systems allow, in bytes. */
    static final int NAME_MAX = 255;
    private static final String ERROR_SUFFIX = ".error.json";
    public static final String REVIEW_SUFFIX = ".review.json";
    /** Room left for "~NNNNN" and the longer sidecar suffix (".review.json") after a stored name. */
    private static final int RESERVED = 6 + Math.max(ERROR_SUFFIX.length(), REVIEW_SUFFIX.length());

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
                && !Files.exists(errorFileOf(candidate), LinkOption.NOFOLLOW_LINKS)
                && !Files.exists(reviewFileOf(candidate), LinkOption.NOFOLLOW_LINKS);
    }

    /** The name a file is stored under: itself, or shortened when it leaves no room for a counter and the error file's suffix. */
    public static String storedName(String fileName) {
        return storedName(fileName, 0);
    }

    /** The name with room for {@code extra} more bytes (a duplicate's marker) besides the counter and a sidecar suffix. */
    private static String storedName(String fileName, int extra) {
        if (bytes(fileName) + RESERVED + extra <= NAME_MAX) return fileName;
        String ext = extension(fileName);
        String stem = fileName.substring(0, fileName.length() - ext.length());
        String tag = "-" + shortHash(fileName);
        int room = NAME_MAX - RESERVED - extra - bytes(ext) - bytes(tag);
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

    /** The extension a shortened name keeps: from the last dot (not the first character), at most 16 bytes. */
    private static String extension(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot > 0 && bytes(fileName.substring(dot)) <= 16 ? fileName.substring(dot) : "";
    }

    /**
     * The name a duplicate of document {@code originalId} is stored under: {@code report.duplicate-of-7.pdf}, so a clerk
     * reading archive/ tells it from a name clash ({@code report~2.pdf}); shortened like any long name, the marker kept.
     */
    public static String duplicateName(String fileName, long originalId) {
        String marker = ".duplicate-of-" + originalId;
        String name = storedName(fileName, bytes(marker));
        String ext = extension(name);
        return name.substring(0, name.length() - ext.length()) + marker + ext;
    }

    public static Path errorFileOf(Path failedFile) {
        return failedFile.resolveSibling(failedFile.getFileName() + ERROR_SUFFIX);
    }

    /** The review sidecar beside a stored file that needs review. */
    public static Path reviewFileOf(Path storedFile) {
        return storedFile.resolveSibling(storedFile.getFileName() + REVIEW_SUFFIX);
    }

    /** Renames the entry into the folder under a free name (its own, or a duplicate's) and returns where it went. */
    public static Path move(Path entry, Path folder, String storeName) throws IOException {
        Path target = freeName(folder, storeName);
        rename(entry, target);
        return target;
    }

    /**
     * Writes the error file, then renames the entry beside it; returns where the entry went. If either
     * cannot be done, nothing is left in the folder and the entry stays where it was.
     */
    public static Path moveWithErrorFile(Path entry, Path folder, String originalName, ErrorFile content) throws IOException {
        Path target = freeName(folder, originalName);
        return moveWithSidecar(entry, target, errorFileOf(target), content);
    }

    /**
     * Writes {@code <name>.review.json}, then renames the entry beside it, both or neither, as with an error file;
     * {@code storeName} is the name to store it under (the original, or a duplicate's name).
     */
    public static Path moveWithReviewFile(Path entry, Path folder, String storeName, ErrorFile content) throws IOException {
        Path target = freeName(folder, storeName);
        return moveWithSidecar(entry, target, reviewFileOf(target), content);
    }

    private static Path moveWithSidecar(Path entry, Path target, Path sidecar, ErrorFile content) throws IOException {
        byte[] json = content.json(target).getBytes(StandardCharsets.UTF_8);
        // CREATE_NEW: never over an existing entry, and never through a link someone left under that name
        Files.write(sidecar, new byte[0], StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        try {
            // written after it exists, so a sidecar cut short (a full disk) is ours to take back, never another's
            Files.write(sidecar, json, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE,
                    LinkOption.NOFOLLOW_LINKS);
            rename(entry, target);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(sidecar);
            throw e;
        }
        return target;
    }

    /** A sidecar's text (error file, review file), once its place is known. */
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
