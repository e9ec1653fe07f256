package reportingest.detect;

/** The kinds of input the service accepts. */
public enum DocumentKind {
    PDF("application/pdf"),
    TIFF("image/tiff"),
    PNG("image/png"),
    JPEG("image/jpeg"),
    TEXT("text/plain");

    private final String mediaType;

    DocumentKind(String mediaType) { this.mediaType = mediaType; }

    public String mediaType() { return mediaType; }
}
