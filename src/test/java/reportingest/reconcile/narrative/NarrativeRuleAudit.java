package reportingest.reconcile.narrative;

import reportingest.layout.Page;
import reportingest.layout.TextLine;
import reportingest.layout.pdf.PdfPageSource;
import reportingest.layout.text.OcrTextPageSource;
import reportingest.reconcile.NarrativeFact;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which documents each narrative pattern of the catalog holds on (issue #22: a pattern only one document prints
 * is either shown general or removed; docs/narrative-patterns-audit.md). A diagnostic, not a test:
 * <pre>java -cp target/classes:target/test-classes:CLASSPATH reportingest.reconcile.narrative.NarrativeRuleAudit FILE… @LIST…</pre>
 * A {@code .txt} is read as OCR'd text, anything else as a PDF; {@code @LIST} names a file with one path a line.
 * For every document and pattern with a count it prints one tab-separated line: {@code raw} the pattern's matches
 * anywhere in the document's text with all whitespace removed (scope and section ignored), {@code facts} how many
 * facts the extractor loses when this pattern alone is left out of the catalog, then the first raw match and the
 * lost facts (figure=value).
 */
public final class NarrativeRuleAudit {
    private NarrativeRuleAudit() {}

    public static void main(String[] args) throws IOException {
        NarrativeCatalog full = NarrativeCatalog.load();
        Map<String, Pattern> patterns = CatalogPatterns.of(full);
        List<String> files = new ArrayList<>();
        for (String arg : args) {
            if (arg.startsWith("@")) {
                files.addAll(Files.readAllLines(Path.of(arg.substring(1))).stream().filter(l -> !l.isBlank()).toList());
            } else {
                files.add(arg);
            }
        }
        for (String arg : files) {
            Path file = Path.of(arg);
            List<Page> pages = pages(file);
            StringBuilder sb = new StringBuilder();
            for (Page p : pages) for (TextLine l : p.lines()) sb.append(l.text());
            String text = Text.squash(sb.toString());
            List<NarrativeFact> all = new NarrativeExtractor(full).extract(pages, null);
            String name = file.getFileName().toString();
            System.out.printf("#doc\t%s\tfacts=%d\tchars=%d%n", name, all.size(), text.length());
            for (Map.Entry<String, Pattern> e : patterns.entrySet()) {
                int raw = 0;
                String first = null;
                if (!e.getKey().equals("share")) {   // the share pattern is anchored after a figure
                    Matcher m = e.getValue().matcher(text);
                    while (m.find()) {
                        if (first == null) {
                            first = text.substring(Math.max(0, m.start() - 8), Math.min(text.length(), m.end() + 4));
                        }
                        raw++;
                    }
                }
                List<NarrativeFact> fewer =
                        new NarrativeExtractor(CatalogPatterns.without(full, e.getKey())).extract(pages, null);
                List<String> rest = new ArrayList<>(fewer.stream().map(NarrativeRuleAudit::key).toList());
                List<String> lost = new ArrayList<>();
                for (NarrativeFact f : all) {
                    if (!rest.remove(key(f))) lost.add(f.figure() + "=" + f.value());
                }
                if (raw > 0 || !lost.isEmpty()) {
                    System.out.printf("%s\t%s\traw=%d\tfacts=%d\t%s\t%s%n", e.getKey(), name, raw, lost.size(),
                            first == null ? "" : first, String.join(" ; ", lost));
                }
            }
        }
    }

    private static String key(NarrativeFact f) {
        return f.figure() + "|" + f.value() + "|" + f.page() + "|" + f.lineNo();
    }

    static List<Page> pages(Path file) throws IOException {
        List<Page> pages = new ArrayList<>();
        if (file.toString().endsWith(".txt")) {
            new OcrTextPageSource().split(Files.readString(file, StandardCharsets.UTF_8), pages::add);
        } else {
            new PdfPageSource(null).pages(file, pages::add);
        }
        return pages;
    }
}
