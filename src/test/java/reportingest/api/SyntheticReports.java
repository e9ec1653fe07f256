package reportingest.api;

/** Small made-up reports (one income table), each with its own unit name so their contents differ. */
final class SyntheticReports {
    private SyntheticReports() {}

    /** An income table whose 207 row prints 本年收入合计 as "3O5.20" (OCR damage: the reader flags it) when {@code damaged}. */
    static String income(String unit, boolean damaged) {
        return income(unit, damaged, "文化旅游体育与传媒支出");
    }

    /** The same report with the 207 row's name as given (an OCR-damaged label when not the subject's name). */
    static String income(String unit, boolean damaged, String name207) {
        return String.join("\n",
                "第二部分 部门决算表",
                "收入决算表",
                "部门：" + unit + "\t2030年度\t公开02表\t单位：万元",
                "项目\t\t本年收入合计\t财政拨款收入\t上级补助收入\t事业收入\t经营收入\t附属单位上缴收入\t其他收入",
                "功能分类科目编码\t科目名称",
                "合计\t\t305.20\t305.20\t\t\t\t\t",
                "207" + name207 + "\t\t" + (damaged ? "3O5.20" : "305.20") + "\t305.20\t\t\t\t\t",
                "20701 文化和旅游\t\t305.20\t305.20\t\t\t\t\t",
                "2070109群众文化\t\t305.20\t305.20\t\t\t\t\t",
                "注：本表反映部门本年度取得的各项收入情况。",
                "第三部分 情况说明",
                "");
    }
}
