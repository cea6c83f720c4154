package dev.patchexplorer.core.augment;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RandomResizedCropTest {

    @Test
    void defaultCropsFitTheImageAndKeepTheirRanges() {
        List<RandomResizedCrop.Crop> crops = RandomResizedCrop.DEFAULTS.samples(300, 200, 500, 7);
        int fallbacks = 0;
        for (RandomResizedCrop.Crop c : crops) {
            assertTrue(c.x() >= 0 && c.y() >= 0 && c.x() + c.width() <= 300 && c.y() + c.height() <= 200, c.toString());
            if (c.fallback()) {
                fallbacks++;
                continue;
            }
            // rounding each side by at most 0.5 px moves area and ratio a little outside the drawn ranges
            double area = (double) c.width() * c.height() / (300 * 200);
            double slack = 2.0 / Math.min(c.width(), c.height());
            assertTrue(area >= 0.08 * (1 - 2 * slack) && area <= 1.0, "area " + area + " " + c);
            double ratio = (double) c.width() / c.height();
            assertTrue(ratio >= 0.75 * (1 - 2 * slack) && ratio <= 4.0 / 3 * (1 + 2 * slack), "ratio " + ratio + " " + c);
        }
        assertTrue(fallbacks < 10, "the defaults rarely fail ten times in a row, fell back " + fallbacks);
    }

    @Test
    void theSameSeedGivesTheSameCrops() {
        assertEquals(RandomResizedCrop.DEFAULTS.samples(224, 224, 8, 42), RandomResizedCrop.DEFAULTS.samples(224, 224, 8, 42));
        assertFalse(RandomResizedCrop.DEFAULTS.samples(224, 224, 8, 42).equals(RandomResizedCrop.DEFAULTS.samples(224, 224, 8, 43)));
    }

    @Test
    void aRatioThatCannotFitFallsBackToTheCentre() {
        // ratio at least 10 with 90 % of a square's area: w = sqrt(0.9 A 10) > side, every try fails
        RandomResizedCrop wide = new RandomResizedCrop(0.9, 1.0, 10, 20);
        RandomResizedCrop.Crop c = wide.sample(200, 200, new Random(1));
        assertTrue(c.fallback());
        // input ratio 1 < 10: full width, height round(200 / 10) = 20, centred
        assertEquals(new RandomResizedCrop.Crop(0, 90, 200, 20, true), c);
        RandomResizedCrop tall = new RandomResizedCrop(0.9, 1.0, 0.05, 0.1);
        // input ratio 1 > 0.1: full height, width round(200 x 0.1) = 20
        assertEquals(new RandomResizedCrop.Crop(90, 0, 20, 200, true), tall.sample(200, 200, new Random(1)));
        RandomResizedCrop within = new RandomResizedCrop(2, 3, 0.5, 2); // twice the image's area never fits
        assertEquals(new RandomResizedCrop.Crop(0, 0, 200, 100, true), within.sample(200, 100, new Random(1)));
    }

    @Test
    void wholePatchesCountFromTheCorner() {
        RandomResizedCrop.Crop c = new RandomResizedCrop.Crop(3, 5, 70, 40, false);
        assertEquals(4 * 2, c.wholePatches(16)); // 70 / 16 = 4 columns, 40 / 16 = 2 rows
        assertEquals(2 * 1, c.wholePatches(32));
        assertEquals(0, c.wholePatches(41));
    }

    @Test
    void emptyRangesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new RandomResizedCrop(0.5, 0.2, 0.75, 1.33));
        assertThrows(IllegalArgumentException.class, () -> new RandomResizedCrop(0, 1, 0.75, 1.33));
        assertThrows(IllegalArgumentException.class, () -> new RandomResizedCrop(0.1, 1, 2, 1));
        assertThrows(IllegalArgumentException.class, () -> new RandomResizedCrop(Double.NaN, 1, 0.75, 1.33));
    }
}
