package reportingest.tables.tabula;

import reportingest.layout.BBox;
import reportingest.layout.Page;
import reportingest.layout.PageOrigin;
import reportingest.layout.TextLine;
import reportingest.layout.Word;
import reportingest.tables.RawCell;
import reportingest.tables.RawRow;
import reportingest.tables.TitleReading;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Finds the title, form number, context lines and notes around each table of a page, from the
 * lines outside every table. A table owns the lines between the previous table (or the page top)
 * and itself, and the notes below it up to the next table.
 */
final class CaptionFinder {
    /** Failing a line ending in 表, a title is printed visibly larger than the table's text... */
    private static final double TITLE_SIZE = 1.15;
    /** ...or centred over the table (offset as a share of the table width). */
    private static final double CENTRED = 0.12;
    /** A caption drawn inside a grid takes at most this many of its first rows, one filled cell each. */
    private static final int CAPTION_ROWS = 3;

    /** This many title-like lines below a page's last table (or on a page without one) are a list of titles. */
    private static final int LISTED_TITLES = 3;

    /** A title's wrapped lines are at most this share of their height apart. */
    private static final double WRAP_GAP = 1.0;
    /**
     * On an OCR'd page a box is the glyph's ink, not the font's size: one line's boxes run from 14 (2021) to 41 points
     * (决算 touching a stroke below) around a 19-point font, and a whole second line can come out 26 points high over
     * the first line's 19 in one print size (c01 p73). The lines of one title are compared by their Chinese glyphs'
     * median height or by their pitch (the line's width per character: Chinese glyphs are square and set solid),
     * either within this share, or by their tallest boxes as a text layer's are (c01 p76, whose second line lost two
     * characters to OCR and so its pitch).
     */
    private static final double OCR_SIZE = 0.2;

    private final Set<String> runningLines;

    /** @param runningLines compact texts printed on many pages (running heads and feet), never titles */
    CaptionFinder(Set<String> runningLines) {
        this.runningLines = runningLines;
    }

    List<Fragment> caption(Page page, List<Fragment> tables) {
        List<Line> outside = outsideLines(page, tables);
        List<Fragment> out = new ArrayList<>();
        for (int i = 0; i < tables.size(); i++) {
            Fragment t = tables.get(i);
            double from = i == 0 ? -Double.MAX_VALUE : tables.get(i - 1).box().bottom();
            double to = i + 1 < tables.size() ? tables.get(i + 1).box().y() : Double.MAX_VALUE;
            double top = body(t).y();
            List<Line> above = outside.stream().filter(l -> l.centreY() > from && l.centreY() < top).toList();
            List<Line> below = outside.stream().filter(l -> l.centreY() > t.box().bottom() && l.centreY() < to).toList();
            Caption c = caption(page, t, above, below);
            List<RawRow> rows = t.rows();
            int lead = 0;
            while (lead < CAPTION_ROWS && lead + 1 < rows.size() && filledCells(rows.get(lead)) == 1) lead++;
            if (c.title() == null && lead > 0) {
                // Some exports draw the title, 部门 and 单位 lines inside the grid's first row (or rows: 附表十六-2,
                // the title, 单位：万元 each a row of its own); only a line ending in 表 counts there, the first
                // row of a continuation must not.
                List<Line> captionLines = new ArrayList<>();
                for (int r = 0; r < lead; r++) captionLines.addAll(linesIn(page, box(rows.get(r))));
                Caption inside = caption(page, t, captionLines, below);
                if (inside.title() != null && CaptionText.looksLikeTitle(inside.title())) {
                    List<String> context = new ArrayList<>(inside.context());
                    for (String s : c.context()) if (!context.contains(s)) context.add(s);
                    c = new Caption(inside.title(), inside.formNo() != null ? inside.formNo() : c.formNo(), context,
                            c.notes(), inside.continuation() || c.continuation(), inside.reading());
                    rows = rows.subList(lead, rows.size());
                }
            }
            out.add(new Fragment(t.page(), t.box(), t.columnLefts(), rows, c, t.lattice(), t.firstOnPage(), t.lastOnPage()));
        }
        return out;
    }

