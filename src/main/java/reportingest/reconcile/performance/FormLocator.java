package reportingest.reconcile.performance;

import reportingest.layout.Page;
import reportingest.layout.TextLine;
import reportingest.layout.text.SpaceAlignedCells;
import reportingest.reconcile.performance.PerformanceCatalog.FormSpec;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Finds performance forms by their title line and cuts out their rows. A title counts only when it
 * is the whole line (so "附件：…自评表" and table-of-contents entries do not) and a table row follows.
 */
final class FormLocator {
    private final PerformanceCatalog catalog;

    FormLocator(PerformanceCatalog catalog) {
        this.catalog = catalog;
    }

    List<FormRegion> locate(List<Page> pages) {
        List<SourceRow> lines = new ArrayList<>();
        for (Page p : pages) {
            for (TextLine l : p.lines()) lines.add(new SourceRow(p.number(), p.origin(), SpaceAlignedCells.cells(l)));
        }
        List<FormRegion> regions = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            SourceRow line = lines.get(i);
            if (line.isTabular()) continue;
            FormSpec form = formTitled(line.text(0));
            if (form == null) continue;
            int first = nextNonBlank(lines, i + 1);
            if (first < 0 || !lines.get(first).isTabular()) continue;
            int end = endOf(lines, first);
            List<SourceRow> rows = lines.subList(first, end);
            regions.add(new FormRegion(form, CellText.clean(line.text(0)), rows,
                    line.page(), lines.get(end - 1).page()));
            i = end - 1;
        }
        return regions;
    }

    private FormSpec formTitled(String text) {
        String t = CellText.compact(text);
        if (t.isEmpty()) return null;
        for (FormSpec f : catalog.forms()) {
            for (String title : f.titles()) {
                Pattern p = Pattern.compile(catalog.yearPrefix() + Pattern.quote(CellText.compact(title)));
                if (p.matcher(t).matches()) return f;
            }
        }
        return null;
    }

    /**
     * A form ends at the first running-text line that is a footer or another title, or that is not
     * followed by more table rows (a wrapped cell line inside the table is kept).
     */
    private int endOf(List<SourceRow> lines, int first) {
        int lastRow = first;
        for (int i = first; i < lines.size(); i++) {
            SourceRow l = lines.get(i);
            if (l.isBlank()) continue;
            if (l.isTabular()) {
                lastRow = i;
                continue;
            }
            if (isFooter(l.text(0)) || formTitled(l.text(0)) != null) break;
            int next = nextNonBlank(lines, i + 1);
            if (next < 0 || !lines.get(next).isTabular()) break;
            lastRow = i;
        }
        return lastRow + 1;
    }

    private boolean isFooter(String text) {
        String t = CellText.compact(text);
        for (String w : catalog.footerWords()) if (t.startsWith(w)) return true;
        return false;
    }

    private static int nextNonBlank(List<SourceRow> lines, int from) {
        for (int i = from; i < lines.size(); i++) if (!lines.get(i).isBlank()) return i;
        return -1;
    }
}
