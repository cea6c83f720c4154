package dev.patchexplorer.core.augment;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RandomCropTest {

    @Test
    void boxesStayInsideThePaddedImageAndReachEveryPosition() {
        // 40 x 30 padded by 4: 48 x 38, a 20 px box has 29 x 19 corners, x in [-4, 24], y in [-4, 14]
        RandomCrop crop = new RandomCrop(20, 4);
        Set<Integer> xs = new HashSet<>();
        Set<Integer> ys = new HashSet<>();
        for (RandomCrop.Box b : crop.samples(40, 30, 4000, 3)) {
            assertTrue(b.x() >= -4 && b.x() <= 24 && b.y() >= -4 && b.y() <= 14, b.toString());
            assertEquals(20, b.size());
            xs.add(b.x());
            ys.add(b.y());
        }
        assertEquals(29, xs.size());
        assertEquals(19, ys.size());
    }

    @Test
    void theRowIsDrawnBeforeTheColumn() {
        Random r = new Random(11);
        int row = r.nextInt(38 - 20 + 1);
        int col = r.nextInt(48 - 20 + 1);
        assertEquals(new RandomCrop.Box(col - 4, row - 4, 20), new RandomCrop(20, 4).sample(40, 30, new Random(11)));
    }

    @Test
    void theSameSeedGivesTheSameBoxes() {
        RandomCrop crop = new RandomCrop(160, 0);
        assertEquals(crop.samples(224, 224, 6, 9), crop.samples(224, 224, 6, 9));
        assertNotEquals(crop.samples(224, 224, 6, 9), crop.samples(224, 224, 6, 10));
    }

    @Test
    void aBoxAsLargeAsThePaddedImageHasOnePlace() {
        // 30 x 30 padded by 2 is 34 x 34: the only corner is the padded image's, (-2, -2)
        for (RandomCrop.Box b : new RandomCrop(34, 2).samples(30, 30, 20, 1)) assertEquals(new RandomCrop.Box(-2, -2, 34), b);
    }

    @Test
    void aBoxLargerThanThePaddedImageIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new RandomCrop(33, 1).sample(30, 100, new Random(0)));
        assertTrue(new RandomCrop(32, 1).fits(30, 100));
        assertThrows(IllegalArgumentException.class, () -> new RandomCrop(0, 0));
        assertThrows(IllegalArgumentException.class, () -> new RandomCrop(8, -1));
    }

    @Test
    void patchesCountFromTheCornerAndThoseWithPaddingAreSetApart() {
        // a 50 px box at (-5, 10) on a 100 x 56 image, patch 16: 3 x 3 whole cells
        RandomCrop.Box b = new RandomCrop.Box(-5, 10, 50);
        assertEquals(9, b.wholePatches(16));
        // columns start at -5, 11, 27: the first holds padding; rows start at 10, 26, 42: 42 + 16 = 58 > 56
        assertEquals(2 * 2, b.imagePatches(16, 100, 56));
        assertEquals(9, new RandomCrop.Box(0, 0, 50).imagePatches(16, 100, 56));
        assertEquals(0, new RandomCrop.Box(0, 0, 15).wholePatches(16));
    }
}
