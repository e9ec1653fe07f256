package reportingest.tables.tabula;

import reportingest.layout.Page;
import reportingest.layout.pdf.PdfPageSource;
import reportingest.tables.RawCell;
import reportingest.tables.RawRow;
import reportingest.tables.RawTable;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Prints the tables recognised in a PDF, for looking at real files while tuning (not a test). */
public final class TableDump {
    public static void main(String[] args) throws Exception {
        List<Page> pages = new ArrayList<>();
        long t0 = System.nanoTime();
        new PdfPageSource(null).pages(Path.of(args[0]), pages::add);
        long t1 = System.nanoTime();
        List<RawTable> tables = new TabulaTableRecognizer().recognize(pages);
        long t2 = System.nanoTime();
        System.out.printf("pages %d in %d ms, tables %d in %d ms%n", pages.size(), (t1 - t0) / 1_000_000, tables.size(), (t2 - t1) / 1_000_000);
        boolean full = args.length > 1;
        for (RawTable t : tables) {
            System.out.printf("### [%s] form=%s p%d-%d cont=%s rows=%d cols=%d ctx=%s%n", t.title(), t.formNo(), t.pageFrom(), t.pageTo(),
                    t.continued(), t.rows().size(), t.rows().isEmpty() ? 0 : t.rows().get(0).cells().size(), t.context());
            if (!full) continue;
            for (RawRow r : t.rows()) {
                StringBuilder sb = new StringBuilder();
                for (RawCell c : r.cells()) sb.append(c.text()).append(" | ");
                System.out.println("   " + sb);
            }
        }
    }
}