    /**
     * The caption printed at the foot of a page below its last table (or on a page without one) for a table that
     * starts on the next page: a title (and its 部门/单位 lines) the page break parted from its table. Null when
     * no title is printed there.
     */
    Caption trailing(Page page, List<Fragment> tables) {
        List<Line> outside = outsideLines(page, tables);
        double from = tables.isEmpty() ? -Double.MAX_VALUE : tables.get(tables.size() - 1).box().bottom();
        List<Line> below = outside.stream().filter(l -> l.centreY() > from).toList();
        // from the last title-like line down: what comes before it are the last table's notes; a running head or
        // foot (a book's title on every page) is never a title parted from its table
        int at = -1, titles = 0;
        for (int i = 0; i < below.size(); i++) {
            String text = below.get(i).text();
            if (CaptionText.looksLikeTitle(text) && !CaptionText.note(text) && !runningLines.contains(CaptionText.compact(text))) {
                at = i;
                titles++;
            }
        }
        // a list of titles (a table of contents) names tables printed elsewhere: its last line is not a title the
        // page break parted from the next page's table (a 收入决算表 ending atop that page would take 九、国有资本…)
        if (at < 0 || titles >= LISTED_TITLES) return null;
        Fragment none = new Fragment(page.number(), new BBox(0, Double.MAX_VALUE / 4, page.width(), 0), List.of(), List.of(),
                Caption.NONE, false, false, false);
        Caption c = caption(page, none, below.subList(at, below.size()), List.of());
        return c.title() == null ? null : c;
    }

    private Caption caption(Page page, Fragment t, List<Line> above, List<Line> below) {
        String formNo = null;
        boolean continuation = false;
        List<String> context = new ArrayList<>();
        List<Line> candidates = new ArrayList<>();
        String inlineTitle = null;
        for (Line l : above) {
            String[] inline = CaptionText.inlineCaption(l.text());
            if (inline != null) {
                // 表 1：…执行情况表（单位：亿元） in running text: the nearest such line is the table's caption
                formNo = inline[0];
                inlineTitle = inline[1];
                context.add(inline[2]);
                candidates.clear();
                continue;
            }
            List<Word> rest = new ArrayList<>();
            for (Word w : l.words()) {
                String s = w.text().strip();
                if (CaptionText.formNo(s)) {
                    formNo = CaptionText.strayMarksOff(s); // the nearest one wins
                } else if (CaptionText.context(s)) {
                    context.add(s);
                } else if (CaptionText.compact(s).matches("^续表\\d*$")) {
                    continuation = true;
                } else {
                    rest.add(w);
                }
            }
            // OCR splits a form number into words (公开 | 03 | 表); read it from its part of the line.
            List<Word> kept = new ArrayList<>();
            for (Line part : new Line(rest).parts()) {
                // as printed, without the spaces between its words (表二（ 之一） is 表二（之一）)
                if (CaptionText.formNo(part.text())) formNo = CaptionText.strayMarksOff(part.text().replaceAll("\\s+", ""));
                // a form number whose 表 OCR garbled (Fz 63, #91) where form numbers stand, left of the table's centre:
                // kept as read in the context, never as the number (the reconciler may read it against its neighbours)
                else if (CaptionText.garbledFormNo(part.text()) && part.right() < t.box().x() + t.box().width() / 2)
                    context.add(CaptionText.compact(part.text()));
                else kept.addAll(part.words());
            }
            rest = kept;
            if (rest.isEmpty()) continue;
            Line r = new Line(rest);
            String text = r.text();
            // a unit line whose label OCR garbled (MA:万元) where the unit line stands: its unit word was read
            if (CaptionText.context(text) || CaptionText.garbledUnitLine(text) && atUnitPosition(r, t)) {
                context.add(text);
                continue;
            }
            if (CaptionText.pageNumber(text)) continue;
            if (running(page, r) && !CaptionText.looksLikeTitle(text)) continue;
            candidates.add(r);
        }
        boolean ocr = page.origin() == PageOrigin.OCR;
        List<Line> titleLines = inlineTitle != null ? List.of() : titleLines(candidates, title(page, t, candidates), ocr);
        String titleText = inlineTitle != null ? inlineTitle : titleText(titleLines);
        // a sideways page's own page number, read as a bar or an angle before the title
        if (titleText != null) titleText = titleText.replaceFirst("^[|｜>›»<‹«~^_\\s]+", "");
        if (titleText != null && CaptionText.continuation(titleText)) continuation = true;
        List<String> notes = notes(below);
        List<String> all = new ArrayList<>(context);
        all.addAll(notes);
        // on a scan, which of the title's characters OCR was sure of (a text layer's title is the file's own)
        TitleReading reading = titleText == null || !ocr || titleLines.isEmpty() ? null
                : TitleReadings.of(titleText, titleLines.stream().flatMap(l -> l.words().stream()).toList());
        return new Caption(titleText, formNo, all, notes, continuation, reading);
    }

