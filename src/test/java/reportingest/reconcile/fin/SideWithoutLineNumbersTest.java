package reportingest.reconcile.fin;

import org.junit.jupiter.api.Test;
import reportingest.reconcile.ExtractedDocument;
import reportingest.reconcile.ExtractedTable;
import reportingest.reconcile.Flag;
import reportingest.reconcile.TableRow;
import reportingest.tables.RawTable;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static reportingest.reconcile.fin.OcrTables.row;
import static reportingest.reconcile.fin.OcrTables.table;

/**
 * A two-sided summary numbers its lines on both sides or on neither. When OCR misreads one side's 行次 heading,
 * that side's rows come out without their line numbers: each such row is flagged, never a key silently short.
 */
class SideWithoutLineNumbersTest {
    private final CatalogReconciler reconciler = new CatalogReconciler();

    @Test
    void rowsOfASideWhose行次HeadingWasMisreadAreFlagged() {
        RawTable t = table("收入支出决算总表",
                row("收入", "", "", "支出", "", ""),
                row("项目", "彳亍汉", "决算数", "项目", "行次", "决算数"),
                row("一、财政拨款收入", "1", "12.00", "一、一般公共服务支出", "2", "12.00"),
                row("本年收入合计", "3", "12.00", "本年支出合计", "4", "12.00"));

        ExtractedDocument doc = reconciler.reconcile(List.of(), List.of(t));

        ExtractedTable e = doc.tables().get(0);
        assertThat(e.schema()).isEqualTo("income_expenditure_summary");
        List<TableRow> income = e.rows().stream().filter(r -> "收入".equals(r.key().get("side"))).toList();
        List<TableRow> spending = e.rows().stream().filter(r -> "支出".equals(r.key().get("side"))).toList();
        assertThat(income).hasSize(2).allSatisfy(r -> assertThat(r.flags()).extracting(Flag::message)
                .contains("收入: the line numbers (行次) of this side were not read"));
        assertThat(spending).hasSize(2).allSatisfy(r -> assertThat(r.flags()).extracting(Flag::message)
                .noneMatch(m -> m.contains("行次")));
        assertThat(spending).extracting(r -> r.key().get("line_no")).containsExactly(2, 4);
    }
}
