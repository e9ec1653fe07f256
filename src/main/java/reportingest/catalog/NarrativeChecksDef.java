package reportingest.catalog;

import java.math.BigDecimal;
import java.util.List;

/**
 * Checks of the figures stated in the narrative, as data.
 * <ul>
 * <li>links: a figure (of scope, in the document's fiscal year) equals each table cell named;
 *     figurePattern links a family of figures (类支出:&lt;类&gt;, 项N.支出决算) to coded rows found by
 *     the class name or by the 类/款/项 subject printed with the item;</li>
 * <li>atLeast: a figure covering all funds is at least the table cell;</li>
 * <li>atMost: a figure covering part of what the cell covers (机关运行经费: the 公用经费 of
 *     administrative units only) is at most the table cell; with {@code sameWithin} (a share), a
 *     figure that close to the cell is that cell's figure printed again and must equal it;</li>
 * <li>sums: lhs = Σ terms within one scope and year ('?x' optional, '-x' subtracted, 're:…' every
 *     figure matching, at least one);</li>
 * <li>weightedSums: lhs = Σ amount × share% (shares printed as percentages);</li>
 * <li>duplicates: a figure stated twice for the same year states the same value;</li>
 * <li>relations: wording that compares two figures ("决算数小于预算数") agrees with them: a fact
 *     {@code <prefix>.<suffix>} worded 大于/小于/等于 is checked against {@code <prefix>.<actual>} and
 *     {@code <prefix>.<budget>} (the first of each list the scope states);</li>
 * <li>classItems: a 类支出 figure equals the 项 lines whose subject names that 类.</li>
 * <li>changes: a change stated against the year before ({@code <base>.<prefix><amount or rate>}, 比上年/比2024年预算增加Y万元，
 *     增长Z%) is checked where both years' figures are known: the current one ({@code <base>} or {@code <base>.<current>})
 *     and the previous one ({@code <base>.<previous>}), or, with neither, the amount and the rate against each other
 *     (previous = current ∓ amount); a change whose figures the document does not give stays unchecked.</li>
 * </ul>
 */
public record NarrativeChecksDef(List<Link> links, List<Link> atLeast, List<Link> atMost, List<Sum> sums, List<WeightedSum> weightedSums,
                                 Boolean duplicates, ClassItems classItems, Relations relations, Changes changes) {
    public NarrativeChecksDef {
        links = links == null ? List.of() : List.copyOf(links);
        atLeast = atLeast == null ? List.of() : List.copyOf(atLeast);
        atMost = atMost == null ? List.of() : List.copyOf(atMost);
        sums = sums == null ? List.of() : List.copyOf(sums);
        weightedSums = weightedSums == null ? List.of() : List.copyOf(weightedSums);
        duplicates = duplicates != null && duplicates;
    }

    public static NarrativeChecksDef none() {
        return new NarrativeChecksDef(null, null, null, null, null, false, null, null, null);
    }

    /** by: null (cells as selected), "class" (level-3 row named by the figure's suffix), "subject" (row of the 类/款/项 subject). */
    public record Link(String id, String figure, String figurePattern, List<String> scopes, String by,
                       List<CellSelector> cells, BigDecimal sameWithin) {
        public Link {
            scopes = scopes == null ? List.of() : List.copyOf(scopes);
            cells = cells == null ? List.of() : List.copyOf(cells);
        }
    }

    /** {@code notScope}: scopes (separated by |) where the sum is not checked. */
    public record Sum(String id, String lhs, List<String> terms, String notScope, String unless) {
        public Sum {
            terms = terms == null ? List.of() : List.copyOf(terms);
        }
    }

    public record WeightedSum(String id, String lhs, List<List<String>> pairs) {
        public WeightedSum {
            pairs = pairs == null ? List.of() : List.copyOf(pairs);
        }
    }

    public record ClassItems(String classPrefix, String itemPattern) {}

    public record Relations(String suffix, List<String> actual, List<String> budget, List<String> more, List<String> less,
                            List<String> equal) {
        public Relations {
            actual = actual == null ? List.of() : List.copyOf(actual);
            budget = budget == null ? List.of() : List.copyOf(budget);
            more = more == null ? List.of() : List.copyOf(more);
            less = less == null ? List.of() : List.copyOf(less);
            equal = equal == null ? List.of() : List.copyOf(equal);
        }
    }

    /** {@code current}: suffixes naming the current figure ("" the base itself); rates in percent. */
    public record Changes(String prefix, List<String> current, List<String> previous, String upAmount, String downAmount,
                         List<String> upRates, List<String> downRates, List<String> scopes) {
        public Changes {
            scopes = scopes == null ? List.of() : List.copyOf(scopes);
            current = current == null ? List.of() : List.copyOf(current);
            previous = previous == null ? List.of() : List.copyOf(previous);
            upRates = upRates == null ? List.of() : List.copyOf(upRates);
            downRates = downRates == null ? List.of() : List.copyOf(downRates);
        }

        /** Whether changes stated in this scope are checked (every scope when none is named). */
        public boolean checkedIn(String scope) {
            return scopes.isEmpty() || scopes.contains(scope);
        }
    }
}
