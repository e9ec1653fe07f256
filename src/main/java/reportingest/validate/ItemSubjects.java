package reportingest.validate;

import reportingest.layout.Page;
import reportingest.layout.TextLine;
import reportingest.reconcile.NarrativeFact;
import reportingest.catalog.TextKey;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The 类/款/项 subject printed at the head of a numbered narrative item ("6、卫生健康（类）医疗保障管理
 * 事务（款）行政运行（项）"), read from the lines above the item's figures, so that an item figure can
 * be compared with the coded table row of that subject.
 */
final class ItemSubjects {
    record Subject(String cls, String kuan, String xiang) {}

    private static final Pattern ITEM_NO = Pattern.compile("^项(\\d+)\\.");
    private static final Pattern SUBJECT = Pattern.compile("^\\d{1,2}[、.．]?(.+?)[(（]类[)）](.+?)[(（]款[)）](.+?)[(（]项[)）]");
    private static final int LOOK_BACK = 10;

    private final Map<Integer, String> lines = new HashMap<>();

    ItemSubjects(List<Page> pages) {
        for (Page p : pages) for (TextLine l : p.lines()) lines.put(l.lineNo(), TextKey.of(l.text()));
    }

    /** The subject of an item figure (项N.…), or null when it is not printed where expected. */
    Subject of(NarrativeFact f) {
        Matcher m = ITEM_NO.matcher(f.figure());
        if (!m.find()) return null;
        String no = m.group(1);
        for (int back = 0; back <= LOOK_BACK; back++) {
            String head = lines.get(f.lineNo() - back);
            if (head == null || !head.matches("^" + no + "[、.．].*")) continue;
            StringBuilder text = new StringBuilder();
            for (int n = f.lineNo() - back; n <= f.lineNo(); n++) text.append(lines.getOrDefault(n, ""));
            Matcher s = SUBJECT.matcher(text);
            if (!s.find()) return null;
            return new Subject(bare(s.group(1)), bare(s.group(2)), bare(s.group(3)));
        }
        return null;
    }

    /** A subject name without the 支出 the tables sometimes append (卫生健康支出 = 卫生健康). */
    static String bare(String s) {
        String k = DocumentCells.key(s);
        return k.endsWith("支出") ? k.substring(0, k.length() - 2) : k;
    }
}
