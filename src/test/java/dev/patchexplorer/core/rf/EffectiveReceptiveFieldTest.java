package dev.patchexplorer.core.rf;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** ERF radii on synthetic maps whose answers are known in closed form. */
class EffectiveReceptiveFieldTest {

    @Test
    void singlePixel() {
        float[] m = new float[21 * 21];
        m[10 * 21 + 10] = 3f;
        assertEquals(0.0, EffectiveReceptiveField.radiusContaining(m, 21, 21, 10, 10, 0.5));
        assertEquals(0.0, EffectiveReceptiveField.radiusContaining(m, 21, 21, 10, 10, 0.9));
        // off centre by (3, 4): every fraction needs radius 5
        assertEquals(5.0, EffectiveReceptiveField.radiusContaining(m, 21, 21, 7, 6, 0.5), 1e-12);
    }

    @Test
    void halfPixelCentre() {
        // four equal pixels around (0.5, 0.5), each at distance sqrt(0.5)
        float[] m = {1, 1, 1, 1};
        assertEquals(Math.sqrt(0.5), EffectiveReceptiveField.radiusContaining(m, 2, 2, 0.5, 0.5, 0.5), 1e-12);
    }

    @Test
    void uniformDisc() {
        // mass 1 on every pixel within R = 20 of the centre: the mass within r < R grows like
        // pi r^2, so half the mass lies within R / sqrt(2) = 14.14 and 90 % within R sqrt(0.9) = 18.97;
        // all of it within exactly R (pixel (50, 70) sits at distance 20).
        int n = 101;
        float[] m = new float[n * n];
        for (int y = 0; y < n; y++) {
            for (int x = 0; x < n; x++) if ((y - 50) * (y - 50) + (x - 50) * (x - 50) <= 400) m[y * n + x] = 1f;
        }
        assertEquals(20 / Math.sqrt(2), EffectiveReceptiveField.radiusContaining(m, n, n, 50, 50, 0.5), 0.5);
        assertEquals(20 * Math.sqrt(0.9), EffectiveReceptiveField.radiusContaining(m, n, n, 50, 50, 0.9), 0.5);
        assertEquals(20.0, EffectiveReceptiveField.radiusContaining(m, n, n, 50, 50, 1.0), 1e-12);
    }

    @Test
    void gaussian() {
        // isotropic Gaussian, sigma 8: mass within r = 1 - exp(-r^2 / (2 sigma^2)), so
        // r50 = sigma sqrt(2 ln 2) = 9.42 and r90 = sigma sqrt(2 ln 10) = 17.17.
        int n = 129;
        double sigma = 8, c = 64;
        float[] m = new float[n * n];
        for (int y = 0; y < n; y++) {
            for (int x = 0; x < n; x++) {
                m[y * n + x] = (float) Math.exp(-((y - c) * (y - c) + (x - c) * (x - c)) / (2 * sigma * sigma));
            }
        }
        double r50 = sigma * Math.sqrt(2 * Math.log(2)), r90 = sigma * Math.sqrt(2 * Math.log(10));
        EffectiveReceptiveField.ErfSummary s = EffectiveReceptiveField.summarize(m, n, n, c, c, 435);
        assertEquals(r50, s.radius50(), 0.5);
        assertEquals(r90, s.radius90(), 0.5);
        // as a fraction of the theoretical field's half-side, 435 / 2
        assertEquals(s.radius50() / 217.5, s.fraction50(), 1e-12);
        assertEquals(s.radius90() / 217.5, s.fraction90(), 1e-12);
    }

    @Test
    void channelAbsSumAddsMagnitudes() {
        // 2 channels of 1 x 2: |1| + |-3| = 4, |-2| + |0.5| = 2.5
        float[] chw = {1, -2, -3, 0.5f};
        assertArrayEquals(new float[] {4, 2.5f}, EffectiveReceptiveField.channelAbsSum(chw, 2, 1, 2));
    }

    @Test
    void rejectsMapsWithoutUsableMass() {
        assertThrows(IllegalArgumentException.class,
                () -> EffectiveReceptiveField.radiusContaining(new float[4], 2, 2, 0, 0, 0.5));
        assertThrows(IllegalArgumentException.class,
                () -> EffectiveReceptiveField.radiusContaining(new float[] {1, -1, 0, 0}, 2, 2, 0, 0, 0.5));
        assertThrows(IllegalArgumentException.class,
                () -> EffectiveReceptiveField.radiusContaining(new float[] {1, Float.NaN, 0, 0}, 2, 2, 0, 0, 0.5));
        assertThrows(IllegalArgumentException.class,
                () -> EffectiveReceptiveField.radiusContaining(new float[3], 2, 2, 0, 0, 0.5));
        assertThrows(IllegalArgumentException.class,
                () -> EffectiveReceptiveField.radiusContaining(new float[] {1, 0, 0, 0}, 2, 2, 0, 0, 0));
    }
}
