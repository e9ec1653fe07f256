package reportingest.eval;

import java.util.Optional;

/**
 * The facets of a generated input's variant ({@link Variants#of}): files written by the producer
 * corpus are named {@code <doc>.<producer>.<face>.<look>.<ext>}, so their variant has three
 * dot-separated parts. A look starting with {@code scan} is a scan variant
 * ({@code scan200-grey-degraded-img2pdf}); any other look is born-digital. Other inputs
 * ({@code 001_x.ownpage.pdf}, {@code x.txt}) have no facets.
 */
public record Facets(String producer, String face, String scan) {

    public static Optional<Facets> of(String fileName) {
        String[] parts = Variants.of(fileName).split("\\.");
        if (parts.length != 3) return Optional.empty();
        return Optional.of(new Facets(parts[0], parts[1], parts[2].startsWith("scan") ? parts[2] : "born-digital"));
    }
}
