package reportingest.tables.tabula;

import reportingest.layout.BBox;
import reportingest.layout.Page;
import reportingest.layout.PageOrigin;
import reportingest.layout.TextLine;
import reportingest.layout.Word;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Pages as ScanDump printed their words ({@code [text @x0-x1,y hH cC]}, one line of the page per line), kept under
 * src/test/resources: real readings of real renders and scans, without the renderer or OCR in the test.
 */
final class WordDumps {
    private static final Pattern WORD = Pattern.compile("\\[(\\S+) @(-?\\d+)-(-?\\d+),(-?\\d+) h(\\d+) c(\\d+)\\]");

    private WordDumps() {}

    /** The page of A4 landscape size read from {@code resource} (a classpath path), numbered {@code number}. */
    static Page page(String resource, int number, PageOrigin origin) {
        List<TextLine> lines = new ArrayList<>();
        try (InputStream in = WordDumps.class.getResourceAsStream(resource)) {
            if (in == null) throw new IllegalArgumentException("no test resource " + resource);
            for (String l : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                List<Word> ws = new ArrayList<>();
                Matcher m = WORD.matcher(l);
                while (m.find()) {
                    double x0 = Double.parseDouble(m.group(2)), x1 = Double.parseDouble(m.group(3));
                    ws.add(new Word(m.group(1), new BBox(x0, Double.parseDouble(m.group(4)), Math.max(1, x1 - x0),
                            Math.max(1, Double.parseDouble(m.group(5)))), Double.parseDouble(m.group(6))));
                }
                if (!ws.isEmpty()) lines.add(new TextLine(lines.size() + 1, ws));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Page(number, 842, 595, origin, lines, List.of());
    }
}
