package reportingest.reconcile.performance;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * The performance forms as data (resource {@code catalog/performance-forms.json}): titles, template
 * labels and column aliases, so that a new variant of a form is an edit of the resource, not of code.
 */
public record PerformanceCatalog(String yearPrefix, List<String> footerWords, List<FormSpec> forms) {
    public static final String RESOURCE = "catalog/performance-forms.json";

    public PerformanceCatalog {
        footerWords = footerWords == null ? List.of() : List.copyOf(footerWords);
        forms = List.copyOf(forms);
    }

    /** One form kind. Fields a layout does not use stay empty. */
    public record FormSpec(String schema, String layout, List<String> titles, String textColumn,
                           String amountColumn, Map<String, String> labelKinds, List<String> headerLabels,
                           List<String> textLabels, List<String> totalLabels, List<String> topLevelLabels,
                           List<FundsColumn> fundsColumns, List<String> breakdownSections,
                           String breakdownParentColumn, List<String> indicatorHeaderWords,
                           IndicatorColumns indicatorColumns, List<String> secondLevelIndicators,
                           List<String> textColumns) {
        public FormSpec {
            textColumns = orEmpty(textColumns);
            titles = orEmpty(titles);
            labelKinds = labelKinds == null ? Map.of() : Map.copyOf(labelKinds);
            headerLabels = orEmpty(headerLabels);
            textLabels = orEmpty(textLabels);
            totalLabels = orEmpty(totalLabels);
            topLevelLabels = orEmpty(topLevelLabels);
            fundsColumns = fundsColumns == null ? List.of() : List.copyOf(fundsColumns);
            breakdownSections = orEmpty(breakdownSections);
            indicatorHeaderWords = orEmpty(indicatorHeaderWords);
            secondLevelIndicators = orEmpty(secondLevelIndicators);
        }

        /** Kind of a row by its compacted label, or null when the label says nothing about it. */
        public String kindOf(String label) {
            return labelKinds.get(CellText.compact(label));
        }

        public boolean isTextLabel(String label) { return CellText.inList(label, textLabels); }
        public boolean isHeaderLabel(String label) { return CellText.inList(label, headerLabels); }
        public boolean isTotalLabel(String label) { return CellText.inList(label, totalLabels); }
        public boolean isSecondLevel(String text) { return CellText.inList(text, secondLevelIndicators); }

        /**
         * Whether a column holds text (the form's text column, its indicator names, the columns listed as
         * {@code textColumns}); every other column of the form holds a number or a percentage.
         */
        public boolean isTextColumn(String column) {
            if (column == null) return false;
            if (column.equals(textColumn) || textColumns.contains(column)) return true;
            return indicatorColumns != null && (column.equals(indicatorColumns.first()) || column.equals(indicatorColumns.second())
                    || column.equals(indicatorColumns.third()));
        }

        /** Canonical funds column for a printed header ("全年预 算数", "得分（分值×执行率）"), or null. */
        public String fundsColumn(String header) {
            String h = CellText.compact(header);
            if (h.isEmpty()) return null;
            for (FundsColumn c : fundsColumns) {
                for (String alias : c.aliases()) {
                    if (h.startsWith(CellText.compact(alias))) return c.name();
                }
            }
            return null;
        }

        private static List<String> orEmpty(List<String> list) {
            return list == null ? List.of() : List.copyOf(list);
        }
    }

    public record FundsColumn(String name, List<String> aliases) {
        public FundsColumn {
            aliases = aliases == null ? List.of(name) : List.copyOf(aliases);
        }
    }

    /** Names of the indicator columns the reader needs to address (fill-down, score check). */
    public record IndicatorColumns(String first, String second, String third, String weight, String score) {}

    public static PerformanceCatalog load() {
        try (InputStream in = PerformanceCatalog.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) throw new IllegalStateException("missing resource " + RESOURCE);
            return new ObjectMapper()
                    .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
                    .readValue(in, PerformanceCatalog.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }
}
