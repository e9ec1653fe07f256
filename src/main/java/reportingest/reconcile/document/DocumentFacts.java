package reportingest.reconcile.document;

import reportingest.layout.Page;
import reportingest.layout.TextLine;
import reportingest.layout.Word;
import reportingest.reconcile.DocumentFact;
import reportingest.reconcile.DocumentFamily;
import reportingest.reconcile.ExtractedDocument;
import reportingest.reconcile.ExtractedTable;
import reportingest.reconcile.Flag;
import reportingest.reconcile.NarrativeFact;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The reporting body and the fiscal year as the document prints them (issue #20 item 1), each with its
 * page, its line and a confidence (0–1), so that a consumer can filter on them and know how far to trust
 * them. Read in order of how directly the document states them:
 * <ol>
 * <li>a labelled line: 单位名称：X, 部门名称：X, 部门：X (the value on the same line or, after a form's label
 * cell, on the next one) — 0.95;</li>
 * <li>a title: "{year}年度{body}整体支出绩效自评报告", "{body}{year}年度部门决算", the cover — 0.8;</li>
 * <li>what the table reader found (headings of the narrative, 部门 lines of the tables) — 0.6.</li>
 * </ol>
 * A body is normalised: no heading prefix (第二部分), no numbering (一、 （一） 1.), no year, no 部门决算 or
 * 概况 tail. When nothing is found, or the labelled lines (or the titles' years) disagree, the fact is null
 * and the document gets {@link #METADATA_UNCERTAIN}: a guess is never presented as a fact.
 */
public final class DocumentFacts {
    public static final String METADATA_UNCERTAIN = "METADATA_UNCERTAIN";

    private static final Pattern LABELLED = Pattern.compile(
            "^(单位名称|部门名称|预算部门名称|预算单位名称|部门[(（]单位[)）]名称|编制部门|编制单位|部门)[:：](.*)$");
    /** Labels that name the body alone; after them the value may stand on the next line (a form's label cell). */
    private static final Pattern NAME_LABEL = Pattern.compile("^(单位名称|部门名称|预算部门名称|预算单位名称|部门[(（]单位[)）]名称)$");
    private static final Pattern TITLE_YEAR = Pattern.compile("(20\\d{2})年度?.{0,40}?(部门决算|单位决算|决算|绩效自评|自评报告)");
    private static final Pattern TITLE_BODY = Pattern.compile(
            "^(?:20\\d{2}年度?)?(.{2,40}?)(?:20\\d{2}年度?)?(?:部门|单位)?(?:整体支出)?(?:绩效自评报告|绩效自评表|部门决算|单位决算|(?:部门|单位)预算(?:公开)?(?:文件)?)$");
    /** A government's book names its government before the year: 关于某市2023年市级决算…, 关于某市及市本级2022年…, 某市2022年市级决算. */
    private static final Pattern GOVERNMENT_BODY = Pattern.compile("^(?:关于)?(\\p{IsHan}{1,12}?[省市县区])(?:及[省市县区]本级)?20\\d{2}年");
    /** Lines of a cover's title block (某区规划和自然 / 资源局 / 2024年度部门决算) read as one title. */
    private static final int COVER_BLOCK = 4;
    private static final Pattern HEADING = Pattern.compile("^第[一二三四五六七八九十\\d]+部分");
    private static final Pattern ORDINAL = Pattern.compile("^([一二三四五六七八九十]+[、.．]|[(（][一二三四五六七八九十\\d]+[)）]、?|\\d{1,2}[、.．](?!\\d))");
    private static final Pattern YEAR_PREFIX = Pattern.compile("^20\\d{2}年度?");
    private static final Pattern TAIL = Pattern.compile(
            "(20\\d{2}年度?)?(部门[(（]单位[)）]概况|部门概况|单位概况|概况|整体支出绩效自评报告|绩效自评报告|部门决算|单位决算|决算|(部门|单位)预算(公开)?(文件)?)$");
    private static final Pattern BODY = Pattern.compile("^[\\p{IsHan}()（）]{2,40}$");
    private static final Pattern NOT_A_BODY = Pattern.compile("^(万元|元|千元|亿元|部门|单位|本部门|本单位)$");

    private static final Pattern AMOUNT_UNIT = Pattern.compile("元|千元|万元|亿元");

    /** Pages a title can stand on: the cover, a table of contents, the first heading. */
    private static final int TITLE_PAGES = 3;

    private DocumentFacts() {}

    private record Seen(String value, int page, String line) {}

    /** The document with its body and fiscal year settled and their provenance; {@code found} is what the table reader read. */
    public static ExtractedDocument settle(List<Page> pages, ExtractedDocument found) {
        List<Seen> labelled = new ArrayList<>(), titled = new ArrayList<>(), years = new ArrayList<>();
        // a government's book has no department's title: its prose naming 部门预算 is not one
        boolean government = DocumentFamily.GOVERNMENT_FINAL_ACCOUNTS.equals(found.kind()) || DocumentFamily.GOVERNMENT_BUDGET.equals(found.kind());
        for (Page p : pages) {
            List<TextLine> lines = p.lines();
            for (int i = 0; i < lines.size(); i++) {
                String raw = text(lines.get(i));
                String k = compact(raw);
                if (k.isEmpty()) continue;
                Matcher m = LABELLED.matcher(k);
                if (m.matches()) {
                    String value = firstCell(raw.substring(raw.indexOf(k.contains(":") ? ':' : '：') + 1));
                    String where = raw.strip();
                    // a form's label cell: the value is the next line that says anything
                    for (int j = i + 1; value.isEmpty() && NAME_LABEL.matcher(m.group(1)).matches() && j < Math.min(i + 4, lines.size()); j++) {
                        value = firstCell(text(lines.get(j)));
                        if (!value.isEmpty()) where = where + " " + value;
                    }
                    String body = body(value);
                    if (body != null) labelled.add(new Seen(body, p.number(), where));
                    continue;
                }
                // titles stand on the cover and the first pages; later a short line naming a year and 决算 is a
                // table's or the narrative's reference to another year (a 2023 budget citing 2022 决算 on page 236)
                if (k.length() > 60 || p.number() > TITLE_PAGES) continue;
                // full-width digits (某市２０２２年市级决算) are years too
                Matcher y = TITLE_YEAR.matcher(Normalizer.normalize(k, Normalizer.Form.NFKC));
                if (y.find()) years.add(new Seen(y.group(1), p.number(), raw.strip()));
                Matcher t = TITLE_BODY.matcher(k);
                if (!government && t.matches()) {
                    String body = body(t.group(1));
                    if (body != null) titled.add(new Seen(body, p.number(), raw.strip()));
                }
            }
        }
        if (titled.isEmpty()) cover(pages, found.kind(), titled);
        List<Flag> flags = new ArrayList<>(found.flags());
        Map<String, DocumentFact> facts = new LinkedHashMap<>();
        DocumentFact body = bodyFact(labelled, titled, found.unit(), pages);
        DocumentFact year = budget(found.kind()) && found.fiscalYear() != null
                // a budget's year is the one its titles print before 预算; its 决算 lines cite earlier years
                ? new DocumentFact(found.fiscalYear(), null, "the year the titles print before 预算", 0.9)
                : yearFact(years, found.fiscalYear());
        facts.put("body", body);
        facts.put("fiscalYear", year);
        // the unit of the amounts as most tables print it (单位：万元); null when no table prints one: never a default
        String amountUnit = amountUnit(found);
        facts.put("amountUnit", amountUnit == null
                ? DocumentFact.unknown("no table prints a unit line (单位：…)")
                : new DocumentFact(amountUnit, null, "单位 line of the tables, else the unit of the text's figures", 0.8));
        List<String> uncertain = new ArrayList<>();
        if (body.value() == null) uncertain.add("reporting body: " + body.text());
        if (year.value() == null) uncertain.add("fiscal year: " + year.text());
        if (!uncertain.isEmpty()) flags.add(Flag.of(METADATA_UNCERTAIN, String.join("; ", uncertain)));
        return new ExtractedDocument((String) body.value(), (Integer) year.value(), amountUnit, found.tables(),
                found.facts(), flags, found.kind(), found.level(), facts);
    }

    private static DocumentFact bodyFact(List<Seen> labelled, List<Seen> titled, String found, List<Page> pages) {
        if (!labelled.isEmpty()) {
            Seen top = majority(labelled);
            if (top == null) return DocumentFact.unknown("labelled lines name different bodies: " + distinct(labelled));
            return new DocumentFact(top.value(), top.page(), top.line(), 0.95);
        }
        if (!titled.isEmpty()) {
            Seen top = majority(titled);
            if (top == null) return DocumentFact.unknown("titles name different bodies: " + distinct(titled));
            return new DocumentFact(top.value(), top.page(), top.line(), 0.8);
        }
        String b = body(found);
        if (b != null) {
            Seen where = locate(pages, b);
            return new DocumentFact(b, where == null ? null : where.page(), where == null ? null : where.line(), 0.6);
        }
        return DocumentFact.unknown(found == null ? "no 单位名称 or 部门 line, title or heading names it"
                : "'" + found + "' is no name of a body");
    }

    /**
     * The title a cover prints over several lines (某区规划和自然 / 资源局 / 2024年度部门决算; 某省某委员会办公厅 /
     * 2019年度部门预算公开): the first lines of the first page joined, the shortest join that reads as a title. A
     * government's book names the government in its title (关于某市2023年市级决算…; 某市 / 2021年度财政决算（草案）).
     */
    private static void cover(List<Page> pages, String kind, List<Seen> titled) {
        boolean government = DocumentFamily.GOVERNMENT_FINAL_ACCOUNTS.equals(kind) || DocumentFamily.GOVERNMENT_BUDGET.equals(kind);
        for (Page p : pages) {
            if (p.number() > (government ? 2 : 1)) return;
            List<TextLine> lines = p.lines();
            for (int from = 0; from < (government ? lines.size() : Math.min(1, lines.size())); from++) {
                StringBuilder joined = new StringBuilder(), where = new StringBuilder();
                for (int i = from; i < Math.min(from + COVER_BLOCK, lines.size()); i++) {
                    String raw = text(lines.get(i)).strip();
                    if (compact(raw).length() > 45) break;
                    joined.append(compact(raw));
                    where.append(where.isEmpty() ? "" : " / ").append(raw);
                    String k = joined.toString();
                    if (government) {
                        Matcher g = GOVERNMENT_BODY.matcher(Normalizer.normalize(k, Normalizer.Form.NFKC));
                        if (g.find()) {
                            titled.add(new Seen(g.group(1), p.number(), where.toString()));
                            return;
                        }
                        continue;
                    }
                    Matcher t = TITLE_BODY.matcher(k);
                    if (t.matches()) {
                        String body = body(t.group(1));
                        if (body != null) titled.add(new Seen(body, p.number(), where.toString()));
                        return;
                    }
                }
            }
        }
    }

    /**
     * The unit most of the document's tables print on their unit lines (each table's own {@code unit}); else the
     * unit the table reader saw printed beside them; a document without such lines (a narrative-only 说明, a
     * performance report) in the unit most figures of its text are printed in (收支总计1234.56万元); null when
     * nothing prints one. Never a default.
     */
    private static String amountUnit(ExtractedDocument found) {
        Map<String, Integer> tables = new LinkedHashMap<>();
        for (ExtractedTable t : found.tables()) if (t.unit() != null) tables.merge(t.unit(), 1, Integer::sum);
        String unit = mostFrequent(tables);
        if (unit == null) unit = found.amountUnit();
        if (unit != null) return unit;
        Map<String, Integer> text = new LinkedHashMap<>();
        for (NarrativeFact f : found.facts()) if (f.unit() != null && AMOUNT_UNIT.matcher(f.unit()).matches()) text.merge(f.unit(), 1, Integer::sum);
        return mostFrequent(text);
    }

    private static String mostFrequent(Map<String, Integer> counts) {
        return counts.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(null);
    }

    private static boolean budget(String kind) {
        return DocumentFamily.BUDGET.equals(kind) || DocumentFamily.GOVERNMENT_BUDGET.equals(kind);
    }

    private static DocumentFact yearFact(List<Seen> years, Integer found) {
        if (!years.isEmpty()) {
            Seen top = majority(years);
            if (top == null) return DocumentFact.unknown("titles name different years: " + distinct(years));
            return new DocumentFact(Integer.parseInt(top.value()), top.page(), top.line(), 0.95);
        }
        if (found != null) return new DocumentFact(found, null, "the year printed with the tables", 0.8);
        return DocumentFact.unknown("no title or table states it");
    }

    /**
     * The value most lines give, unless another value is given by at least a third as many lines: then the
     * document contradicts itself and neither is taken.
     */
    private static Seen majority(List<Seen> seen) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (Seen s : seen) counts.merge(s.value(), 1, Integer::sum);
        String best = counts.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        int n = counts.get(best);
        boolean contradicted = counts.entrySet().stream().anyMatch(e -> !e.getKey().equals(best) && e.getValue() * 3 >= n);
        if (contradicted) return null;
        return seen.stream().filter(s -> s.value().equals(best)).findFirst().orElseThrow();
    }

    private static List<String> distinct(List<Seen> seen) {
        return seen.stream().map(Seen::value).distinct().limit(5).toList();
    }

    private static Seen locate(List<Page> pages, String body) {
        for (Page p : pages) {
            for (TextLine l : p.lines()) {
                String raw = text(l);
                if (compact(raw).contains(body)) return new Seen(body, p.number(), raw.strip());
            }
        }
        return null;
    }

    /** The printed name as a body: heading prefix, numbering, year and report tail removed; null when no name is left. */
    static String body(String printed) {
        if (printed == null) return null;
        String s = compact(printed).replace("*", "");
        String before;
        do {
            before = s;
            s = HEADING.matcher(s).replaceFirst("");
            s = ORDINAL.matcher(s).replaceFirst("");
            s = YEAR_PREFIX.matcher(s).replaceFirst("");
            s = TAIL.matcher(s).replaceFirst("");
        } while (!s.equals(before));
        if (!BODY.matcher(s).matches() || NOT_A_BODY.matcher(s).matches()) return null;
        return s;
    }

    /** The first cell of a line's text: cells are parted by a tab or a run of spaces. */
    private static String firstCell(String s) {
        String t = s.strip();
        String[] cells = t.split("\\t|\\s{2,}|\\u3000");
        return cells.length == 0 ? "" : cells[0].strip();
    }

    private static String text(TextLine l) {
        StringBuilder sb = new StringBuilder();
        for (Word w : l.words()) {
            if (!sb.isEmpty()) sb.append("  ");
            sb.append(w.text());
        }
        return sb.toString();
    }

    private static String compact(String s) {
        return s == null ? "" : s.replaceAll("[\\s\\u3000\\u00A0]+", "");
    }
}
