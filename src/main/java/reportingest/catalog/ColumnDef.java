package reportingest.catalog;

import java.util.List;

/**
 * A canonical value column: its export name, the upper header levels printed above it (parents)
 * and the leaf header texts that name it in real documents (aliases).
 */
public record ColumnDef(String name, List<String> parents, List<String> aliases) {
    public ColumnDef {
        parents = parents == null ? List.of() : List.copyOf(parents);
        aliases = aliases == null ? List.of(name) : List.copyOf(aliases);
    }
}
