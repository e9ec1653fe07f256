package reportingest.reconcile.narrative;

import reportingest.layout.Page;
import reportingest.layout.TextLine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cuts the pages into narrative {@link TextBlock}s: only inside 第三部分 (the 决算 explanation) and
 * appended performance reports, one block per heading, wrapped lines joined.
 */
final class BlockReader {
    private static final Pattern YEAR = Pattern.compile("(\\d{4})\\s*年");
    private static final Pattern YEAR_OF = Pattern.compile("(\\d{4})年度");
    /** A title split over two lines is joined only when short, so body text is never taken for a title. */
    private static final int MAX_TITLE = 60;
    /** How many lines after 第三部分 may carry the year of the explanation. */
    private static final int YEAR_LOOKAHEAD = 6;

    private final NarrativeCatalog catalog;
    private final Pattern contentNumber;

    BlockReader(NarrativeCatalog catalog) {
        this.catalog = catalog;
        this.contentNumber = Pattern.compile("\\d[\\d.,]*" + catalog.contentUnit().pattern());
    }

    private record Line(int page, int lineNo, String raw, String text, boolean table) {}

    List<TextBlock> read(List<Page> pages) {
        return read(pages, null);
    }

    /**
     * @param documentYear the fiscal year the document's cover and tables state, or null: the 决算说明 part
     *                     describes that year even where its heading misprints another
     */
    List<TextBlock> read(List<Page> pages, Integer documentYear) {
        List<Line> lines = new ArrayList<>();
        for (Page p : pages) {
            for (TextLine l : p.lines()) {
                String raw = l.text();
                lines.add(new Line(p.number(), l.lineNo(), raw, Text.squash(raw), tableRow(raw)));
            }
        }
        // a sentence whose figure ends the line and whose unit opens the next (…支出预算合计 | 1234.56 / 万元，其中：)
        // goes on: that line is no table row
        for (int i = 0; i < lines.size(); i++) {
            Line l = lines.get(i);
            if (!l.table()) continue;
            for (int k = i + 1; k < lines.size(); k++) {
                if (lines.get(k).text().isEmpty()) continue;
                if (UNIT_GOES_ON.matcher(lines.get(k).text()).find()) lines.set(i, new Line(l.page(), l.lineNo(), l.raw(), l.text(), false));
                break;
            }
        }
        State st = new State();
        for (int i = 0; i < lines.size(); i++) {
            Line l = lines.get(i);
            if (l.text().isEmpty()) continue;                  // PDF text has blank lines inside paragraphs
            if (pageNumber(lines, i)) continue;                // a paragraph runs on over the page's number
            // a part heading printed with a wide gap (第三部分<tab>…) reads like a table row; it still opens the part
            NarrativeCatalog.Part part = catalog.scopes().opened(l.text());
            if (part != null) {
                st.enter(part.scope(), documentYear != null ? documentYear : partYear(part, lines, i), null);
                continue;
            }
            if (l.table() && ends(st, l)) { st.leave(); continue; }
            if (l.table()) { st.flush(); continue; }          // tables are not narrative
            int consumed = reportTitle(lines, i, st);
            if (consumed > 0) { i += consumed - 1; continue; }
            if (st.scope == null) continue;
            if (ends(st, l)) {
                st.leave();
                continue;
            }
            if (!heading(l, st)) st.append(l, l.text());
        }
        st.flush();
        return fillYears(st.blocks);
    }

    private static final Pattern PAGE_NUMBER = Pattern.compile("^(?:[-—─–－]*\\d{1,3}[-—─–－]*|第\\d{1,3}页(?:共\\d{1,3}页)?)$");

    /**
     * The line is the page's number: a bare number (-13-, ─13─, 第13页) as the first or last line of its page.
     * A sentence that runs over a page break must not take it in (因公出国（境）费支出 222.5 | 27 | 万元).
     */
    private static boolean pageNumber(List<Line> lines, int i) {
        Line l = lines.get(i);
        if (!PAGE_NUMBER.matcher(l.text()).matches()) return false;
        return edge(lines, i, -1) || edge(lines, i, 1);
    }

