package reportingest.catalog;

import java.util.List;

/**
 * A row group of the side-by-side basic-expenditure table (人员经费 / 公用经费): the 3-digit
 * economic heads that belong to it, the label of its footer total, and which printed column group
 * it is assumed for when a code matches no prefix.
 */
public record GroupDef(String name, List<String> codePrefixes, String totalLabel, Integer defaultForColumnGroup) {
    public GroupDef {
        codePrefixes = codePrefixes == null ? List.of() : List.copyOf(codePrefixes);
    }
}
