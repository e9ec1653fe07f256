package reportingest.layout.pdf;

import reportingest.layout.Page;
import reportingest.layout.TextLine;
import reportingest.layout.Word;

import java.nio.file.Path;

/** Prints pages as read, for looking at real files while tuning (not a test). */
public final class PdfDump {
    public static void main(String[] args) throws Exception {
        int from = args.length > 1 ? Integer.parseInt(args[1]) : 1;
        int to = args.length > 2 ? Integer.parseInt(args[2]) : 9999;
        new PdfPageSource(null).pages(Path.of(args[0]), p -> {
            if (p.number() < from || p.number() > to) return;
            System.out.printf("=== page %d %.1fx%.1f %s lines=%d rulings=%d%n", p.number(), p.width(), p.height(),
                    p.origin(), p.lines().size(), p.rulings().size());
            for (TextLine l : p.lines()) {
                StringBuilder sb = new StringBuilder();
                for (Word w : l.words()) sb.append(String.format("[%s @%.0f,%.0f %.0fx%.1f] ", w.text(), w.bbox().x(), w.bbox().y(), w.bbox().width(), w.bbox().height()));
                System.out.println(sb);
            }
        });
    }
}
