package reportingest.reconcile.fin;

import org.junit.jupiter.api.Test;
import reportingest.catalog.Catalog;
import reportingest.layout.BBox;
import reportingest.layout.PageOrigin;
import reportingest.reconcile.CellValue;
import reportingest.reconcile.ExtractedTable;
import reportingest.reconcile.TableRow;
import reportingest.tables.RawCell;
import reportingest.tables.RawRow;
import reportingest.tables.RawTable;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A numbered form printed with its unit and lines but no figure (c01 表87: a district's 财政专户 with no fund to report)
 * is delivered, empty; a table without amounts that is no numbered form (a list of units) is not stored.
 */
class EmptyFormTest {
    private static final String TITLE = "2021年济南新旧动能转换起步区财政专户管理资金收支情况表";

    private static RawRow row(String... texts) {
        List<RawCell> cells = new ArrayList<>();
        for (int i = 0; i < texts.length; i++) cells.add(new RawCell(texts[i], 180, new BBox(60 + 90 * i, 200, 80, 12), 93, PageOrigin.OCR));
        return new RawRow(cells);
    }

    private static List<RawRow> lines() {
        return List.of(row("收入科目", "2020年决算数", "2021年决算数", "比上年增长%"),
                row("一、行政事业性收费收入", "", "", ""),
                row("二、其他收入", "", "", ""),
                row("收入总计", "", "", ""));
    }

    private static List<ExtractedTable> reconcile(RawTable raw) {
        return new CatalogReconciler(Catalog.load()).reconcile(List.of(), List.of(raw)).tables();
    }

    @Test
    void aNumberedFormWithItsUnitAndNoFigureIsDeliveredEmpty() {
        List<ExtractedTable> out = reconcile(new RawTable(TITLE, "表87", List.of("单位：万元"), lines(), 180, 180, false));
        assertThat(out).hasSize(1);
        ExtractedTable t = out.get(0);
        assertThat(t.schema()).isEqualTo("unknown");
        assertThat(t.formNo()).isEqualTo("表87");
        assertThat(t.unit()).isEqualTo("万元");
        assertThat(t.rows()).extracting(r -> r.key().get("label")).contains("一、行政事业性收费收入", "收入总计");
        assertThat(t.rows().stream().flatMap(r -> r.cells().values().stream()).map(CellValue::value).filter(Objects::nonNull)).isEmpty();
    }

    @Test
    void aTableWithoutAmountsThatIsNoNumberedFormIsNotStored() {
        assertThat(reconcile(new RawTable(TITLE, null, List.of("单位：万元"), lines(), 180, 180, false))).isEmpty();
        assertThat(reconcile(new RawTable(TITLE, "表87", List.of(), lines(), 180, 180, false))).isEmpty();
    }
}
