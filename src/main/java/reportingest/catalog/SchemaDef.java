package reportingest.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One catalog schema. {@code kind} says how rows are laid out: coded (科目编码/科目名称 rows),
 * two_sided (收入 ‖ 支出 summary with 行次), grouped_coded (side-by-side code groups),
 * one_row, or semi_structured (handled elsewhere). {@code headerMustPrint}: words one of which the
 * header must print for a title match to stand (a coded form's 编码/代码), so a table that shares a
 * title with the form but is laid out otherwise (Jiangsu's 收入预算总表 by source) is not forced into it.
 * {@code labelLevels}: for an outline (政府采购预算表), the header words of the label columns of each level, top first.
 */
public record SchemaDef(String id, String title, List<String> titleVariants, String kind, String codeSystem,
                        List<String> keyColumns, Boolean lineNumbers, List<Integer> codeLevels,
                        List<String> totalLabels, List<String> headerWords, List<ColumnDef> columns,
                        List<SideDef> sides, List<GroupDef> groups, Integer defaultGroupCount,
                        String groupHeaderAlias, List<IdentityDef> identities, List<String> headerMustPrint,
                        List<List<String>> labelLevels) {

    public static final String SEMI_STRUCTURED = "semi_structured";

    public SchemaDef {
        titleVariants = orEmpty(titleVariants);
        keyColumns = orEmpty(keyColumns);
        codeLevels = orEmpty(codeLevels);
        totalLabels = orEmpty(totalLabels);
        headerWords = orEmpty(headerWords);
        columns = orEmpty(columns);
        sides = orEmpty(sides);
        groups = orEmpty(groups);
        identities = orEmpty(identities);
        headerMustPrint = orEmpty(headerMustPrint);
        labelLevels = orEmpty(labelLevels);
        lineNumbers = lineNumbers != null && lineNumbers;
    }

    private static <T> List<T> orEmpty(List<T> l) { return l == null ? List.of() : List.copyOf(l); }

    public List<String> allTitles() {
        List<String> all = new ArrayList<>();
        all.add(title);
        all.addAll(titleVariants);
        return all;
    }

    public List<String> columnNames() {
        return columns.stream().map(ColumnDef::name).toList();
    }

    public Optional<ColumnDef> column(String name) {
        return columns.stream().filter(c -> c.name().equals(name)).findFirst();
    }

    public boolean financial() { return !SEMI_STRUCTURED.equals(kind); }

    /** The columns every printing of the form has (the header must name them). */
    public List<String> requiredColumnNames() {
        return columns.stream().filter(c -> !c.optional()).map(ColumnDef::name).toList();
    }

    /** Whether a column is optional (absent from some printings of the form). */
    public boolean optional(String column) {
        return column(column).map(ColumnDef::optional).orElse(false);
    }
}