    /**
     * A running head or foot: a text printed on many pages, standing at the page's top or foot (nothing printed above
     * it, or nothing below). The same text under a form number (c01 prints 2021年济南新旧动能转换起步区一般公共预算, the
     * first line of the titles of 表47, 表72 and 表77, under each form number) is a line of the page's own caption.
     */
    private boolean running(Page page, Line l) {
        if (!runningLines.contains(CaptionText.compact(l.text()))) return false;
        boolean above = false, below = false;
        for (TextLine tl : page.lines()) {
            for (Word w : tl.words()) {
                if (w.text().codePoints().noneMatch(Character::isLetterOrDigit)) continue; // a speck or a rule read as a mark
                above |= w.bbox().bottom() <= l.top();
                below |= w.bbox().y() >= l.bottom();
            }
        }
        return !above || !below;
    }

    private static Line title(Page page, Fragment t, List<Line> candidates) {
        if (candidates.isEmpty()) return null;
        double body = bodyHeight(page, t.box());
        double centre = t.box().x() + t.box().width() / 2;
        // a unit line (单位;万元 as OCR read it, MA:万元) states the unit, never the title, however large its glyphs
        candidates = candidates.stream().filter(l -> !CaptionText.unitLine(l.text())).toList();
        if (candidates.isEmpty()) return null;
        // Nearest first: the title sits right above its table, part headings further up.
        for (int i = candidates.size() - 1; i >= 0; i--) {
            if (CaptionText.looksLikeTitle(candidates.get(i).text())) return candidates.get(i);
        }
        for (int i = candidates.size() - 1; i >= 0; i--) {
            if (candidates.get(i).height() >= TITLE_SIZE * body) return candidates.get(i);
        }
        for (int i = candidates.size() - 1; i >= 0; i--) {
            Line l = candidates.get(i);
            if (Math.abs(l.centreX() - centre) < CENTRED * t.box().width()) return l;
        }
        return null;
    }

    /** The title line with the lines of the same title wrapped above it, top first (none without a title line). */
    private static List<Line> titleLines(List<Line> candidates, Line title, boolean ocr) {
        if (title == null) return List.of();
        List<Line> lines = new ArrayList<>(List.of(title));
        Line below = title;
        for (int i = candidates.indexOf(title) - 1; i >= 0; i--) {
            Line above = candidates.get(i);
            // Word sets a large title at 1.5 to 2 lines: its wrapped line sits up to one line height above
            boolean adjacent = below.top() - above.bottom() < WRAP_GAP * below.height();
            // an OCR'd page's boxes are no font sizes: its own rule, which also keeps rows and sentences out
            boolean wrapped = ocr ? ocrWrapped(above, below) : adjacent && sameSize(above, below);
            if (!wrapped || CaptionText.looksLikeTitle(above.text()) || CaptionText.unitLine(above.text())) break;
            lines.add(0, above);
            below = above;
        }
        return lines;
    }

    /** The title's lines joined as one text; null for none. */
    private static String titleText(List<Line> lines) {
        if (lines.isEmpty()) return null;
        StringBuilder sb = new StringBuilder();
        for (Line l : lines) CellText.append(sb, l.text());
        return sb.toString();
    }

