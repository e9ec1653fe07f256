package reportingest.eval;

import java.nio.file.Path;

/**
 * The variant part of an input's name: what lies between the document id (up to the first dot) and
 * the extension ({@code 001_x.cont-repeat.pdf} -> {@code cont-repeat}, {@code gen03_x-t05.page.jpg} ->
 * {@code page}); a name with nothing between them is its own extension's variant ({@code 001_x.txt} -> {@code txt}).
 */
public final class Variants {
    private Variants() {}

    public static String of(String fileName) {
        String name = Path.of(fileName).getFileName().toString();
        int first = name.indexOf('.');
        int last = name.lastIndexOf('.');
        if (first <= 0) return "(none)";
        if (first == last) return name.substring(last + 1);
        return name.substring(first + 1, last);
    }
}
