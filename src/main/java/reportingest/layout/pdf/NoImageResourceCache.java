package reportingest.layout.pdf;

import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.pdmodel.DefaultResourceCache;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * PDFBox's resource cache without its images. The default keeps every page image it decodes behind a
 * soft reference, which the JVM clears only near its heap limit: a 200-page scan grew the service past
 * 6 GB. Fonts stay cached: parsing an embedded CJK font again on every page would cost more than the OCR
 * saves. Each page image is needed once, by the render that feeds the OCR.
 */
final class NoImageResourceCache extends DefaultResourceCache {
    @Override
    public void put(COSObject indirect, PDXObject xobject) {
        if (!(xobject instanceof PDImageXObject)) super.put(indirect, xobject);
    }
}
