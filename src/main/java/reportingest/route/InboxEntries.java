package reportingest.route;

import org.apache.camel.component.file.GenericFile;
import org.apache.camel.component.file.GenericFileFilter;
import reportingest.detect.IngestFailure;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * What in the inbox is a file the service may take: a regular file, not a link. Used as the file
 * consumer's {@code filter}; anything else (a symbolic link to a file or a folder, a FIFO, a device node,
 * a socket, a name with a backslash) is never opened and is moved to failed/ with a reason by {@link IntakeGate}.
 * Sub-folders are not looked into and stay where they are.
 */
public final class InboxEntries implements GenericFileFilter<File> {

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
