package reportingest.reconcile;

import com.fasterxml.jackson.core.type.TypeReference;
import reportingest.catalog.Catalog;
import reportingest.reconcile.fin.CatalogReconciler;
import reportingest.layout.Page;
import reportingest.layout.pdf.PdfPageSource;
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
 * Tuning tool (not a test). {@code cache DIR pdf…} saves each PDF's pages and Tabula tables as JSON
 * under DIR; {@code report DIR [raw] pdf…} reads them back, runs reconcile and validate and prints every
 * table (schema, title, rows accepted) and every row not accepted, so catalog edits are checked in seconds.
 */
public final class BudgetDump {
    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[1]);
        Files.createDirectories(dir);
        boolean raw = args.length > 2 && args[2].equals("raw");
        for (int i = raw ? 3 : 2; i < args.length; i++) {
            Path pdf = Path.of(args[i]);
            String key = Integer.toHexString(pdf.toAbsolutePath().normalize().toString().hashCode());
            Path pj = dir.resolve(key + ".pages.json"), tj = dir.resolve(key + ".tables.json");
            if (args[0].equals("cache")) {
                if (Files.exists(tj)) continue;
                List<Page> pages = new ArrayList<>();
                new PdfPageSource(null).pages(pdf, pages::add);
                List<RawTable> tables = new TabulaTableRecognizer().recognize(pages);
                Files.writeString(pj, Json.MAPPER.writeValueAsString(pages));
                Files.writeString(tj, Json.MAPPER.writeValueAsString(tables));
                System.out.println("cached " + pdf);
                continue;
            }
            List<Page> pages = Json.MAPPER.readValue(Files.readString(pj), new TypeReference<List<Page>>() {});
            List<RawTable> tables = Json.MAPPER.readValue(Files.readString(tj), new TypeReference<List<RawTable>>() {});
            System.out.println("=== " + pdf);
            if (raw) {
                for (RawTable t : tables) {
                    System.out.printf("### [%s] p%d-%d cont=%s rows=%d ctx=%s%n", t.title(), t.pageFrom(), t.pageTo(), t.continued(), t.rows().size(), t.context());
                    for (RawRow r : t.rows()) System.out.println("   " + r.cells().stream().map(RawCell::text).collect(Collectors.joining(" | ")));
                }
                continue;
            }
            Catalog catalog = Catalog.load();
            ExtractedDocument doc = new CatalogReconciler(catalog).reconcile(pages, tables);
            doc = new Validator(catalog).validate(doc, pages).document();
            System.out.printf("unit=%s year=%s flags=%s%n", doc.unit(), doc.fiscalYear(),
                    doc.flags().stream().map(f -> f.code() + ":" + f.message()).toList());
            for (ExtractedTable t : doc.tables()) {
                long ok = t.rows().stream().filter(r -> r.status() == RowStatus.ACCEPTED).count();
                System.out.printf("  %-40s %3d/%3d p%d-%d [%s] %s%n", t.schema(), ok, t.rows().size(), t.pageFrom(), t.pageTo(), t.title(),
                        t.flags().stream().map(Flag::code).toList());
                for (TableRow r : t.rows()) {
                    if (r.status() == RowStatus.ACCEPTED) continue;
                    System.out.printf("      x %s %s %s%n", r.key(), r.cells().entrySet().stream()
                            .map(e -> e.getKey() + "=" + e.getValue().value()).toList(), r.flags().stream().map(f -> f.code() + ":" + f.message()).toList());
                }
            }
        }
    }
}
