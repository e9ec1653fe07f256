package reportingest.tables.tabula;

import java.text.Normalizer;
import java.util.regex.Pattern;

/** The kinds of line printed around a table, recognised by their wording. */
final class CaptionText {
    /** 部门：…, 单位：万元, 编制单位：…, 金额单位：…; and a unit line whose colon OCR read as ，or ；(单位，万元). */
    private static final Pattern CONTEXT = Pattern.compile("^(?:编制|填报|预算|决算)?(?:部门|单位|金额单位)(?:名称)?\\s*[:：].*|.*单位\\s*[:：].*"
            + "|.*单位\\s*[，,;；]\\s*(?:人民币)?[亿万千]?元\\s*$");
    /** 注：…, 说明：…, 备注：…, 注1：… */
    private static final Pattern NOTE = Pattern.compile("^(?:注|说明|备注)\\s*\\d*\\s*[:：.、].*");
    /** 公开01表, 部门公开表03, 表3, 表三, 表1-2, 附表2, 附表二十一-2, 表二（之一）, 01表. */
    private static final Pattern FORM_NO = Pattern.compile(
            "^(?:.{0,6}公开\\s*\\d{1,2}\\s*表|部门公开表\\s*\\d{1,2}|附?表\\s*[0-9一二三四五六七八九十]{1,3}(?:\\s*[-－]\\s*\\d{1,2})?(?:\\(?之[0-9一二三四五六七八九十]{1,3}\\)?)?|\\d{1,2}\\s*表)$");
    /** 续表, 续表1, （续）, (续), 续 */
    private static final Pattern CONTINUATION = Pattern.compile("(?:续表\\s*\\d*|[（(]\\s*续\\s*[)）]|^续$)");
    /** Page numbers: 8, - 8 -, 第8页, 第 8 页 共 25 页, 8/25. */
    private static final Pattern PAGE_NUMBER = Pattern.compile(
            "^[-－—–\\s]*(?:第\\s*)?\\d{1,4}(?:\\s*页)?(?:\\s*(?:共|/)\\s*\\d{1,4}\\s*页?)?[-－—–\\s]*$");

    /**
     * A caption printed as one line with its form number and unit, in a report's running text:
     * 表 1：2020 年全市一般公共预算执行情况表（单位：亿元）. Groups: form number, title, unit line.
     */
    private static final Pattern INLINE_CAPTION = Pattern.compile(
            "^(附?表\\s*[0-9０-９一二三四五六七八九十]{1,3}(?:\\s*[-－]\\s*[0-9０-９]{1,2})?)\\s*[:：.．、]\\s*(.+?表)\\s*[（(]\\s*((?:金额)?单位\\s*[:：].+?)\\s*[)）]\\s*$");

    /**
     * A unit line however OCR read its label: 单位 with or without its colon (单位;万元, 单位万元, 金额单位：万元), or a short
     * label of other letters before a colon (MA:万元, 单位 read sideways). Ends in the unit, so never a title.
     */
    private static final Pattern UNIT_LINE = Pattern.compile(
            "^(?:.{0,4}[单單]位[:：，,;；]?|[^\\d]{1,3}[:：])(?:人民币)?[亿億万萬千]?元$");
    /** A unit line whose label OCR garbled: up to three letters or marks, a colon, the unit (MA:万元). */
    private static final Pattern GARBLED_UNIT = Pattern.compile("^[^\\d:：]{1,3}[:：](?:亿元|億元|万元|萬元|千元|元)$");
    /**
     * A form number whose 表 OCR read as one or two letters or marks: Fz 63, #91 (never a digit or a Chinese character,
     * nor the dashes and dots about a page number: - 94).
     */
    private static final Pattern GARBLED_FORM_NO = Pattern.compile("^[^\\p{IsHan}\\d\\-－—–‐~_·.]{1,2}\\d{1,3}$");
    /** Dates in a title (2021年, 1-6月份, 12月31日): figures that are no amounts. */
    private static final Pattern DATE = Pattern.compile("\\d{4}年|\\d{1,2}[-－—~至]\\d{1,2}月份?|\\d{1,2}月份?|\\d{1,2}日");
    /** An amount: three digits or more, or digits about a separator or point. */
    private static final Pattern AMOUNT = Pattern.compile("\\d{3,}|\\d[,.]\\d");

    private CaptionText() {}

    static boolean unitLine(String s) { return UNIT_LINE.matcher(compact(s)).matches(); }
    static boolean garbledUnitLine(String s) { return GARBLED_UNIT.matcher(compact(s)).matches(); }
    static boolean garbledFormNo(String s) { return GARBLED_FORM_NO.matcher(compact(s)).matches(); }

    /** The line holds a figure other than a date: a row of a table, or a sentence about one; no title's line. */
    static boolean holdsAmount(String s) { return AMOUNT.matcher(DATE.matcher(compact(s)).replaceAll("")).find(); }

    /** The line ends a sentence (。；): running text, not a title wrapped. */
    static boolean sentence(String s) { return compact(s).matches(".*[。；;]$"); }

    static boolean han(int codePoint) { return Character.UnicodeScript.of(codePoint) == Character.UnicodeScript.HAN; }

    /** {form number, title, unit line} of a one-line caption with its unit, or null. */
    static String[] inlineCaption(String line) {
        java.util.regex.Matcher m = INLINE_CAPTION.matcher(line.strip());
        if (!m.matches()) return null;
        return new String[] {m.group(1).replaceAll("\\s+", ""), m.group(2).strip(), m.group(3).replaceAll("\\s+", "")};
    }

    static boolean context(String s) { return CONTEXT.matcher(s.strip()).matches(); }
    static boolean note(String s) { return NOTE.matcher(s.strip()).matches(); }
    static boolean formNo(String s) { return FORM_NO.matcher(strayMarksOff(compact(s))).matches(); }

    /**
     * The text without marks before its first letter or digit: OCR reads the sheet's own page number beside a table
     * printed sideways (— 86 — turned) as a stray > or | before the 表 56 of its caption.
     */
    static String strayMarksOff(String s) {
        int i = 0;
        while (i < s.length() && !Character.isLetterOrDigit(s.codePointAt(i))) i += Character.charCount(s.codePointAt(i));
        return s.substring(i);
    }
    static boolean continuation(String s) { return CONTINUATION.matcher(compact(s)).find(); }
    static boolean pageNumber(String s) { return PAGE_NUMBER.matcher(s.strip()).matches(); }

    /** A title without its continuation marker, for comparing a title with its repetition. */
    static String base(String title) {
        return title == null ? null : CONTINUATION.matcher(compact(title)).replaceAll("");
    }

    /** A title ends in 表 (收入决算表, 决算总表, 明细表), possibly before a bracketed remark. */
    static boolean looksLikeTitle(String s) {
        String b = base(s).replaceAll("[（(][^）)]*[)）]$", "");
        return b.endsWith("表");
    }

    /** NFKC without spaces: the form both Tabula and OCR'd copies of a text compare equal in. */
    static String compact(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFKC).replaceAll("\\s+", "");
    }
}
