package reportingest.detect;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.tika.Tika;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MediaType;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;

/**
 * Decides what a file is from its content (Apache Tika; the name is only a hint), and refuses,
 * with a reason an operator understands, what the service cannot read: other formats, encrypted or
 * damaged PDFs and images, text in an unknown encoding.
 */
public final class TypeDetector {
    private static final Map<String, DocumentKind> ACCEPTED = Map.of(
            "application/pdf", DocumentKind.PDF,
            "image/tiff", DocumentKind.TIFF,
            "image/png", DocumentKind.PNG,
            "image/jpeg", DocumentKind.JPEG,
            "text/plain", DocumentKind.TEXT,
            "text/html", DocumentKind.TEXT);

    /** Plain names for what people commonly drop by mistake. */
    private static final Map<String, String> KNOWN_NAMES = Map.of(
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "a Word document (.docx)",
            "application/msword", "a Word document (.doc)",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "an Excel workbook (.xlsx)",
            "application/vnd.ms-excel", "an Excel workbook (.xls)",
            "application/zip", "a ZIP archive",
            "application/x-tika-ooxml", "an Office document",
            "application/octet-stream", "binary data of no recognised format",
            "application/x-rar-compressed", "a RAR archive",
            "application/gzip", "a gzip archive");

    /** {@code ingest.max-stream-mb}'s default. */
    public static final long DEFAULT_MAX_STREAM_BYTES = 128L << 20;

    private final Tika tika = new Tika();
    private final TextDecoder textDecoder = new TextDecoder();
    private final long maxTextBytes;
    private final long maxStreamBytes;

    public TypeDetector() {
        this(Long.MAX_VALUE, DEFAULT_MAX_STREAM_BYTES);
    }

    /** {@code maxTextBytes}: text files above it are refused (TOO_LARGE) before they are read into memory. */
    public TypeDetector(long maxTextBytes) {
        this(maxTextBytes, DEFAULT_MAX_STREAM_BYTES);
    }

    /**
     * @param maxTextBytes   text files above it are refused (TOO_LARGE) before they are read into memory
     * @param maxStreamBytes what one compressed part of a PDF other than an image may expand to; a file with
     *                       more (or an image stream with far more than its pixels) is refused (EXPANDS_TOO_LARGE),
     *                       see {@link CompressedData}
     */
    public TypeDetector(long maxTextBytes, long maxStreamBytes) {
        this.maxTextBytes = maxTextBytes;
        this.maxStreamBytes = maxStreamBytes;
    }

    public DetectedFile detect(Path path, String fileName) {
        String mediaType = mediaType(path, fileName);
        DocumentKind kind = ACCEPTED.get(mediaType);
        if (kind == null) {
            String what = KNOWN_NAMES.getOrDefault(mediaType, "of a kind (" + mediaType + ")");
            throw new IngestFailure("UNSUPPORTED_TYPE",
                    "The file is " + what + ", which the service does not read. It reads PDF, TIFF, PNG, JPEG and plain-text reports.",
                    "Convert the document to PDF (or export the scan as TIFF/PNG/JPEG) and drop it into the inbox again.");
        }
        return switch (kind) {
            case PDF -> checkPdf(path, fileName);
            case TIFF, JPEG -> checkImage(path, fileName, kind);
            case PNG -> {
                checkPngChunks(path, fileName);
                yield checkImage(path, fileName, kind);
            }
            case TEXT -> {
                checkNotABrokenBinary(fileName);
                checkTextSize(path);
                yield new DetectedFile(path, fileName, kind, textDecoder.charsetOf(path));
            }
        };
    }

    /**
     * Text under a name that promises a PDF or an image ("report.pdf" holding one byte, or an HTML error page a
     * download saved): not a report in plain text but a file that is not what it should be.
     */
    private static void checkNotABrokenBinary(String fileName) {
        String lower = fileName.toLowerCase(java.util.Locale.ROOT);
        int dot = lower.lastIndexOf('.');
        String ext = dot < 0 ? "" : lower.substring(dot + 1);
        String promised = switch (ext) {
            case "pdf" -> "a PDF";
            case "tif", "tiff" -> "a TIFF image";
            case "png" -> "a PNG image";
            case "jpg", "jpeg" -> "a JPEG image";
            default -> null;
        };
        if (promised == null) return;
        throw new IngestFailure("CORRUPT", "The file is named ." + ext + " but holds plain text, not " + promised
                + ": it may be cut off, or another kind of file saved under this name.",
                "Open it to check; export or scan the document again and drop the new file into the inbox "
                        + "(a report in plain text should be named .txt).");
    }

