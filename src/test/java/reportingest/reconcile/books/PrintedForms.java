package reportingest.reconcile.books;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.text.Normalizer;
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
final class PrintedForms {
    private static final Pattern FORM_LINE = Pattern.compile(
            "^\\s*(附?表\\s*[0-9一二三四五六七八九十]{1,3}(?:\\s*[-－]\\s*[0-9]{1,2})?"
                    + "(?:\\s*[（(]\\s*之\\s*[0-9一二三四五六七八九十]{1,3}\\s*[)）])?)(?:\\s*[:：].*|\\s+\\S.*|$)");
    /** A contents line: dot leaders (……, ...) before its page number. */
    private static final Pattern LEADER = Pattern.compile("…|\\.{3}|·{3}");

    private PrintedForms() {}

    static boolean available() {
        try {
            return new ProcessBuilder("pdftotext", "-v").redirectErrorStream(true).start().waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    static Map<String, TreeSet<Integer>> of(Path pdf) {
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

    static Map<String, TreeSet<Integer>> of(List<String> pages) {
        return of(pages, 1);
    }

    /** As {@link #of(List)}, the first page text being page {@code first} of the book. */
    static Map<String, TreeSet<Integer>> of(List<String> pages, int first) {
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

    /** A form number as compared: NFKC, no spaces, brackets full-width (表二（之一）). */
    static String normal(String formNo) {
        return Normalizer.normalize(formNo, Normalizer.Form.NFKC).replaceAll("\\s+", "")
                .replace('(', '（').replace(')', '）').replace('－', '-');
    }
}
