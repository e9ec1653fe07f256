package reportingest.reconcile.performance;

import java.util.List;

/**
 * A text block: a caption row naming its parts (预期目标 | 实际完成情况) and the next row holding
 * the texts. Merged cells shift the texts against their headings, so they are paired in order.
 */
final class TextRows {
    private TextRows() {}

    static RowDraft read(String label, SourceRow header, int labelAt, SourceRow content) {
        RowDraft d = new RowDraft(label).kind("text");
        List<Integer> headings = header.filledPositions();
        headings.remove(Integer.valueOf(labelAt));
        List<Integer> texts = content == null || !content.isTabular() ? List.of() : content.filledPositions();
        for (int i = 0; i < headings.size(); i++) {
            String column = CellText.compact(header.text(headings.get(i)));
            if (i < texts.size()) d.cell(column, content, texts.get(i));
            else d.cell(column, header, -1);
        }
        if (texts.size() != headings.size()) {
            d.flag("PARSE_AMBIGUOUS", headings.size() + " headings but " + texts.size() + " texts under \"" + label + "\"");
        }
        return d;
    }
}
