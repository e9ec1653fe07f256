package reportingest.layout.text;

import reportingest.detect.DetectedFile;
import reportingest.detect.DocumentKind;
import reportingest.layout.BBox;
import reportingest.layout.Page;
import reportingest.layout.PageOrigin;
import reportingest.layout.PageSource;
import reportingest.layout.TextLine;
import reportingest.layout.Word;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Pages from a text file of an earlier OCR run. Pages are split at form feeds (one page when there
 * are none); each line becomes a {@link TextLine} whose words are its tab-separated cells.
 * Boxes are in text-grid units: x = cell index, y = line number (1-based), width and height 1,
 * so that cell order and line adjacency survive into the shared page model.
 */
public final class OcrTextPageSource implements PageSource {
    /** Confidence of text whose OCR confidence the earlier run did not keep. */
    public static final double UNKNOWN_CONFIDENCE = 90.0;

    @Override
    public boolean accepts(DetectedFile file) {
        return file.kind() == DocumentKind.TEXT;
    }

    @Override
    public int pages(DetectedFile file, Consumer<Page> sink) throws IOException {
        String text = Files.readString(file.path(), file.charset());
        return split(text, sink);
    }

    /** Splits already-decoded text into pages; public for tests that feed text directly. */
    public int split(String text, Consumer<Page> sink) {
        if (!text.isEmpty() && text.charAt(0) == '\uFEFF') text = text.substring(1);
        String[] pageTexts = text.replace("\r\n", "\n").replace('\r', '\n').split("\f", -1);
        int lineNo = 0;
        int pageNo = 0;
        for (String pageText : pageTexts) {
            pageNo++;
            List<TextLine> lines = new ArrayList<>();
            int widest = 0;
            for (String line : pageText.split("\n", -1)) {
                lineNo++;
                String[] cells = line.split("\t", -1);
                List<Word> words = new ArrayList<>(cells.length);
                for (int i = 0; i < cells.length; i++) {
                    words.add(new Word(cells[i], new BBox(i, lineNo, 1, 1), UNKNOWN_CONFIDENCE));
                }
                widest = Math.max(widest, cells.length);
                lines.add(new TextLine(lineNo, words));
            }
            sink.accept(new Page(pageNo, widest, lines.size(), PageOrigin.OCR_TEXT, lines, List.of()));
        }
        return pageNo;
    }
}
