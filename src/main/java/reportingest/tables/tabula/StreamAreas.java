package reportingest.tables.tabula;

import reportingest.layout.Page;
import reportingest.layout.TextLine;
import reportingest.layout.Word;

import java.util.ArrayList;
import java.util.List;

/**
 * Where unruled tables are on a page: runs of lines split into three or more parts by wide gaps,
 * with the adjacent header and total lines that have fewer; titles, notes and paragraphs stay out,
 * since column positions are taken from every line of the run.
 */
final class StreamAreas {
    /** A gap this many line heights wide separates columns. */
    private static final double WIDE_GAP = 1.5;
    /** Header texts of neighbouring columns are at least this many line heights apart (a space is about 0.3). */
    private static final double HEADER_GAP = 1.0;
    /** Tabular lines this many line heights apart still belong to one table (wrapped header lines). */
    private static final double SAME_TABLE = 3.0;
    private static final int MIN_LINES = 3;
    /** Lines a page may print above a table's spilled last lines (a running header, a form number). */
    private static final int TOP_LINES = 2;
    /** An amount, not a year or a page number: a decimal point or a separator, or five digits and more. */
    private static final java.util.regex.Pattern AMOUNT =
            java.util.regex.Pattern.compile("^[-－(（]?(?:[0-9０-９][0-9０-９,，]*[.．][0-9０-９]+|[0-9０-９]{1,3}(?:[,，][0-9０-９]{3})+|[0-9０-９]{5,})[)）]?$");
    /** Tabular lines a table needs besides its widened lines (an empty table's header may have only one). */
    private static final int MIN_TABULAR = 1;
    /** A lone text this short next to a table is a cell (合计, a header over several rows), not a sentence. */
    private static final int SHORT_CELL = 16;
    /** Lines of a two-column table (label, figure) a table needs when no line has more columns. */
    private static final int MIN_PAIRS = 2;
    /** Header lines (科目名称 | 决算数) a run of label-figure lines takes above its first one. */
    private static final int PAIR_HEADER_LINES = 2;
    private static final java.util.regex.Pattern FIGURE =
            java.util.regex.Pattern.compile("^[-－+(（]?[0-9０-９][0-9０-９,，.．]*[)）%％]?$");
    /** 部门：, 单位： with the colon as OCR may read it (部门;临川市财政局, 单位，万元). */
    private static final java.util.regex.Pattern LABELLED = java.util.regex.Pattern.compile("(部门|单位)[;；,，.]");
    private static final java.util.regex.Pattern HAN = java.util.regex.Pattern.compile("\\p{IsHan}");
    /** A Chinese character's OCR box over a figure's in the same type (figures fill about 0.7 of the em, Chinese 0.9). */
    private static final double FIGURE_TO_TYPE = 1.3;
    private static final java.util.regex.Pattern CLAUSE = java.util.regex.Pattern.compile("[，。；,;]\\p{IsHan}");
    private static final java.util.regex.Pattern SENTENCE = java.util.regex.Pattern.compile("[，。；,;]");

    private StreamAreas() {}

