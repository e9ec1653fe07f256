package reportingest.route;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where a file goes after processing. A name already taken in the target folder gets a counter
 * (report~2.pdf), so an earlier file of the same name is never overwritten.
 */
public final class Placement {
    private Placement() {}

    public static Path freeName(Path folder, String fileName) {
        Path candidate = folder.resolve(fileName);
        if (!Files.exists(candidate) && !Files.exists(errorFileOf(candidate))) return candidate;
        int dot = fileName.lastIndexOf('.');
        String stem = dot > 0 ? fileName.substring(0, dot) : fileName;
        String ext = dot > 0 ? fileName.substring(dot) : "";
        for (int n = 2; ; n++) {
            candidate = folder.resolve(stem + "~" + n + ext);
            if (!Files.exists(candidate) && !Files.exists(errorFileOf(candidate))) return candidate;
        }
    }

    public static Path errorFileOf(Path failedFile) {
        return failedFile.resolveSibling(failedFile.getFileName() + ".error.json");
    }
}
