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

class HeaderSchemasTest {
    private final CatalogReconciler reconciler = new CatalogReconciler();

    @Test
    void expenditureTableWhoseTitleOcrCouldNotReadIsNamedByItsHeader() {
        RawTable t = table("ShREAR",
                row("项目", "", "本年支出合计", "基本支出", "项目支出", "上缴上级支出", "经营支出", "对附属单位补助支出"),
                row("科目编码", "科目名称", "", "", "", "", "", ""),
                row("合计", "", "51.43", "51.43", "", "", "", ""),
                row("208", "社会保障和就业支出", "51.43", "51.43", "", "", "", ""));

        ExtractedDocument doc = reconciler.reconcile(List.of(), List.of(t));

        assertThat(doc.flags()).isEmpty();
        assertThat(doc.tables()).hasSize(1);
        ExtractedTable e = doc.tables().get(0);
        assertThat(e.schema()).isEqualTo("expenditure");
        assertThat(e.flags()).extracting(Flag::code).containsExactly(HeaderSchemas.SCHEMA_FROM_HEADER);
        TableRow r = e.rows().stream().filter(x -> "208".equals(x.key().get("code"))).findFirst().orElseThrow();
        assertThat(r.key()).containsEntry("name", "社会保障和就业支出");
        assertThat(r.cells().get("本年支出合计").value()).isEqualTo("51.43");
        assertThat(r.cells().get("基本支出").value()).isEqualTo("51.43");
        assertThat(r.cells().get("项目支出").value()).isNull();
    }

    @Test
    void anIncomeTableWithAGarbledTitleIsNamedByItsSevenSources() {
        RawTable t = table("Wh A BR",
                row("科目编码", "科目名称", "本年收入合计", "财政拨款收入", "上级补助收入", "事业收入", "经营收入", "附属单位上缴收入", "其他收入"),
                row("201", "一般公共服务支出", "1.00", "1.00", "", "", "", "", ""));

        ExtractedDocument doc = reconciler.reconcile(List.of(), List.of(t));

        assertThat(doc.tables()).extracting(ExtractedTable::schema).containsExactly("income");
    }

    /** Without any title line, a table is most often the rest of one continued from a page not found. */
    @Test
    void aTableWithoutTitleLineIsNotNamedByItsHeader() {
        RawTable t = table(null,
                row("项目", "", "本年支出合计", "基本支出", "项目支出", "上缴上级支出", "经营支出", "对附属单位补助支出"),
                row("科目编码", "科目名称", "", "", "", "", "", ""),
                row("20805", "行政事业单位养老支出", "326.24", "326.24", "", "", "", ""));

        ExtractedDocument doc = reconciler.reconcile(List.of(), List.of(t));

        // kept as printed, never named by its header
        assertThat(doc.tables()).extracting(ExtractedTable::schema).containsExactly("unknown");
        assertThat(doc.flags()).extracting(Flag::code).containsExactly("SCHEMA_UNKNOWN");
    }

    @Test
    void aHeaderSeveralFormsPrintNamesNoSchema() {
        RawTable t = table("Sh REAR",
                row("项目", "", "本年支出", "", ""),
                row("科目编码", "科目名称", "小计", "基本支出", "项目支出"),
                row("201", "一般公共服务支出", "1.00", "1.00", ""));

        ExtractedDocument doc = reconciler.reconcile(List.of(), List.of(t));

        assertThat(doc.tables()).extracting(ExtractedTable::schema).containsExactly("unknown");
        assertThat(doc.tables().get(0).columns()).containsExactly("本年支出/小计", "本年支出/基本支出", "本年支出/项目支出");
        assertThat(doc.flags()).extracting(Flag::code).containsExactly("SCHEMA_UNKNOWN");
    }

    @Test
    void aOneColumnHeaderNamesNoSchema() {
        RawTable t = table("ShR", row("项目", "决算数"), row("一、工资福利支出", "1.00"));
        assertThat(HeaderSchemas.identify(reportingest.catalog.Catalog.load(), t)).isEmpty();
    }

    /** 支出决算表 read 文出决算表 over a header printing three of the form's six kinds of spending. */
    @Test
    void aShortTitleReadWithOneSlipNamesItsFormWhenTheHeaderVouches() {
        RawTable t = table("文出决算表",
                row("科目编码", "科目名称", "本年支出合计", "基本支出", "项目支出"),
                row("208", "社会保障和就业支出", "51.43", "51.43", ""));

        ExtractedDocument doc = reconciler.reconcile(List.of(), List.of(t));

        assertThat(doc.tables()).extracting(ExtractedTable::schema).containsExactly("expenditure");
        // the three columns it does not print are said missing
        assertThat(doc.tables().get(0).flags()).extracting(Flag::code).containsExactly("COLUMN_MISSING", HeaderSchemas.SCHEMA_FROM_HEADER);
        assertThat(doc.tables().get(0).flags().get(1).message()).isEqualTo("title '文出决算表' read as 支出决算表 (one character off); the header names 3 of its columns");
    }

    @Test
    void aShortTitleOneSlipFromTwoFormsOrWithoutAVouchingHeaderNamesNone() {
        // 收出决算表 is one slip from both 收入决算表 and 支出决算表
        RawTable both = table("收出决算表", row("科目编码", "科目名称", "本年支出合计", "基本支出", "项目支出"), row("208", "社会保障和就业支出", "51.43", "51.43", ""));
        // a header of two of the form's columns does not vouch
        RawTable thin = table("文出决算表", row("科目编码", "科目名称", "基本支出", "项目支出"), row("208", "社会保障和就业支出", "51.43", ""));
        var catalog = reportingest.catalog.Catalog.load();
        assertThat(HeaderSchemas.identifyByShortTitleWithSlip(catalog, both)).isEmpty();
        assertThat(HeaderSchemas.identifyByShortTitleWithSlip(catalog, thin)).isEmpty();
    }
}