    /**
     * The lines of each unruled table: a run of tabular lines, widened to the adjacent lines of
     * its header and body that have fewer gaps (a spanning header over two columns, an empty
     * table's 合计 line), but not to notes or to 部门/单位 lines, which carry a colon.
     */
    static List<List<TextLine>> tables(Page page) {
        boolean ocr = page.origin() == reportingest.layout.PageOrigin.OCR;
        List<TextLine> all = page.lines().stream().filter(l -> !l.words().isEmpty()).toList();
        List<List<TextLine>> out = new ArrayList<>();
        int i = 0;
        while (i < all.size()) {
            if (!tabular(all.get(i)) && !labelAndAmount(all.get(i))) { i++; continue; }
            int start = i, end = i;
            int tabularCount = tabular(all.get(i)) ? 1 : 0;
            int pairs = tabularCount == 0 ? 1 : 0;
            boolean amount = tabularCount == 0 && endsInAmount(all.get(i));
            for (int k = i + 1; k < all.size(); k++) {
                if (top(all.get(k)) - bottom(all.get(k - 1)) > SAME_TABLE * height(all.get(k))) break;
                if (tabular(all.get(k))) {
                    tabularCount++;
                } else if (labelAndAmount(all.get(k))) {
                    pairs++;
                    amount |= endsInAmount(all.get(k));
                } else if (tabularCount == 0 ? !labelOnly(all.get(k), all.get(i), ocr) : !member(all.get(k), all.get(i), ocr)) {
                    // two columns of running text are not a table: a run of label-figure lines takes only
                    // label lines without a figure (补充全国社会保障基金) besides, never lines of two text parts
                    break;
                }
                end = k;
            }
            int above = 0;
            while (start > 0 && member(all.get(start - 1), all.get(i), ocr) && (tabularCount > 0 || above++ < PAIR_HEADER_LINES)
                    && top(all.get(start)) - bottom(all.get(start - 1)) <= SAME_TABLE * height(all.get(start))) start--;
            boolean table = tabularCount >= MIN_TABULAR || pairs >= MIN_PAIRS && amount;
            if (table && (end - start + 1 >= MIN_LINES || spilled(all, start, end))) out.add(new ArrayList<>(all.subList(start, end + 1)));
            i = end + 1;
        }
        return out;
    }

    /** Whether an area {@link #tables} gave is a spill ({@link #spilled}): fewer lines than a table has. */
    static boolean spill(List<TextLine> area) {
        return area.size() < MIN_LINES;
    }

    /**
     * The last lines of a table that a page break pushed onto the next page (人员经费合计 431.34 公用经费合计 114.77, then
     * the note): fewer than a table's lines, at the top of the page, with an amount. Whether they continue the table
     * before is the stitcher's question; dropped here, their amounts would be lost without a word.
     */
    private static boolean spilled(List<TextLine> all, int start, int end) {
        if (start > TOP_LINES) return false;
        for (TextLine l : all.subList(start, end + 1)) {
            for (Word w : l.words()) if (AMOUNT.matcher(w.text().strip()).matches()) return true;
        }
        return false;
    }

    /**
     * A line of a two-column table (a label, a wide gap, one figure: 表二（之五） 基本支出决算表, 科目名称 | 决算数):
     * such lines make a table only when there are {@link #MIN_PAIRS} of them and one figure reads as an amount
     * (four digits and more, or a decimal fraction), so that a contents list (title, gap, page 12) never does.
     */
    private static boolean labelAndAmount(TextLine line) {
        List<Word> ws = line.words();
        if (gaps(line) != 1 || ws.size() < 2 || !FIGURE.matcher(ws.get(ws.size() - 1).text().strip()).matches()) return false;
        // the label part: a line of running text beside another column (…, stroke was the cause of death for 137,119)
        // carries sentence punctuation, a row label does not
        StringBuilder label = new StringBuilder();
        for (int i = 0; i < ws.size() - 1; i++) label.append(ws.get(i).text());
        return !SENTENCE.matcher(label).find();
    }

    /** A row label alone (no figure printed on its row) in a run of label-figure lines. */
    private static boolean labelOnly(TextLine line, TextLine tableLine, boolean ocr) {
        String t = line.text().strip();
        return gaps(line) == 0 && t.length() <= SHORT_CELL && !SENTENCE.matcher(t).find()
                && size(line, ocr) <= 1.2 * size(tableLine, ocr);
    }

    private static boolean endsInAmount(TextLine line) {
        List<Word> ws = line.words();
        String digits = ws.get(ws.size() - 1).text().replaceAll("[^0-9０-９.．]", "");
        return digits.length() >= 4 || digits.contains(".") || digits.contains("．");
    }


    /**
     * A line that may belong to an adjacent table: in the table's type size (not a title), no colon
     * (notes, 部门：, 单位：), and several cells or one short text without sentence punctuation.
     */
    private static boolean member(TextLine line, TextLine tableLine, boolean ocr) {
        String t = line.text();
        if (t.contains(":") || t.contains("：") || LABELLED.matcher(t.replaceAll("\\s", "")).find()
                || size(line, ocr) > 1.2 * size(tableLine, ocr)) return false;
        if (prose(line)) return false;
        if (gaps(line) >= 1) return true;
        if (SENTENCE.matcher(t).find()) return false;
        // Header texts of neighbouring narrow columns can sit closer than a column gap (一般公共预算财 政府性基金预算),
        // but further apart than the words of a sentence, which make one long text.
        return texts(line).stream().allMatch(text -> text.length() <= SHORT_CELL);
    }

