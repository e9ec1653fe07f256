package reportingest.catalog;

import java.util.List;

/**
 * A canonical value column: its export name, the upper header levels printed above it (parents)
 * and the leaf header texts that name it in real documents (aliases). An optional column is one
 * that some printings of the form leave out (部门 vs 单位 budgets, Jiangsu's single 金额 column):
 * when the header does not name it, the table simply has no such column, rather than a missing cell.
 */
public record ColumnDef(String name, List<String> parents, List<String> aliases, Boolean optional) {
    public ColumnDef {
        parents = parents == null ? List.of() : List.copyOf(parents);
        aliases = aliases == null ? List.of(name) : List.copyOf(aliases);
        optional = optional != null && optional;
    }

    public ColumnDef(String name, List<String> parents, List<String> aliases) { this(name, parents, aliases, false); }
}
