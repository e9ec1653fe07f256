package reportingest.layout;

import java.util.List;

/** A line of a page as the source printed it. For OCR'd text files each word is one cell of the line. */
public record TextLine(int lineNo, List<Word> words) {
    public String text() {
        StringBuilder sb = new StringBuilder();
        for (Word w : words) {
            if (sb.length() > 0) sb.append('\t');
            sb.append(w.text());
        }
        return sb.toString();
    }

    /** The words run together, no separator: how a title or a label reads when its cells split it. */
    public String joined() {
        StringBuilder sb = new StringBuilder();
        for (Word w : words) sb.append(w.text());
        return sb.toString();
    }
}
