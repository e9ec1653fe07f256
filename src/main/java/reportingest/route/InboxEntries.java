package reportingest.route;

import org.apache.camel.component.file.GenericFile;
import org.apache.camel.component.file.GenericFileFilter;
import reportingest.detect.IngestFailure;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What in the inbox is a file the service may take: a regular file, not a link. Used as the file
 * consumer's {@code filter}; anything else (a symbolic link to a file or a folder, a FIFO, a device node,
 * a socket, a name with a backslash) is never opened and is moved to failed/ with a reason by {@link IntakeGate}.
 * Sub-folders are not looked into and stay where they are.
 */
public final class InboxEntries implements GenericFileFilter<File> {
    /**
     * Names the consumer never takes: partial downloads and editor temp files. The same expression as the
     * {@code exclude} of camel-routes/ingest.yaml (a test holds the two together).
     */
    public static final String PARTIAL = ".*\\.(part|partial|tmp|crdownload|swp)$";
    private static final Pattern PARTIAL_NAME = Pattern.compile(PARTIAL);

    @Override
    public boolean accept(GenericFile<File> file) {
        Path path = file.getFile().toPath();
        return !file.isDirectory() && Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS) && !unsupportedName(path);
    }

    /**
     * A backslash: Camel's file component reads it as a path separator (it normalises paths for Windows), so
     * such a file would never be found under its own name.
     */
    static boolean unsupportedName(Path entry) {
        return entry.getFileName().toString().indexOf('\\') >= 0;
    }

    /** True for an entry to refuse: a link (to anything), something that is neither a file nor a folder, a name Camel cannot take. */
    static boolean refused(Path entry) {
        try {
            BasicFileAttributes a = Files.readAttributes(entry, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            return a.isSymbolicLink() || a.isOther() || (a.isRegularFile() && unsupportedName(entry));
        } catch (IOException e) {
            return false; // gone already
        }
    }

    /**
     * True for an entry of the inbox the service will take or refuse, so an entry it has seen or will see: a
     * regular file the consumer takes (not hidden, not a partial download), or anything {@link #refused} moves
     * to failed/. Sub-folders, hidden files and partial downloads are left alone and not counted.
     */
    static boolean counted(Path entry) {
        if (refused(entry)) return true;
        String name = entry.getFileName().toString();
        return Files.isRegularFile(entry, LinkOption.NOFOLLOW_LINKS) && !name.startsWith(".")
                && !PARTIAL_NAME.matcher(name).matches();
    }

    /** The inbox's entries, split into those counted ({@link #counted}) and those left alone. */
    static Listing list(Path inbox) {
        List<String> counted = new ArrayList<>();
        int ignored = 0;
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(inbox)) {
            for (Path entry : entries) {
                if (counted(entry)) counted.add(entry.getFileName().toString());
                else ignored++;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Listing(List.copyOf(counted), ignored);
    }

    /** How many entries of the inbox are counted; -1 when the inbox cannot be read. */
    public static int count(Path inbox) {
        try {
            return list(inbox).counted().size();
        } catch (UncheckedIOException e) {
            return -1;
        }
    }

    /** Entry names the service takes or refuses, and how many entries it leaves alone. */
    record Listing(List<String> counted, int ignored) {}

    /** Why an entry is refused, in words for the clerk. */
    static IngestFailure refusal(Path entry) {
        if (Files.isSymbolicLink(entry)) {
            return new IngestFailure("SYMLINK",
                    "This is a link to another place, not a file: the service does not follow links out of the inbox "
                            + "and has not read what it points to.",
                    "Copy the report file itself (not a link to it) into the inbox.");
        }
        if (Files.isRegularFile(entry, LinkOption.NOFOLLOW_LINKS)) {
            return new IngestFailure("NAME_NOT_SUPPORTED",
                    "The file name contains a backslash (\\), which the service cannot take; the file was not read.",
                    "Rename the file without the backslash and drop it into the inbox again.");
        }
        return new IngestFailure("NOT_A_FILE",
                "This is not an ordinary file (it is a pipe, a device or a socket), so the service did not read it.",
                "Copy the report into the inbox as an ordinary file.");
    }
}
