package reportingest.reconcile.narrative;

import reportingest.layout.Page;
import reportingest.layout.TextLine;
import reportingest.reconcile.BookFigureName;
import reportingest.reconcile.NarrativeFact;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The figures a government's book states in the 说明 it prints beside a table (说明二（之一） explains 表二（之一）):
 * "①行政运行决算数为9823万元", each named by its row label, the labels of the numbered sentences above it
 * (1. 一般公共服务支出 > (1) 人大事务 > ① 行政运行) and the column word it prints (决算数, 预算数, 调整预算数, 执行数),
 * see {@link BookFigureName}. Numbering styles rank by first use within a 说明, as its headings nest; a sentence without
 * a number stands under the last numbered one (其中：…). Tables are not looked at here: validation finds the cell.
 */
final class BookFigureReader {
    private static final Pattern EXPLANATION = Pattern.compile("^说明[一二三四五六七八九十]+(?:\\(之[一二三四五六七八九十]+\\))?");
    /** A table's own form number line (alone, or with its unit: 表二 单位：万元) ends the 说明 before it. */
    private static final Pattern TABLE_FORM = Pattern.compile("^附?表[一二三四五六七八九十\\d]+(?:\\(之[一二三四五六七八九十]+\\))?(?:$|单位)");
    private static final Pattern PAGE_NUMBER = Pattern.compile("^[-—]?\\d{1,3}[-—]?$");
    private static final Pattern FIGURE = Pattern.compile(
            "(?<word>调整预算数|预算数|决算数|执行数)(?:为|是)?(?<num>(?:\\d{1,3}(?:,\\d{3})+(?!\\d)|\\d+)(?:\\.\\d+)?)(?<unit>亿元|万元|元)");
    private static final Pattern CLAUSE_END = Pattern.compile("[,:;。]");
    private static final Pattern YEAR = Pattern.compile("^(\\d{4})年度?");
    private static final Pattern PART_OF = Pattern.compile("^其中[:,]?");
    private static final Pattern PART_OF_END = Pattern.compile("其中[:,]$");
    /** Numbering styles, one level each: 一、 (一) (1) 1. ①. */
    private static final List<Pattern> NUMBERS = List.of(
            Pattern.compile("^[一二三四五六七八九十]+、"),
            Pattern.compile("^\\([一二三四五六七八九十]+\\)"),
            Pattern.compile("^\\(\\d{1,2}\\)"),
            // the book may print the dot after a number as a private glyph (１􀆰), as it prints its decimal point
            Pattern.compile("^\\d{1,2}[.、\\p{Co}](?!\\d)"),
            Pattern.compile("^[\\u2460-\\u2473]"));
    private static final int MAX_HEADING = 30;
    private static final int MAX_LABEL = 40;
    /** A one-character "label" is a word of the sentence (较预算数, 为调整预算数), not a row. */
    private static final int MIN_LABEL = 2;

    List<NarrativeFact> read(List<Page> pages, Integer documentYear) {
        Reading r = new Reading(documentYear);
        for (Page p : pages) {
            for (TextLine l : p.lines()) r.line(p.number(), l.lineNo(), fold(Text.squash(l.text())));
        }
        r.flush();
        return r.facts;
    }

    /**
     * Full-width letters, digits and punctuation as ASCII (the books print them full-width: １１０６４７４); a private glyph
     * between two digits is the book's decimal point (３􀆰２ is 3.2). Circled numbers (①) stay: they number sentences.
     */
    static String fold(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        int[] cps = s.codePoints().toArray();
        for (int i = 0; i < cps.length; i++) {
            int c = cps[i];
            if (c >= 0xFF01 && c <= 0xFF5E) c -= 0xFEE0;
            boolean betweenDigits = i > 0 && i + 1 < cps.length && isDigit(cps[i - 1]) && isDigit(cps[i + 1]);
            if (Character.getType(c) == Character.PRIVATE_USE && betweenDigits) c = '.';
            sb.appendCodePoint(c);
        }
        return sb.toString();
    }

    private static boolean isDigit(int c) {
        return c >= '0' && c <= '9' || c >= 0xFF10 && c <= 0xFF19;
    }

    /** The numbering style a paragraph opens with (index into NUMBERS), and its length; null when none. */
    private static int[] number(String text) {
        for (int i = 0; i < NUMBERS.size(); i++) {
            Matcher m = NUMBERS.get(i).matcher(text);
            if (m.find()) return new int[]{i, m.end()};
        }
        return null;
    }