    /** No non-blank line of the same page before (step -1) or after (step 1) line i. */
    private static boolean edge(List<Line> lines, int i, int step) {
        for (int k = i + step; k >= 0 && k < lines.size() && lines.get(k).page() == lines.get(i).page(); k += step) {
            if (!lines.get(k).text().isEmpty()) return false;
        }
        return true;
    }

    /** The line closes the open part or report (the next part, the glossary, an annex). */
    private boolean ends(State st, Line l) {
        if (st.scope == null) return false;
        NarrativeCatalog.Part part = catalog.scopes().part(st.scope);
        return (part != null ? part.end() : catalog.scopes().reportEnd()).matcher(l.text()).find();
    }

    /**
     * Cells separated by tabs (or wide gaps) make a table row; a justified sentence has wide gaps too,
     * but also the clause punctuation (，。；) table cells do not print, or, broken at the end of a line,
     * only two runs of words and no figure.
     */
    static boolean tableRow(String raw) {
        if (raw.indexOf('\t') < 0 || SENTENCE.matcher(raw).find()) return false;
        // two runs of words and no figure: a justified line of a sentence broken at its end (…拨款安排的会议费预 |
        // 算支出 12.34 万元), not a row of cells
        // a number set apart from the unit or date word it belongs to (2018 | 年度…, 12.34 | 万元) is text, not a cell
        List<String> cells = new ArrayList<>();
        String[] parts = raw.strip().split("\t+");
        for (int i = 0; i < parts.length; i++) {
            String c = parts[i].strip();
            if (FIGURE.matcher(c).matches() && i + 1 < parts.length && UNIT_START.matcher(parts[i + 1].strip()).find()) {
                parts[i + 1] = c + parts[i + 1].strip();
                continue;
            }
            cells.add(c);
        }
        if (cells.size() >= 3) return true;
        for (String c : cells) if (FIGURE.matcher(c).matches()) return true;
        return false;
    }

    private static final Pattern UNIT_GOES_ON = Pattern.compile("^(?:万元|元|%|％)[，,。；;：:、]");

    private static final Pattern UNIT_START = Pattern.compile("^(?:年|月|日|万|千|亿|元|%|％|个|人|辆|台|套|次)");

    private static final Pattern FIGURE = Pattern.compile("^[-－]?[\\d,，.．]+%?$");

    private static final Pattern SENTENCE = Pattern.compile("[，。；]");

    private static Integer partYear(NarrativeCatalog.Part part, List<Line> lines, int from) {
        int seen = 0;
        for (int i = from; i < lines.size() && seen <= YEAR_LOOKAHEAD; i++) {
            String t = lines.get(i).text();
            if (t.isEmpty()) continue;
            seen++;
            Matcher m = part.year().matcher(t);
            if (m.find()) return Integer.valueOf(m.group(1));
        }
        return null;
    }

    /** Recognises a report title on this line or this line plus the next non-blank one; returns lines used. */
    private int reportTitle(List<Line> lines, int i, State st) {
        String one = lines.get(i).text();
        if (one.length() > MAX_TITLE) return 0;
        if (titleScope(one) != null) {
            st.enter(titleScope(one), yearIn(one), lines.get(i).raw().trim());
            return 1;
        }
        for (int j = i + 1; j < lines.size(); j++) {
            Line next = lines.get(j);
            if (next.table()) return 0;
            if (next.text().isEmpty()) continue;
            if (titleScope(next.text()) != null) return 0;   // the next line is the title on its own
            String two = one + next.text();
            if (two.length() > MAX_TITLE || titleScope(two) == null) return 0;
            st.enter(titleScope(two), yearIn(two), lines.get(i).raw().trim() + next.text());
            return j - i + 1;
        }
        return 0;
    }