    private void checkTextSize(Path path) {
        long size;
        try {
            size = java.nio.file.Files.size(path);
        } catch (IOException e) {
            throw new IngestFailure("UNREADABLE", "The file could not be read from the inbox.",
                    "Check that the file is not locked or truncated, then drop it into the inbox again.", e);
        }
        if (size > maxTextBytes) {
            throw new IngestFailure("TOO_LARGE", "The text file is " + (size >> 20) + " MB, above the limit of "
                    + (maxTextBytes >> 20) + " MB for text files.",
                    "Split the text into smaller files and drop them into the inbox, or ask the operator to raise "
                            + "ingest.max-text-mb in application.properties.");
        }
    }

    private String mediaType(Path path, String fileName) {
        Metadata md = new Metadata();
        md.set(TikaCoreProperties.RESOURCE_NAME_KEY, fileName);
        try (TikaInputStream in = TikaInputStream.get(path)) {
            return MediaType.parse(tika.detect(in, md)).getBaseType().toString();
        } catch (IOException e) {
            throw new IngestFailure("UNREADABLE", "The file could not be read from the inbox.",
                    "Check that the file is not locked or truncated, then drop it into the inbox again.", e);
        }
    }

    private DetectedFile checkPdf(Path path, String fileName) {
        try {
            CompressedData.checkPdfStructure(path, fileName, maxStreamBytes);
        } catch (IOException e) {
            throw new IngestFailure("UNREADABLE", "The file could not be read from the inbox.",
                    "Check that the file is not locked or truncated, then drop it into the inbox again.", e);
        }
        // temp-file cache: the decrypted copy of an encrypted PDF's streams goes to disk, not the heap
        try (PDDocument doc = Loader.loadPDF(path.toFile(), IOUtils.createTempFileOnlyStreamCache())) {
            CompressedData.checkPdf(doc, fileName, maxStreamBytes);
            if (doc.getNumberOfPages() == 0) {
                throw new IngestFailure("CORRUPT", "The PDF has no pages.",
                        "Export or scan the document again and drop the new file into the inbox.");
            }
        } catch (InvalidPasswordException e) {
            throw new IngestFailure("ENCRYPTED", "The PDF is protected by a password, so its pages cannot be read.",
                    "Ask the sender for an unprotected copy (or remove the password) and drop it into the inbox again.", e);
        } catch (IOException e) {
            throw new IngestFailure("CORRUPT", "The PDF is damaged and cannot be opened: it may be cut off or not a complete PDF.",
                    "Open it in a PDF viewer to check; export or scan it again and drop the new file into the inbox.", e);
        } catch (OutOfMemoryError e) {
            // the last resort, for structure the checks above cannot see before it is decoded (an encrypted
            // object stream): the loader's buffers are unreachable once we are here
            throw new IngestFailure("EXPANDS_TOO_LARGE", "'" + fileName + "' could not be opened within the service's memory: "
                    + "its structure expands far beyond what its pages need, so the file is damaged or made to exhaust memory.",
                    "Open the file in a viewer to check it; export it again ('print to PDF' makes a clean copy) and drop the "
                            + "new file into the inbox.", e);
        }
        return new DetectedFile(path, fileName, DocumentKind.PDF, null);
    }

    private static void checkPngChunks(Path path, String fileName) {
        try {
            CompressedData.checkPng(path, fileName);
        } catch (IOException e) {
            throw new IngestFailure("CORRUPT", "The PNG image is damaged and cannot be read.",
                    "Scan or export the page again and drop the new file into the inbox.", e);
        }
    }

    private static DetectedFile checkImage(Path path, String fileName, DocumentKind kind) {
        try (ImageInputStream in = ImageIO.createImageInputStream(path.toFile())) {
            Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
            if (readers == null || !readers.hasNext()) throw new IOException("no image reader for this file");
            ImageReader reader = readers.next();
            try {
                reader.setInput(in);
                if (reader.getWidth(0) <= 0 || reader.getHeight(0) <= 0) throw new IOException("image has no size");
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            throw new IngestFailure("CORRUPT", "The " + kind.name() + " image is damaged and cannot be read.",
                    "Scan or export the page again and drop the new file into the inbox.", e);
        }
        return new DetectedFile(path, fileName, kind, null);
    }
}
