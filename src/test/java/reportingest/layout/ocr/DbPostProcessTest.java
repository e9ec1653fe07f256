package reportingest.layout.ocr;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** DB post-processing on hand-made probability maps: regions, box scores, unclip. */
class DbPostProcessTest {
    private static final int W = 200, H = 100;

    private static void fill(float[] map, int x0, int y0, int x1, int y1, float p) {
        for (int y = y0; y < y1; y++) for (int x = x0; x < x1; x++) map[y * W + x] = p;
    }

    @Test
    void eachConfidentRegionIsABoxGrownByTheUnclipMargin() {
        float[] map = new float[W * H];
        fill(map, 10, 20, 70, 30, 0.95f); // 60 × 10: d = 600 × 1.5 / 140 = 6.43
        fill(map, 100, 60, 180, 72, 0.9f);
        List<DbPostProcess.Box> boxes = DbPostProcess.boxes(map, W, H);
        assertThat(boxes).hasSize(2);
        DbPostProcess.Box a = boxes.get(0);
        assertThat(a.x0()).isEqualTo(3);
        assertThat(a.y0()).isEqualTo(13);
        assertThat(a.x1()).isEqualTo(77);
        assertThat(a.y1()).isEqualTo(37);
        assertThat(a.score()).isEqualTo(0.95, org.assertj.core.api.Assertions.within(1e-6));
        assertThat(boxes.get(1).x0()).isLessThan(100);
        assertThat(boxes.get(1).x1()).isGreaterThan(180);
    }

    @Test
    void diagonalNeighboursJoinOneRegion() {
        float[] map = new float[W * H];
        fill(map, 10, 10, 50, 30, 0.9f);
        fill(map, 50, 30, 53, 33, 0.9f); // touches the first only at a corner
        List<DbPostProcess.Box> boxes = DbPostProcess.boxes(map, W, H);
        assertThat(boxes).hasSize(1);
        assertThat(boxes.get(0).x1()).isGreaterThan(53);
    }

    @Test
    void faintRegionsAndSpecksAreNoText() {
        float[] map = new float[W * H];
        fill(map, 10, 10, 60, 20, 0.45f);  // above the threshold, below the box score
        fill(map, 100, 50, 102, 80, 0.99f); // two pixels wide
        assertThat(DbPostProcess.boxes(map, W, H)).isEmpty();
    }

    @Test
    void boxesStayInsideTheMap() {
        float[] map = new float[W * H];
        fill(map, 0, 0, 40, 8, 0.9f);
        DbPostProcess.Box b = DbPostProcess.boxes(map, W, H).get(0);
        assertThat(b.x0()).isZero();
        assertThat(b.y0()).isZero();
    }
}