    private String titleScope(String text) {
        for (NarrativeCatalog.ReportTitle r : catalog.scopes().reports()) {
            if (r.title().matcher(text).find()) return r.scope();
        }
        return null;
    }

    private static Integer yearIn(String text) {
        Matcher m = YEAR.matcher(text);
        return m.find() ? Integer.valueOf(m.group(1)) : null;
    }

    /** Starts a new block when the line is a heading; title-like headings go into the section path. */
    private boolean heading(Line l, State st) {
        for (NarrativeCatalog.Heading h : catalog.headings()) {
            Matcher m = h.regex().matcher(l.text());
            if (!m.find()) continue;
            st.flush();
            String rest = l.text().substring(m.end());
            boolean title = !contentNumber.matcher(rest).find();
            st.setHeading(h.level(), title ? l.raw().trim() : null);
            if (h.item()) st.item = Integer.valueOf(l.text().substring(0, m.end()).replaceAll("\\D", ""));
            else if (h.level() < itemLevel()) st.item = null;
            st.append(l, l.text());
            // a title must not run into the paragraph below it
            if (title) st.append(l, "\n");
            return true;
        }
        return false;
    }

    private int itemLevel() {
        return catalog.headings().stream().filter(NarrativeCatalog.Heading::item)
                .mapToInt(NarrativeCatalog.Heading::level).findFirst().orElse(Integer.MAX_VALUE);
    }

    /** When no year was printed with the scope title, the year most often written as "20xx年度" in it. */
    private static List<TextBlock> fillYears(List<TextBlock> blocks) {
        Map<String, Map<Integer, Integer>> counts = new HashMap<>();
        for (TextBlock b : blocks) {
            if (b.year() != null) continue;
            Matcher m = YEAR_OF.matcher(b.text());
            while (m.find()) {
                counts.computeIfAbsent(b.scope(), k -> new HashMap<>()).merge(Integer.valueOf(m.group(1)), 1, Integer::sum);
            }
        }
        List<TextBlock> out = new ArrayList<>(blocks.size());
        for (TextBlock b : blocks) {
            if (b.year() == null && counts.containsKey(b.scope())) {
                Integer y = counts.get(b.scope()).entrySet().stream().max(Map.Entry.comparingByValue())
                        .map(Map.Entry::getKey).orElse(null);
                out.add(b.withYear(y));
            } else {
                out.add(b);
            }
        }
        return out;
    }

    /** Scope, heading stack and the block being filled. */
    private static final class State {
        final List<TextBlock> blocks = new ArrayList<>();
        String scope;
        Integer year;
        String title;
        final String[] path = new String[8];
        Integer item;
        final StringBuilder text = new StringBuilder();
        final List<int[]> where = new ArrayList<>();

        void enter(String s, Integer y, String t) {
            flush();
            scope = s;
            year = y;
            title = t;
            java.util.Arrays.fill(path, null);
            item = null;
        }

        void leave() {
            flush();
            scope = null;
        }

        void setHeading(int level, String text) {
            path[level] = text;
            for (int i = level + 1; i < path.length; i++) path[i] = null;
        }

        void append(Line l, String s) {
            if (scope == null) return;
            text.append(s);
            for (int i = 0; i < s.length(); i++) where.add(new int[] {l.page(), l.lineNo()});
        }

        void flush() {
            if (scope != null && text.length() > 0) {
                int[] pages = new int[where.size()];
                int[] lines = new int[where.size()];
                for (int i = 0; i < pages.length; i++) {
                    pages[i] = where.get(i)[0];
                    lines[i] = where.get(i)[1];
                }
                blocks.add(new TextBlock(scope, year, section(), item, text.toString(), pages, lines));
            }
            text.setLength(0);
            where.clear();
        }

        private String section() {
            List<String> parts = new ArrayList<>();
            if (title != null) parts.add(title);
            for (String p : path) if (p != null) parts.add(p);
            return String.join(" > ", parts);
        }
    }
}
