package reportingest.reconcile;

import com.fasterxml.jackson.core.type.TypeReference;
import reportingest.catalog.Catalog;
import reportingest.layout.Page;
import reportingest.layout.pdf.PdfPageSource;
import reportingest.reconcile.fin.CatalogReconciler;
import reportingest.store.Json;
import reportingest.tables.RawCell;
import reportingest.tables.RawRow;
import reportingest.tables.RawTable;
import reportingest.tables.tabula.TabulaTableRecognizer;
import reportingest.validate.Validator;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Tuning tool (not a test). {@code BudgetRowsDump DIR [raw|rows] pdf…}: caches each PDF's pages (layout
 * stage) as JSON under DIR, then runs tables, reconcile and validate on them and prints one line per
 * file (tables by schema, rows, rows ACCEPTED, unknown tables) and, with {@code rows}, every table and
 * every row not accepted, with {@code raw} every raw table. Measures a tables-stage change in seconds.
 */
public final class BudgetRowsDump {
    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        Files.createDirectories(dir);
        String mode = args[1].equals("raw") || args[1].equals("rows") ? args[1] : "";
        long totalRows = 0, totalOk = 0;
        for (int i = mode.isEmpty() ? 1 : 2; i < args.length; i++) {
            Path pdf = Path.of(args[i]);
            String key = Integer.toHexString(pdf.toAbsolutePath().normalize().toString().hashCode());
            Path pj = dir.resolve(key + ".pages.json");
            List<Page> pages;
            if (Files.exists(pj)) {
                pages = Json.MAPPER.readValue(Files.readString(pj), new TypeReference<List<Page>>() {});
            } else {
                pages = new ArrayList<>();
                new PdfPageSource(null).pages(pdf, pages::add);
                Files.writeString(pj, Json.MAPPER.writeValueAsString(pages));
            }
            List<RawTable> tables = new TabulaTableRecognizer().recognize(pages);
            Catalog catalog = Catalog.load();
            ExtractedDocument doc = new CatalogReconciler(catalog).reconcile(pages, tables);
            doc = new Validator(catalog).validate(doc, pages).document();
            long rows = 0, ok = 0, budget = 0, unknown = 0, unknownRows = 0;
            for (ExtractedTable t : doc.tables()) {
                if (t.schema().startsWith("budget_")) {
                    budget++;
                    rows += t.rows().size();
                    ok += t.rows().stream().filter(r -> r.status() == RowStatus.ACCEPTED).count();
                } else if (t.schema().equals("unknown")) {
                    unknown++;
                    unknownRows += t.rows().size();
                }
            }
            totalRows += rows;
            totalOk += ok;
            System.out.printf("%-60s budget tables %2d rows %4d accepted %4d | unknown tables %2d rows %4d%n",
                    pdf.getParent().getFileName() + "/" + pdf.getFileName(), budget, rows, ok, unknown, unknownRows);
            if (mode.equals("raw")) {
                for (RawTable t : tables) {
                    System.out.printf("### [%s] p%d-%d cont=%s rows=%d%n", t.title(), t.pageFrom(), t.pageTo(), t.continued(), t.rows().size());
                    for (RawRow r : t.rows()) System.out.println("   " + r.cells().stream().map(RawCell::text).collect(Collectors.joining(" | ")));
                }
            }
            if (mode.equals("rows")) {
                for (ExtractedTable t : doc.tables()) {
                    long a = t.rows().stream().filter(r -> r.status() == RowStatus.ACCEPTED).count();
                    System.out.printf("  %-44s %3d/%3d p%d-%d [%s] %s%n", t.schema(), a, t.rows().size(), t.pageFrom(), t.pageTo(), t.title(),
                            t.flags().stream().map(Flag::code).toList());
                    for (TableRow r : t.rows()) {
                        if (r.status() == RowStatus.ACCEPTED) continue;
                        System.out.printf("      x %s %s %s%n", r.key(), r.cells().entrySet().stream()
                                .map(e -> e.getKey() + "=" + e.getValue().value()).toList(),
                                r.flags().stream().map(f -> f.code() + ":" + f.message()).toList());
                    }
                }
            }
        }
        System.out.printf("TOTAL budget rows %d accepted %d%n", totalRows, totalOk);
    }
}