    /** One pass over the lines: the open 说明, the paragraph being joined, the numbered labels above it. */
    private static final class Reading {
        final Integer documentYear;
        final List<NarrativeFact> facts = new ArrayList<>();
        String section;
        final StringBuilder paragraph = new StringBuilder();
        int page, lineNo;
        /** Rank of each numbering style in this 说明, by first use; the label at each rank. */
        final Map<Integer, Integer> ranks = new HashMap<>();
        final List<String> labels = new ArrayList<>();

        Reading(Integer documentYear) {
            this.documentYear = documentYear;
        }

        void line(int pageNo, int line, String text) {
            if (text.isEmpty() || PAGE_NUMBER.matcher(text).matches()) return; // a paragraph runs on over the page number
            Matcher explanation = EXPLANATION.matcher(text);
            boolean opens = explanation.find();
            if (opens || TABLE_FORM.matcher(text).matches()) {
                flush();
                section = opens ? explanation.group() : null;
                ranks.clear();
                labels.clear();
                return;
            }
            if (section == null) return;
            int[] number = number(text);
            if (number != null) flush();
            if (paragraph.isEmpty()) {
                page = pageNo;
                lineNo = line;
            }
            paragraph.append(text);
            boolean heading = number != null && text.length() <= MAX_HEADING && !FIGURE.matcher(text).find()
                    && !CLAUSE_END.matcher(text).find();
            if (text.endsWith("。") || heading) flush();
        }

        void flush() {
            if (paragraph.isEmpty()) return;
            String text = paragraph.toString();
            paragraph.setLength(0);
            int[] number = number(text);
            String rest = number == null ? text : text.substring(number[1]);
            Matcher m = FIGURE.matcher(rest);
            if (!m.find()) {
                // a numbered heading without a figure (1. 一般公共服务支出) names the lines under it
                if (number != null && isLabel(label(rest))) place(number[0], label(rest));
                return;
            }
            String previous = null;
            boolean first = true;
            do {
                int start = clauseStart(rest, m.start());
                String printed = rest.substring(start, m.start());
                Integer year = documentYear;
                Matcher y = YEAR.matcher(PART_OF.matcher(printed).replaceFirst(""));
                if (y.find()) year = Integer.valueOf(y.group(1));
                String label = label(printed);
                boolean inherited = label.isEmpty();
                if (inherited) label = previous; // 预算数为…，决算数为…: the same line
                // 其中：X is a line under the one before, even when it bears the same name (其他科学技术支出 款 and 项)
                boolean partOf = PART_OF.matcher(printed).find() || PART_OF_END.matcher(rest.substring(0, start)).find();
                if (isLabel(label)) {
                    List<String> path = first && number != null && !inherited ? place(number[0], label) : under(label, partOf && !inherited);
                    facts.add(new NarrativeFact(section, rest.substring(start, m.end()), new BookFigureName(path, m.group("word")).figure(),
                            m.group("num").replace(",", ""), m.group("unit"), BookFigureName.SCOPE, year, page, lineNo));
                }
                previous = label;
                first = false;
            } while (m.find());
        }

        /** A numbered label takes its style's rank; the labels under the rank before are kept, deeper ones dropped. */
        List<String> place(int style, String label) {
            int rank = ranks.computeIfAbsent(style, k -> ranks.size());
            while (labels.size() > rank) labels.remove(labels.size() - 1);
            while (labels.size() < rank) labels.add(null);
            labels.add(label);
            return path(null);
        }

        /** An unnumbered figure: the last numbered line's own when it names that label (and no 其中 opens it), else a line under it. */
        List<String> under(String label, boolean partOf) {
            String last = null;
            for (String l : labels) if (l != null) last = l;
            return path(label.equals(last) && !partOf ? null : label);
        }

        private List<String> path(String extra) {
            List<String> out = new ArrayList<>();
            for (String l : labels) if (l != null && !l.isEmpty()) out.add(l);
            if (extra != null) out.add(extra);
            return out;
        }
    }

    /** A row label: no figures in it, not a word of the sentence, not a paragraph. */
    private static boolean isLabel(String label) {
        return label != null && label.length() >= MIN_LABEL && label.length() <= MAX_LABEL && label.chars().noneMatch(Character::isDigit);
    }

    private static int clauseStart(String text, int end) {
        int start = 0;
        Matcher c = CLAUSE_END.matcher(text);
        while (c.find() && c.start() < end) start = c.end();
        return start;
    }

    /** The row label a clause prints before its figure: no 其中：, year or sentence number. */
    private static String label(String printed) {
        String s = PART_OF.matcher(printed).replaceFirst("");
        s = YEAR.matcher(s).replaceFirst("");
        int[] number = number(s);
        if (number != null) s = s.substring(number[1]);
        return PART_OF.matcher(s).replaceFirst("");
    }
}
