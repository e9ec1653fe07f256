package reportingest.reconcile.budget;

import reportingest.catalog.Catalog;
import reportingest.layout.Page;
import reportingest.layout.pdf.PdfPageSource;
import reportingest.reconcile.fin.CatalogReconciler;
import reportingest.reconcile.ExtractedDocument;
import reportingest.reconcile.ExtractedTable;
import reportingest.reconcile.RowStatus;
import reportingest.reconcile.TableRow;
import reportingest.tables.RawTable;
import reportingest.tables.tabula.TabulaTableRecognizer;
import reportingest.validate.Validator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The real 部门/单位预算 PDFs under ../shared/external, used in place (never copied into the
 * repository; tests skip when absent), read through PdfPageSource, the Tabula recognizer, the catalog
 * reconciler and the validator once per test run.
 */
final class RealBudgets {
    static final Path EXTERNAL = Path.of("..", "shared", "external");
    static final String PUTUO = "govbudgetchecker_shanghai_putuo/";
    static final String TIANBAO = "tianbaoxitong_shanghai/";
    static final String JIANGSU = "open-budget_jiangsu/";

    static final String WANLI_23 = TIANBAO + "uploads/archives/1770007475548-818404804.pdf";
    static final String WANLI_24 = PUTUO + "X/上海市普陀区人民政府万里街道办事处24年预算.pdf";
    static final String WANLI_25 = PUTUO + "X/上海市普陀区人民政府万里街道办事处25年预算.pdf";
    static final String OFFICE_25 = PUTUO + "X/上海市普陀区人民政府办公室25年预算.pdf";
    static final String OFFICE_UNIT_25 = PUTUO + "X/上海市普陀区人民政府办公室单位25年预算.pdf";
    static final String COMMERCE_25 = PUTUO + "X/上海市普陀区商务委员会25年预算.pdf";
    static final String COMMERCE_UNIT_25 = PUTUO + "X/上海市普陀区商务委员会单位25年预算.pdf";
    static final String JUSTICE_26 = PUTUO + "tmp/doc_check/dept_budget.pdf";
    static final String JUSTICE_UNIT_26 = PUTUO + "tmp/doc_check/unit_budget.pdf";
    static final String FINANCE_25 = TIANBAO + "上海市普陀区财政局部门25年预算.pdf";
    static final String CITY_FINANCE_25 = TIANBAO + "上海市财政局25年预算.pdf";
    static final String WELFARE_24 = TIANBAO + "uploads/archives/1769321433314-826553525.pdf";

    private static final Map<String, ExtractedDocument> DOCS = new ConcurrentHashMap<>();

    private RealBudgets() {}

    static Path require(String relative) {
        Path p = EXTERNAL.resolve(relative);
        assumeTrue(Files.isRegularFile(p), "test document not present: " + p);
        return p;
    }

    /** The document reconciled and validated (tables and their identities; no narrative). */
    static ExtractedDocument read(String relative) {
        Path p = require(relative);
        return DOCS.computeIfAbsent(relative, f -> {
            List<Page> pages = new ArrayList<>();
            try {
                new PdfPageSource(null).pages(p, pages::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            List<RawTable> tables = new TabulaTableRecognizer().recognize(pages);
            Catalog catalog = Catalog.load();
            ExtractedDocument doc = new CatalogReconciler(catalog).reconcile(pages, tables);
            return new Validator(catalog).validate(doc, pages).document();
        });
    }

    static List<ExtractedTable> tables(ExtractedDocument doc, String schema) {
        return doc.tables().stream().filter(t -> t.schema().equals(schema)).toList();
    }

    static ExtractedTable table(ExtractedDocument doc, String schema) {
        List<ExtractedTable> t = tables(doc, schema);
        if (t.size() != 1) throw new AssertionError(schema + ": " + t.size() + " tables");
        return t.get(0);
    }

    /** The row of a coded table by code (or by name for a code-less total), of a two-sided one by side:item, of an outline by label. */
    static TableRow row(ExtractedTable t, String key) {
        for (TableRow r : t.rows()) {
            Object side = r.key().get("side");
            String k = side != null ? side + ":" + r.key().get("item")
                    : r.key().get("code") != null ? String.valueOf(r.key().get("code"))
                    : r.key().get("name") != null ? String.valueOf(r.key().get("name")) : String.valueOf(r.key().get("label"));
            if (k.equals(key)) return r;
        }
        if (t.rows().size() == 1 && key.equals("-")) return t.rows().get(0);
        throw new AssertionError("no row " + key + " in " + t.schema());
    }

    static String value(ExtractedTable t, String key, String column) {
        return row(t, key).cells().get(column).value();
    }

    static boolean budget(ExtractedTable t) { return t.schema().startsWith("budget_"); }

    static long accepted(List<ExtractedTable> tables) {
        return tables.stream().flatMap(t -> t.rows().stream()).filter(r -> r.status() == RowStatus.ACCEPTED).count();
    }

    static long rows(List<ExtractedTable> tables) {
        return tables.stream().mapToLong(t -> t.rows().size()).sum();
    }

    /** "schema key" of every row of budget tables not accepted, for comparing with the known list. */
    static List<String> notAccepted(ExtractedDocument doc) {
        List<String> out = new ArrayList<>();
        for (ExtractedTable t : doc.tables()) {
            if (!budget(t)) continue;
            for (TableRow r : t.rows()) {
                if (r.status() == RowStatus.ACCEPTED) continue;
                Object code = r.key().get("code");
                Object named = code != null ? code : r.key().get("item") != null ? r.key().get("item")
                        : r.key().get("name") != null ? r.key().get("name") : r.key().get("label");
                out.add(t.schema() + " " + named);
            }
        }
        return out;
    }
}
