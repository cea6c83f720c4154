package dev.patchexplorer.core.tome;

import dev.patchexplorer.core.tradeoff.TradeOffs;
import dev.patchexplorer.core.tradeoff.VitArchitecture;
import dev.patchexplorer.core.tradeoff.VitPresets;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class MergeScheduleTest {
    @Test
    void vitS16WithR13EndsAt41() {
        MergeSchedule s = MergeSchedule.of(197, 13, 12, 1);
        assertEquals(41, s.finalTokens()); // SWEEP_AND_CONCEPTS.md section 3: 197 - 12 x 13
        assertEquals(197, s.tokensIn()[0]);
        assertEquals(184, s.tokensIn()[1]);
        for (int m : s.merged()) assertEquals(13, m);
    }

    @Test
    void rIsCappedAtHalfOfTheTokensThatMayMerge() {
        // 197 with r = 100: min(100, 196/2) = 98 -> 99; 98/2 = 49 -> 50; 49/2 = 24 -> 26; 25/2 = 12 -> 14;
        // 13/2 = 6 -> 8; 7/2 = 3 -> 5; 4/2 = 2 -> 3; 2/2 = 1 -> 2; then 1/2 = 0: the class token and one patch stay
        MergeSchedule s = MergeSchedule.of(197, 100, 12, 1);
        assertArrayEquals(new int[]{197, 99, 50, 26, 14, 8, 5, 3, 2, 2, 2, 2, 2}, s.tokensIn());
        assertArrayEquals(new int[]{98, 49, 24, 12, 6, 3, 2, 1, 0, 0, 0, 0}, s.merged());
        // nothing protected: 4 tokens, r = 3 -> 2 merged -> 2 -> 1 merged -> 1
        assertArrayEquals(new int[]{4, 2, 1, 1}, MergeSchedule.of(4, 3, 3, 0).tokensIn());
    }

    @Test
    void rZeroIsThePlainModel() {
        VitArchitecture small = VitPresets.byName("vit_small_patch16_224").orElseThrow();
        MergeSchedule s = MergeSchedule.of(197, 0, 12, 1);
        for (int n : s.tokensIn()) assertEquals(197, n);
        assertEquals(TradeOffs.encoderMacs(small, 197), s.encoderMacs(small));
    }

    @Test
    void mergedEncoderMacsByHand() {
        // ViT-Ti (D 192, MLP 768), two blocks of a made-up 2-block schedule 10 -> 7 -> 4:
        // block 0: 4*10*192^2 + 2*10^2*192 + 2*7*192*768; block 1: 4*7*192^2 + 2*7^2*192 + 2*4*192*768
        VitArchitecture twoBlocks = VitArchitecture.standard("ti2", 192, 2, 3, 16, 224, 1000);
        MergeSchedule s = MergeSchedule.of(10, 3, 2, 1);
        assertArrayEquals(new int[]{10, 7, 4}, s.tokensIn());
        long expected = (4L * 10 * 36864 + 2L * 100 * 192 + 2L * 7 * 192 * 768) + (4L * 7 * 36864 + 2L * 49 * 192 + 2L * 4 * 192 * 768);
        assertEquals(expected, s.encoderMacs(twoBlocks));
        assertThrows(IllegalArgumentException.class, () -> s.encoderMacs(VitPresets.defaultArchitecture()));
        assertThrows(IllegalArgumentException.class, () -> MergeSchedule.of(10, -1, 2, 1));
    }
}