    /**
     * The line above is the same title's first line as OCR read it: a glyph apart or closer, its glyphs the same size
     * within {@link #OCR_SIZE}, both lines centred on one axis (a centred title wraps about its centre; OCR's boxes
     * shift a line's ends by a glyph at most), and neither line holding an amount or ending a sentence (a row or a
     * 说明 paragraph). Unit, form-number and 部门 lines never reach here: they are the caption's context.
     */
    private static boolean ocrWrapped(Line above, Line below) {
        double a = above.glyphHeight(), b = below.glyphHeight(), pa = above.pitch(), pb = below.pitch();
        if (a <= 0 || b <= 0) return false;
        double size = Math.min(Math.min(a, b), pa > 0 && pb > 0 ? Math.max(pa, pb) : Double.MAX_VALUE);
        return below.top() - above.bottom() < WRAP_GAP * size
                && (similar(a, b) || pa > 0 && pb > 0 && similar(pa, pb) || sameSize(above, below))
                && Math.abs(above.centreX() - below.centreX()) <= size
                && !CaptionText.holdsAmount(above.text()) && !CaptionText.holdsAmount(below.text())
                && !CaptionText.sentence(above.text());
    }

    /** The tallest boxes of the two lines within 10%: a text layer's font sizes (and on a scan, at times, its boxes). */
    private static boolean sameSize(Line above, Line below) {
        return Math.abs(above.height() - below.height()) <= 0.1 * below.height();
    }

    private static boolean similar(double a, double b) {
        return Math.abs(a - b) <= OCR_SIZE * Math.max(a, b);
    }

    /** Where a unit line stands: right-aligned over the table (its end within three glyphs of the table's), in its right half. */
    private static boolean atUnitPosition(Line l, Fragment t) {
        double glyph = Math.max(l.glyphHeight(), 1);
        return Math.abs(l.right() - t.box().right()) <= 3 * glyph && l.left() > t.box().x() + t.box().width() / 2;
    }

    private static List<String> notes(List<Line> below) {
        List<String> notes = new ArrayList<>();
        StringBuilder current = null;
        Line prev = null;
        for (Line l : below) {
            String text = l.text();
            if (CaptionText.note(text)) {
                if (current != null) notes.add(current.toString());
                current = new StringBuilder(text);
            } else if (current != null && prev != null && l.top() - prev.bottom() < 0.8 * prev.height()
                    && !CaptionText.pageNumber(text)) {
                CellText.append(current, text); // a wrapped note goes on
            } else if (current != null) {
                notes.add(current.toString());
                current = null;
            }
            prev = l;
        }
        if (current != null) notes.add(current.toString());
        return notes;
    }

    private static double bodyHeight(Page page, BBox box) {
        List<Double> hs = new ArrayList<>();
        for (TextLine l : page.lines()) {
            for (Word w : l.words()) if (inside(w, box)) hs.add(w.bbox().height());
        }
        if (hs.isEmpty()) return 0;
        hs.sort(null);
        return hs.get(hs.size() / 2);
    }

    private static long filledCells(RawRow r) {
        return r.cells().stream().filter(x -> !x.text().isBlank()).count();
    }

    private static BBox box(RawRow r) {
        double x0 = Double.MAX_VALUE, y0 = Double.MAX_VALUE, x1 = -Double.MAX_VALUE, y1 = -Double.MAX_VALUE;
        for (RawCell c : r.cells()) {
            x0 = Math.min(x0, c.bbox().x());
            y0 = Math.min(y0, c.bbox().y());
            x1 = Math.max(x1, c.bbox().right());
            y1 = Math.max(y1, c.bbox().bottom());
        }
        return new BBox(x0, y0, x1 - x0, y1 - y0);
    }

    private static List<Line> linesIn(Page page, BBox box) {
        List<Line> out = new ArrayList<>();
        for (TextLine tl : page.lines()) {
            List<Word> words = tl.words().stream().filter(w -> !w.text().isBlank() && inside(w, box)).toList();
            if (!words.isEmpty()) out.add(new Line(words));
        }
        return out;
    }

    private static List<Line> outsideLines(Page page, List<Fragment> tables) {
        List<Line> out = new ArrayList<>();
        for (TextLine tl : page.lines()) {
            List<Word> words = new ArrayList<>();
            for (Word w : tl.words()) {
                if (w.text().isBlank()) continue;
                if (tables.stream().noneMatch(t -> inside(w, body(t)))) words.add(w);
            }
            if (!words.isEmpty()) out.add(new Line(words));
        }
        return out;
    }

