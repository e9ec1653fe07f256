package reportingest.detect;

import java.nio.charset.Charset;
import java.nio.file.Path;

/** A file whose kind is known. {@code charset} is set for text files only. */
public record DetectedFile(Path path, String fileName, DocumentKind kind, Charset charset) {}
