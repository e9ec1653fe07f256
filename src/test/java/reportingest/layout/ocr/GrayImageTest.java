package reportingest.layout.ocr;

import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;

import static org.assertj.core.api.Assertions.assertThat;

class GrayImageTest {
    private static GrayImage gray(int... rgb) {
        BufferedImage img = new BufferedImage(rgb.length, 1, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < rgb.length; x++) img.setRGB(x, 0, rgb[x]);
        return GrayImage.of(img);
    }

    @Test
    void aRedSealFadesWhileBlackPrintAndGreyPaperKeepTheirLuminance() {
        GrayImage g = gray(0x101010, 0xD03838, 0x202020, 0xC8C8C8, 0x2030B0);
        assertThat(g.at(0, 0)).isEqualTo(16);           // black print
        assertThat(g.at(1, 0)).isEqualTo(0xD0);         // seal red: its lightest channel, read as paper
        assertThat(g.at(2, 0)).isEqualTo(32);           // black print over the seal stays black
        assertThat(g.at(3, 0)).isEqualTo(0xC8);         // grey background
        assertThat(g.at(4, 0)).isEqualTo(0xB0);         // blue pen drops out the same way
    }

    @Test
    void aSlightScannerTintIsNotTakenForColouredInk() {
        // chroma 40: a warm tint on dark print, still dark
        GrayImage g = gray(0x503C28);
        assertThat(g.at(0, 0)).isEqualTo((299 * 0x50 + 587 * 0x3C + 114 * 0x28) / 1000);
    }
}
