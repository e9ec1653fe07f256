package reportingest.reconcile.books;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reportingest.catalog.Catalog;
import reportingest.layout.Page;
import reportingest.reconcile.ExtractedDocument;
import reportingest.reconcile.ExtractedTable;
import reportingest.reconcile.Flag;
import reportingest.reconcile.fin.CatalogReconciler;
import reportingest.tables.tabula.TabulaTableRecognizer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The captions of a few pages of the real scan c01 (issue #21; skipped saying why when ../shared is absent), cut out
 * and read as the service reads them: two-line titles read whole, and a form number whose 表 OCR garbled read from its
 * neighbours. The titles asserted were read by eye on the page renders ({@code pdftoppm -r 100}).
 */
class JinanScanCaptionsTest {
    private static final Path SCAN = GovernmentBooksTest.BOOKS.resolve("c01_jinan_2021_final_scan.pdf");
    /**
     * 表47 (p68), 表72 (p112) and 表77 (p163): two-line titles opening with the same line, 2021年济南新旧动能转换起步区一般公共预算
     * (so a text on three pages, under each one's form number); 表62 (p93), 表63 (p94, its number read Fz 63) and 表64 (p96).
     */
    private static final int[] PAGES = {68, 93, 94, 96, 112, 163};
    private static ExtractedDocument doc;

    @BeforeAll
    static void read(@TempDir Path tmp) throws Exception {
        if (!Files.isRegularFile(SCAN)) return;
        List<Page> pages = ScanPagesCut.read(SCAN, PAGES, tmp);
        doc = new CatalogReconciler(Catalog.load()).reconcile(pages, new TabulaTableRecognizer().recognize(pages));
    }

    private static ExtractedTable over(int page) {
        return doc.tables().stream().filter(t -> t.pageFrom() <= page && page <= t.pageTo()).findFirst()
                .orElseThrow(() -> new AssertionError("no table over p" + page + ": " + doc.tables().stream()
                        .map(t -> t.formNo() + "@" + t.pageFrom()).toList()));
    }

    private static String compact(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFKC).replaceAll("\\s+", "");
    }

    @Test
    void twoLineTitlesReadWhole() {
        assumeTrue(doc != null, "no " + SCAN + " beside the repository: third-party files absent");
        assertThat(over(68).formNo()).isEqualTo("表47");
        assertThat(compact(over(68).title())).isEqualTo("2021年济南新旧动能转换起步区一般公共预算支出决算草案表");
        assertThat(compact(over(112).title())).isEqualTo("2021年济南新旧动能转换起步区一般公共预算(基本)支出经济分类决算草案表");
        assertThat(compact(over(163).title())).isEqualTo("2021年济南新旧动能转换起步区一般公共预算支出细化表");
    }

    @Test
    void aFormNumberWhose表OcrGarbledIsReadFromItsNeighbours() {
        assumeTrue(doc != null, "no " + SCAN + " beside the repository: third-party files absent");
        assertThat(over(93).formNo()).isEqualTo("表62");
        assertThat(over(96).formNo()).isEqualTo("表64");
        ExtractedTable t = over(94);
        assertThat(t.formNo()).isEqualTo("表63");
        assertThat(compact(t.title())).isEqualTo("2021年市级税收返还及转移支付项目表");
        assertThat(t.flags()).extracting(Flag::code).contains("FORM_NUMBER_RECONCILED");
        assertThat(t.flags().stream().filter(f -> f.code().equals("FORM_NUMBER_RECONCILED")).findFirst().orElseThrow().message())
                .isEqualTo("printed form number 'Fz63' read as 表63: the tables around it are 表62 and 表64");
    }
}
