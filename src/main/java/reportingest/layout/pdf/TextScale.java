package reportingest.layout.pdf;

import org.apache.pdfbox.contentstream.PDFStreamEngine;
import org.apache.pdfbox.contentstream.operator.DrawObject;
import org.apache.pdfbox.contentstream.operator.state.Concatenate;
import org.apache.pdfbox.contentstream.operator.state.Restore;
import org.apache.pdfbox.contentstream.operator.state.Save;
import org.apache.pdfbox.contentstream.operator.state.SetGraphicsStateParameters;
import org.apache.pdfbox.contentstream.operator.state.SetMatrix;
import org.apache.pdfbox.contentstream.operator.text.BeginText;
import org.apache.pdfbox.contentstream.operator.text.EndText;
import org.apache.pdfbox.contentstream.operator.text.MoveText;
import org.apache.pdfbox.contentstream.operator.text.MoveTextSetLeading;
import org.apache.pdfbox.contentstream.operator.text.NextLine;
import org.apache.pdfbox.contentstream.operator.text.SetCharSpacing;
import org.apache.pdfbox.contentstream.operator.text.SetFontAndSize;
import org.apache.pdfbox.contentstream.operator.text.SetTextHorizontalScaling;
import org.apache.pdfbox.contentstream.operator.text.SetTextLeading;
import org.apache.pdfbox.contentstream.operator.text.SetTextRenderingMode;
import org.apache.pdfbox.contentstream.operator.text.SetTextRise;
import org.apache.pdfbox.contentstream.operator.text.SetWordSpacing;
import org.apache.pdfbox.contentstream.operator.text.ShowText;
import org.apache.pdfbox.contentstream.operator.text.ShowTextAdjusted;
import org.apache.pdfbox.contentstream.operator.text.ShowTextLine;
import org.apache.pdfbox.contentstream.operator.text.ShowTextLineAndSpace;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.util.Matrix;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * How much larger a page's text is printed than the font size its text layer reports. PDFBox (and so Tabula)
 * reports a glyph's size as the font size times the text matrix, leaving out the page's transformation (cm):
 * a producer that draws under a scaled transformation reports another size than it prints. Chromium draws in
 * CSS pixels under a 0.75 scale, so its 9 pt text reports 12 whatever the font, and a glyph box made from the
 * reported size is a third too tall: the lines of a multi-line table header, set closer than a body row,
 * overlap and merge. The factor is the median over the page's text-showing operators of the size printed
 * (the text rendering matrix's vertical scale) over the size reported; 1 for a page that shows no text.
 */
final class TextScale extends PDFStreamEngine {
    /** Text-showing operators looked at before the median is taken (the page's scale does not change). */
    private static final int SAMPLES = 200;

    private final List<Double> ratios = new ArrayList<>();

    private TextScale() {
        addOperator(new BeginText(this));
        addOperator(new Concatenate(this));
        addOperator(new DrawObject(this));
        addOperator(new EndText(this));
        addOperator(new SetGraphicsStateParameters(this));
        addOperator(new Save(this));
        addOperator(new Restore(this));
        addOperator(new NextLine(this));
        addOperator(new SetCharSpacing(this));
        addOperator(new MoveText(this));
        addOperator(new MoveTextSetLeading(this));
        addOperator(new SetFontAndSize(this));
        addOperator(new ShowText(this));
        addOperator(new ShowTextAdjusted(this));
        addOperator(new SetTextLeading(this));
        addOperator(new SetMatrix(this));
        addOperator(new SetTextRenderingMode(this));
        addOperator(new SetTextRise(this));
        addOperator(new SetWordSpacing(this));
        addOperator(new SetTextHorizontalScaling(this));
        addOperator(new ShowTextLine(this));
        addOperator(new ShowTextLineAndSpace(this));
    }

    /** The page's factor: printed size over reported size. */
    static double of(PDPage page) throws IOException {
        TextScale engine = new TextScale();
        try {
            engine.processPage(page);
        } catch (Enough e) {
            // sampled enough
        }
        List<Double> rs = engine.ratios;
        if (rs.isEmpty()) return 1;
        rs.sort(null);
        return rs.get(rs.size() / 2);
    }

    @Override
    protected void showText(byte[] string) {
        // no glyph is decoded or drawn: only the matrices at the operator matter
        float size = getGraphicsState().getTextState().getFontSize();
        Matrix tm = getTextMatrix();
        if (size == 0 || tm == null) return;
        double reported = Math.abs(size * tm.getScalingFactorX());
        double printed = Math.abs(size * tm.multiply(getGraphicsState().getCurrentTransformationMatrix()).getScalingFactorY());
        if (reported <= 0 || printed <= 0 || !Double.isFinite(printed / reported)) return;
        ratios.add(printed / reported);
        if (ratios.size() >= SAMPLES) throw new Enough();
    }

    /** Stops reading the page once enough operators are sampled. */
    private static final class Enough extends RuntimeException {
        Enough() { super(null, null, false, false); }
    }
}
