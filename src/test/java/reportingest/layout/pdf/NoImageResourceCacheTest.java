package reportingest.layout.pdf;

import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;

import static org.assertj.core.api.Assertions.assertThat;

class NoImageResourceCacheTest {
    @Test
    void keepsFormsButNeverPageImages() throws Exception {
        try (PDDocument doc = new PDDocument()) {
            NoImageResourceCache cache = new NoImageResourceCache();
            PDImageXObject image = LosslessFactory.createFromImage(doc, new BufferedImage(4, 4, BufferedImage.TYPE_BYTE_GRAY));
            PDFormXObject form = new PDFormXObject(doc);
            COSObject imageRef = new COSObject(image.getCOSObject());
            COSObject formRef = new COSObject(form.getCOSObject());
            cache.put(imageRef, image);
            cache.put(formRef, form);
            assertThat(cache.getXObject(imageRef)).isNull();
            assertThat(cache.getXObject(formRef)).isSameAs(form);
        }
    }
}