    /**
     * The line's texts: words closer than a header gap are one (OCR gives a word per character or two: 科目 名 称).
     */
    private static List<String> texts(TextLine line) {
        List<Word> ws = line.words();
        double h = height(line);
        List<String> out = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < ws.size(); i++) {
            if (i > 0 && ws.get(i).bbox().x() - ws.get(i - 1).bbox().right() > HEADER_GAP * h) {
                out.add(text.toString());
                text.setLength(0);
            }
            text.append(ws.get(i).text().strip());
        }
        out.add(text.toString());
        return out;
    }

    private static boolean tabular(TextLine line) {
        return gaps(line) >= 2 && !prose(line);
    }

    /**
     * A line of running text, however the scan's noise spaced it (a note under a table, 注 read as noise): two of
     * its clause marks the text goes on after (a mark of noise ends a word, or stands alone between two cells), and
     * one of its texts ({@link #texts}) longer in Chinese characters than a cell; or one text twice that long with a
     * clause mark in it (a 150-dpi note whose other marks OCR lost: 其中，预算数为"三公"经费全年预算数…).
     */
    private static boolean prose(TextLine line) {
        List<String> texts = texts(line);
        long clauses = texts.stream().mapToLong(t -> CLAUSE.matcher(t).results().count()).sum();
        return clauses >= 2 && texts.stream().anyMatch(t -> HAN.matcher(t).results().count() > SHORT_CELL)
                || texts.stream().anyMatch(t -> CLAUSE.matcher(t).find() && HAN.matcher(t).results().count() > 2 * SHORT_CELL);
    }

    private static int gaps(TextLine line) {
        int wide = 0;
        List<Word> ws = line.words();
        double h = height(line);
        for (int i = 1; i < ws.size(); i++) {
            if (ws.get(i).bbox().x() - ws.get(i - 1).bbox().right() > WIDE_GAP * h) wide++;
        }
        return wide;
    }

    private static double size(TextLine l, boolean ocr) {
        return ocr ? typeSize(l) : height(l);
    }

    /**
     * The line's type size as a title test needs it: the lower quartile of the heights of its words that hold a
     * Chinese character, else of its other words but figures, else of its figures scaled to the type they are set
     * in. OCR boxes a character taller where a stroke or mark joins it, never shorter than it is, but reads the noise
     * of a degraded scan as short Latin words (IAIN, h3) and boxes figures shorter than Chinese characters: a row
     * of amounts alone (a 三公 table's) is set in no smaller type than the header above it.
     */
    static double typeSize(TextLine l) {
        double[] han = heights(l, w -> HAN.matcher(w.text()).find());
        if (han.length > 0) return han[han.length / 4];
        double[] words = heights(l, w -> !FIGURE.matcher(w.text().strip()).matches());
        if (words.length > 0) return words[words.length / 4];
        double[] figures = heights(l, w -> true);
        return figures.length == 0 ? 1 : FIGURE_TO_TYPE * figures[figures.length / 4];
    }

    private static double[] heights(TextLine l, java.util.function.Predicate<Word> which) {
        return l.words().stream().filter(which).mapToDouble(w -> w.bbox().height()).sorted().toArray();
    }

    private static double top(TextLine l) { return l.words().stream().mapToDouble(w -> w.bbox().y()).min().orElse(0); }
    private static double bottom(TextLine l) { return l.words().stream().mapToDouble(w -> w.bbox().bottom()).max().orElse(0); }
    /** The line's type size: the median of its words' heights (OCR draws a quote mark or a stray stroke taller). */
    private static double height(TextLine l) {
        double[] hs = l.words().stream().mapToDouble(w -> w.bbox().height()).sorted().toArray();
        return hs.length == 0 ? 1 : hs[hs.length / 2];
    }
}
