package reportingest.eval.books;

import reportingest.layout.Page;
import reportingest.layout.TextLine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The form numbers a book prints, read independently of this service: {@code pdftotext -layout} (poppler), lines that
 * start with a form number (表73, 附表十一, 附表十六-2, 表二（之一）) followed by a title, a colon or nothing, outside
 * contents pages (a page with dot leaders). Each form number maps to the pages printing it, in page order.
 */
public final class PrintedForms {
    private static final Pattern FORM_LINE = Pattern.compile(
            "^\\s*(附?表\\s*[0-9一二三四五六七八九十]{1,3}(?:\\s*[-－]\\s*[0-9]{1,2})?"
                    + "(?:\\s*[（(]\\s*之\\s*[0-9一二三四五六七八九十]{1,3}\\s*[)）])?)(?:\\s*[:：].*|\\s+\\S.*|$)");
    /** A contents line: dot leaders (……, ...) before its page number. */
    private static final Pattern LEADER = Pattern.compile("…|\\.{3}|·{3}");

    private PrintedForms() {}

    public static boolean available() {
        try {
            return new ProcessBuilder("pdftotext", "-v").redirectErrorStream(true).start().waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    public static Map<String, TreeSet<Integer>> of(Path pdf) {
        String text;
        try {
            Process p = new ProcessBuilder("pdftotext", "-layout", pdf.toString(), "-")
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return of(List.of(text.split("\f", -1)));
    }

    public static Map<String, TreeSet<Integer>> of(List<String> pages) {
        return of(pages, 1);
    }

    /** As {@link #of(List)}, the first page text being page {@code first} of the book. */
    public static Map<String, TreeSet<Integer>> of(List<String> pages, int first) {
        Map<String, TreeSet<Integer>> out = new LinkedHashMap<>();
        for (int i = 0; i < pages.size(); i++) {
            String page = Normalizer.normalize(pages.get(i), Normalizer.Form.NFKC);
            if (LEADER.matcher(page).results().count() >= 3) continue; // a contents page
            for (String line : page.split("\n")) {
                Matcher m = FORM_LINE.matcher(line);
                if (m.matches()) out.computeIfAbsent(normal(m.group(1)), k -> new TreeSet<>()).add(i + first);
            }
        }
        return out;
    }

    /**
     * The forms a book prints as read by eye (a file such as src/test/resources/books/c01-printed-forms.tsv: form number,
     * the pages printing it, the unit printed or {@code -} for none, and optionally the title as printed).
     */
    public record Listed(Map<String, TreeSet<Integer>> pages, Map<String, String> units, Map<String, String> titles) {}

    public static Listed read(Path file) throws IOException {
        Map<String, TreeSet<Integer>> pages = new LinkedHashMap<>();
        Map<String, String> units = new HashMap<>(), titles = new HashMap<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.isBlank() || line.startsWith("#")) continue;
            String[] f = line.split("\t");
            String form = normal(f[0]);
            TreeSet<Integer> at = new TreeSet<>();
            for (String n : f[1].split(",")) at.add(Integer.parseInt(n.strip()));
            pages.put(form, at);
            units.put(form, f[2].strip().equals("-") ? null : f[2].strip());
            if (f.length > 3 && !f[3].isBlank()) titles.put(form, f[3].strip());
        }
        return new Listed(pages, units, titles);
    }

    /** The form numbers printed as the OCR'd lines of a scan read them (pdftotext gives a scan nothing). */
    public static Map<String, TreeSet<Integer>> ofPages(List<Page> pages) {
        List<String> texts = new ArrayList<>();
        for (Page p : pages) {
            StringBuilder sb = new StringBuilder();
            for (TextLine l : p.lines()) sb.append(l.text()).append('\n');
            texts.add(sb.toString());
        }
        return of(texts, pages.isEmpty() ? 1 : pages.get(0).number());
    }

    /** A form number as compared: NFKC, no spaces, brackets full-width (表二（之一）). */
    public static String normal(String formNo) {
        return Normalizer.normalize(formNo, Normalizer.Form.NFKC).replaceAll("\\s+", "")
                .replace('(', '（').replace(')', '）').replace('－', '-');
    }
}
