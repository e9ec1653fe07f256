package reportingest.layout.ocr;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The per-page pixel budget: what is read whole, what is read down-sampled, and at what resolution a page is rendered. */
class PixelBudgetTest {
    private final PixelBudget budget = PixelBudget.ofMegapixels(60);

    @Test
    void pagesOfReportsFitWhole() {
        assertThat(budget.subsampling(2480, 3508)).isEqualTo(1);   // A4 at 300 dpi, 8.7 Mpx
        assertThat(budget.subsampling(4961, 7016)).isEqualTo(1);   // A3 at 400 dpi, 34.8 Mpx
        assertThat(budget.subsampling(7016, 9920)).isEqualTo(2);   // A3 at 600 dpi, 69.6 Mpx: read at 300 dpi
    }

    @Test
    void aPageAboveTheBudgetIsReadAtTheFirstStepThatFits() {
        assertThat(budget.subsampling(12_000, 17_000)).isEqualTo(2);   // 204 Mpx; 1/2 is 51
        assertThat(budget.subsampling(20_000, 28_000)).isEqualTo(4);   // 560 Mpx; 1/3 is 62, 1/4 is 35
    }

    @Test
    void aHugePageIsRenderedBelowThreeHundredDpi() {
        assertThat(budget.renderDpi(595, 842, 300)).isEqualTo(300);
        // 2630×1860 pt, the size img2pdf gives a 300-dpi A4 landscape scan stating 96 dpi: 151 Mpx at 300 dpi
        assertThat(budget.renderDpi(2630.25, 1860, 300)).isEqualTo(252);
    }

    @Test
    void aPageReadDownSampledIsNotUpSampledPastTheBudgetOnItsWayToOcr() {
        PixelBudget twenty = PixelBudget.ofMegapixels(20);
        // a 24000-pixel square scan read at 1/6: 4000 × 4000 at 50 dpi; 300 dpi would make it 576 Mpx again
        assertThat(OcrResolution.workingDpi(50, 4000, 4000, twenty)).isEqualTo(55);
        assertThat(4000 * 55 / 50 * (4000 * 55 / 50)).isLessThanOrEqualTo(20_000_000);
        // a page rendered below 300 dpi to fit stays at that resolution
        assertThat(OcrResolution.workingDpi(252, 9206, 6510, budget)).isEqualTo(252);
        // ordinary scans are brought to 300 dpi as before
        assertThat(OcrResolution.workingDpi(200, 1654, 2339, budget)).isEqualTo(300);
        assertThat(OcrResolution.workingDpi(600, 4961, 7016, budget)).isEqualTo(300);
        assertThat(OcrResolution.workingDpi(300, 2480, 3508, budget)).isEqualTo(300);
    }

    @Test
    void theResolutionOfAScanPlacedOnAPageSizedAtAWrongDensityIsItsA4Resolution() {
        assertThat(ScanResolution.ofPlacedImage(3507, 2480, 3507, 300)).isEqualTo(300);     // img2pdf, 72 dpi stated
        assertThat(ScanResolution.ofPlacedImage(3507, 2480, 2630.25, 300)).isEqualTo(300);  // img2pdf, 96 dpi stated
        assertThat(ScanResolution.ofPlacedImage(1654, 2339, 595.3, 300)).isEqualTo(200);    // a 200-dpi scan on an A4 page
        assertThat(ScanResolution.ofPlacedImage(2000, 1000, 960, 300)).isEqualTo(150);      // not A4: the page size stands
    }
}
