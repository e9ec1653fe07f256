package reportingest.layout;

import java.util.List;

/**
 * The one page model every source yields (text layer, OCR, OCR'd text), so that table recognition,
 * reconciliation and validation never need to know where a page came from.
 * Page numbers start at 1.
 */
public record Page(int number, double width, double height, PageOrigin origin,
                   List<TextLine> lines, List<Ruling> rulings) {
    public Page {
        lines = List.copyOf(lines);
        rulings = List.copyOf(rulings);
    }
}