    /**
     * The part of a table's box its rows fill: a grid whose top ruling runs above the title (a ruled frame round
     * title, 编制单位 and form) keeps no row for that band, and the lines printed there are outside the table.
     */
    private static BBox body(Fragment t) {
        double top = Double.MAX_VALUE;
        for (RawRow r : t.rows()) for (RawCell c : r.cells()) top = Math.min(top, c.bbox().y());
        if (top == Double.MAX_VALUE || top <= t.box().y()) return t.box();
        return new BBox(t.box().x(), top, t.box().width(), t.box().bottom() - top);
    }

    private static boolean inside(Word w, BBox b) {
        double cx = w.bbox().x() + w.bbox().width() / 2;
        double cy = w.bbox().y() + w.bbox().height() / 2;
        return cx >= b.x() && cx <= b.right() && cy >= b.y() && cy <= b.bottom();
    }

    /** Words of one printed line outside the tables. */
    record Line(List<Word> words) {
        String text() {
            StringBuilder sb = new StringBuilder();
            Word prev = null;
            for (Word w : words) {
                // Widely spaced parts of a line (部门：…        单位：万元) stay apart.
                if (prev != null && wideGap(prev, w)) sb.append("  ");
                CellText.append(sb, w.text().strip());
                prev = w;
            }
            return sb.toString();
        }

        /** The widely spaced parts of the line, each a line of its own. */
        List<Line> parts() {
            List<Line> out = new ArrayList<>();
            List<Word> current = new ArrayList<>();
            for (Word w : words) {
                if (!current.isEmpty() && wideGap(current.get(current.size() - 1), w)) {
                    out.add(new Line(current));
                    current = new ArrayList<>();
                }
                current.add(w);
            }
            if (!current.isEmpty()) out.add(new Line(current));
            return out;
        }

        private static boolean wideGap(Word prev, Word w) {
            return w.bbox().x() - prev.bbox().right() > 2 * Math.max(prev.bbox().height(), w.bbox().height());
        }
        double top() { return words.stream().mapToDouble(w -> w.bbox().y()).min().orElse(0); }
        double bottom() { return words.stream().mapToDouble(w -> w.bbox().bottom()).max().orElse(0); }
        double height() { return words.stream().mapToDouble(w -> w.bbox().height()).max().orElse(0); }
        /** The median height of the words holding a Chinese character (digits and marks are shorter), else of all. */
        double glyphHeight() {
            List<Double> hs = words.stream().filter(w -> w.text().codePoints().anyMatch(CaptionText::han))
                    .map(w -> w.bbox().height()).sorted().toList();
            if (hs.isEmpty()) hs = words.stream().map(w -> w.bbox().height()).sorted().toList();
            return hs.isEmpty() ? 0 : hs.get(hs.size() / 2);
        }
        /**
         * The line's width per character, a Chinese (wide) character counting one and a narrow one (2021, brackets as
         * OCR writes them) half; 0 for a line of under two characters.
         */
        double pitch() {
            double units = 0;
            for (Word w : words) {
                for (int cp : w.text().strip().codePoints().toArray()) units += CaptionText.han(cp) || wide(cp) ? 1 : 0.5;
            }
            return units < 2 ? 0 : (right() - left()) / units;
        }

        private static boolean wide(int cp) {
            return cp >= 0x3000 && cp <= 0x303F || cp >= 0xFF01 && cp <= 0xFF60;
        }
        double left() { return words.stream().mapToDouble(w -> w.bbox().x()).min().orElse(0); }
        double right() { return words.stream().mapToDouble(w -> w.bbox().right()).max().orElse(0); }
        double centreY() { return (top() + bottom()) / 2; }
        double centreX() {
            double l = words.stream().mapToDouble(w -> w.bbox().x()).min().orElse(0);
            double r = words.stream().mapToDouble(w -> w.bbox().right()).max().orElse(0);
            return (l + r) / 2;
        }
    }
}
