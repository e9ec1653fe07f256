package reportingest.layout;

import java.util.List;

/**
 * The one page model every source yields (text layer, OCR, OCR'd text), so that table recognition,
 * reconciliation and validation never need to know where a page came from.
 * Page numbers start at 1. {@code otherReadings} are a second OCR engine's readings of the cells where it
 * disagreed with the words (empty unless two engines read the page).
 */
public record Page(int number, double width, double height, PageOrigin origin,
                   List<TextLine> lines, List<Ruling> rulings, List<OtherReading> otherReadings) {
    public Page {
        lines = List.copyOf(lines);
        rulings = List.copyOf(rulings);
        otherReadings = otherReadings == null ? List.of() : List.copyOf(otherReadings);
    }

    public Page(int number, double width, double height, PageOrigin origin, List<TextLine> lines, List<Ruling> rulings) {
        this(number, width, height, origin, lines, rulings, List.of());
    }
}
