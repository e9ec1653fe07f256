package reportingest.eval;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FacetsTest {

    @Test
    void aGeneratedBornDigitalFileHasProducerFontAndNoScan() {
        assertThat(Facets.of("oos01_1cb4fc114d185c58.chromium.wqy-zenhei.unruled-sep.pdf"))
                .contains(new Facets("chromium", "wqy-zenhei", "born-digital"));
    }

    @Test
    void aGeneratedScanHasItsScanVariant() {
        assertThat(Facets.of("oos12_0a435e86f8ec8365-t03.calc.noto-sans.scan300-colour-degraded-img2pdf-nodpi.pdf"))
                .contains(new Facets("calc", "noto-sans", "scan300-colour-degraded-img2pdf-nodpi"));
    }

    @Test
    void theCommittedLayoutAndScanFixturesHaveNoFacets() {
        assertThat(Facets.of("001_a8898a713e576bc4.cont-repeat.pdf")).isEmpty();
        assertThat(Facets.of("gen03_e94b0d1a6c8f2357-t05.page.jpg")).isEmpty();
        assertThat(Facets.of("001_a8898a713e576bc4.txt")).isEmpty();
    }
}
