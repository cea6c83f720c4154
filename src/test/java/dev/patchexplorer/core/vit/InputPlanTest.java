package dev.patchexplorer.core.vit;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class InputPlanTest {
    @Test
    void resizeKeepsTheNativePatchAndFlexiKeepsTheImage() {
        InputPlan r = InputPlan.of(PatchMode.RESIZE, 8, 16, 224, 224);
        assertEquals(28, r.gridH());
        assertEquals(448, r.inputH());
        assertEquals(16, r.modelPatch());
        InputPlan f = InputPlan.of(PatchMode.FLEXI, 8, 16, 224, 224);
        assertEquals(224, f.inputH());
        assertEquals(8, f.modelPatch());
        InputPlan wide = InputPlan.of(PatchMode.FLEXI, 30, 16, 224, 300);
        assertEquals(7, wide.gridH());
        assertEquals(10, wide.gridW());
        assertEquals(210, wide.inputH());
        assertEquals(71, wide.tokens(1));
    }
}
