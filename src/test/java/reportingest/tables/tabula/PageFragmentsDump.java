package reportingest.tables.tabula;

import com.fasterxml.jackson.core.type.TypeReference;
import reportingest.layout.Page;
import reportingest.store.Json;
import reportingest.tables.RawCell;
import reportingest.tables.RawRow;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Tuning tool (not a test): the table fragments PageTables finds on pages of a BookDump page cache. {@code pages.json from to}. */
public final class PageFragmentsDump {
    public static void main(String[] args) throws Exception {
        List<Page> pages = Json.MAPPER.readValue(Files.readString(Path.of(args[0])), new TypeReference<List<Page>>() {});
        int from = Integer.parseInt(args[1]), to = Integer.parseInt(args[2]);
        for (Page p : pages) {
            if (p.number() < from || p.number() > to) continue;
            if (System.getProperty("cells") != null) {
                technology.tabula.Page tp = TabulaPages.of(p).page();
                var cells = technology.tabula.extractors.SpreadsheetExtractionAlgorithm.findCells(tp.getHorizontalRulings(), tp.getVerticalRulings());
                System.out.println("h " + tp.getHorizontalRulings().size() + " v " + tp.getVerticalRulings().size() + " cells " + cells.size());
                for (var r : tp.getHorizontalRulings()) if (r.getY1() > 500) System.out.println("  H " + r.getX1() + "," + r.getY1() + " - " + r.getX2() + "," + r.getY2());
                for (var r : tp.getVerticalRulings()) if (r.getX1() < 250) System.out.println("  V " + r.getX1() + "," + r.getY1() + " - " + r.getX2() + "," + r.getY2());
                for (var c : cells) if (c.getBottom() > 490) System.out.printf("  cell %.1f-%.1f x %.1f-%.1f%n", c.getTop(), c.getBottom(), c.getLeft(), c.getRight());
                for (var a : technology.tabula.extractors.SpreadsheetExtractionAlgorithm.findSpreadsheetsFromCells(cells)) System.out.println("  area " + a);
            }
            for (Fragment f : PageTables.find(p)) {
                System.out.printf("p%d box=%s lattice=%s rows=%d first=%s last=%s%n", p.number(), f.box(), f.lattice(), f.rows().size(), f.firstOnPage(), f.lastOnPage());
                for (RawRow r : f.rows()) {
                    StringBuilder sb = new StringBuilder();
                    for (RawCell c : r.cells()) sb.append(c.text()).append(" | ");
                    System.out.println("   " + (r.cells().isEmpty() ? "" : Math.round(r.cells().get(0).bbox().y())) + " " + sb);
                }
            }
        }
    }
}
