package reportingest.layout.pdf;

import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.state.RenderingMode;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.apache.pdfbox.util.Matrix;

import java.awt.geom.Point2D;
import java.io.IOException;
import java.util.List;

/**
 * Walks one page's content stream once and fills a {@link TextLayerSurvey}: glyphs counted by
 * whether their rendering mode paints anything, images measured by where the current transform
 * puts their unit square. Text itself is not collected.
 */
final class TextLayerSurveyor extends PDFTextStripper {
    private int visible;
    private int invisible;
    private double imageCover;
    private PDRectangle crop;

    private TextLayerSurveyor() {
    }

    /** Surveys page {@code pageNumber} (1-based) of {@code doc}. */
    static TextLayerSurvey survey(PDDocument doc, int pageNumber) throws IOException {
        TextLayerSurveyor s = new TextLayerSurveyor();
        s.crop = doc.getPage(pageNumber - 1).getCropBox();
        s.setStartPage(pageNumber);
        s.setEndPage(pageNumber);
        s.getText(doc);
        return new TextLayerSurvey(s.visible, s.invisible, s.imageCover);
    }

    @Override
    protected void processTextPosition(TextPosition text) {
        if (text.getUnicode() == null || text.getUnicode().isBlank()) return;
        RenderingMode mode = getGraphicsState().getTextState().getRenderingMode();
        if (mode.isFill() || mode.isStroke()) visible++;
        else invisible++;
    }

    @Override
    protected void processOperator(Operator operator, List<COSBase> operands) throws IOException {
        String name = operator.getName();
        if ("BI".equals(name) || "Do".equals(name) && isImage(operands)) {
            imageCover = Math.max(imageCover, cover(getGraphicsState().getCurrentTransformationMatrix()));
        }
        super.processOperator(operator, operands);
    }

    private boolean isImage(List<COSBase> operands) {
        PDResources res = getResources();
        return res != null && !operands.isEmpty() && operands.get(0) instanceof COSName n && res.isImageXObject(n);
    }

    /** Share of the crop box covered by the bounding box of the image's unit square under {@code ctm}. */
    private double cover(Matrix ctm) {
        double minX = Double.MAX_VALUE, minY = Double.MAX_VALUE, maxX = -Double.MAX_VALUE, maxY = -Double.MAX_VALUE;
        for (int corner = 0; corner < 4; corner++) {
            Point2D.Float p = ctm.transformPoint(corner & 1, corner >> 1);
            minX = Math.min(minX, p.x);
            maxX = Math.max(maxX, p.x);
            minY = Math.min(minY, p.y);
            maxY = Math.max(maxY, p.y);
        }
        double w = Math.min(maxX, crop.getUpperRightX()) - Math.max(minX, crop.getLowerLeftX());
        double h = Math.min(maxY, crop.getUpperRightY()) - Math.max(minY, crop.getLowerLeftY());
        double area = (double) crop.getWidth() * crop.getHeight();
        return w <= 0 || h <= 0 || area <= 0 ? 0 : w * h / area;
    }
}
