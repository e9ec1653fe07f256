package reportingest.validate;

import org.junit.jupiter.api.Test;
import reportingest.catalog.Catalog;
import reportingest.reconcile.ExtractedDocument;
import reportingest.reconcile.ExtractedTable;
import reportingest.reconcile.Flag;
import reportingest.reconcile.TableRow;
import reportingest.reconcile.fin.CatalogReconciler;
import reportingest.tables.RawGrids;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A table of no known form checked through its own header: 占调整后预算% = 金额 / 调整后预算数 (#21). */
class UnknownTableIdentitiesTest {
    private final Catalog catalog = Catalog.load();

    @Test
    void aShareColumnPinsTheAmountItIsTakenOf() {
        ExtractedDocument doc = new CatalogReconciler(catalog).reconcile(List.of(), List.of(RawGrids.ocr("2021年市本级一般公共预算支出决算草案表",
                "项目|2021年预算数|2021年调整后预算数|2021年决算数|2021年决算数",
                "|||金额|占调整后预算%",
                "五、科学技术|80000|90000|85500|95.00",
                "六、文化旅游体育与传媒|150000|158824|75593|47.57")));
        ExtractedTable t = new Validator(catalog).validate(doc, List.of()).document().tables().get(0);
        assertThat(t.schema()).isEqualTo("unknown");
        assertThat(t.columns()).contains("2021年决算数/金额", "2021年决算数/占调整后预算%");
        TableRow right = t.rows().get(0), misread = t.rows().get(1);
        assertThat(misread.cells().get("2021年决算数/金额").flags()).extracting(Flag::code).contains("ROW_SUM_MISMATCH");
        assertThat(right.cells().get("2021年决算数/金额").flags()).extracting(Flag::code).doesNotContain("ROW_SUM_MISMATCH");
    }
}
