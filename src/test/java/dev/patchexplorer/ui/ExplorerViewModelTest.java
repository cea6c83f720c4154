package dev.patchexplorer.ui;

import dev.patchexplorer.core.grid.AspectMode;
import dev.patchexplorer.core.tradeoff.VitPresets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The view model's rules, without a window. */
class ExplorerViewModelTest {
    private final ExplorerViewModel model = new ExplorerViewModel(Runnable::run);

    @Test
    void patchIsClampedToTheSliderRangeAndTheImage() {
        model.setPatch(1);
        assertEquals(2, model.getPatch());
        model.setPatch(500);
        assertEquals(224, model.getPatch());   // past 128: up to the 224 px working image's side
        model.workingSizeProperty().set(512);
        model.setPatch(512);
        assertEquals(512, model.getPatch());   // one 512 px pathology tile covers a 512 px working image
        model.workingSizeProperty().set(64);
        assertEquals(64, model.getPatch());
    }

    @Test
    void snappingKeepsOnlyDivisorsAndStepsBetweenThem() {
        model.snapToDivisorsProperty().set(true);
        model.setPatch(17);
        assertEquals(16, model.getPatch());
        model.setPatch(15);
        assertEquals(14, model.getPatch());   // 14 and 16 are equally near: the smaller wins
        model.setPatch(16);
        model.stepPatch(1);
        assertEquals(28, model.getPatch());   // divisors of 224: ... 16, 28, 32 ...
        model.stepPatch(-1);
        model.stepPatch(-1);
        assertEquals(14, model.getPatch());
        assertEquals(0, model.getTradeOffs().droppedPixels());
    }

    @Test
    void choosingAnArchitectureMovesThePatchToItsNativeSize() {
        model.architectureProperty().set(VitPresets.byName("vit_base_patch32_224").orElseThrow());
        assertEquals(32, model.getPatch());
        assertEquals(4.41, model.getTradeOffs().gmacs(), 0.005);
    }

    @Test
    void keepAspectMakesANonSquareWorkingImage() {
        model.aspectModeProperty().set(AspectMode.KEEP);
        model.workingSizeProperty().set(384);
        assertEquals(384, model.getWorking().width());  // no image yet: a square of the working size
        assertEquals(24 * 24, model.getTradeOffs().patchTokens());
    }

    @Test
    void offsetCanLeaveNoWholePatch() {
        model.workingSizeProperty().set(32);
        model.setPatch(32);
        model.offsetXProperty().set(1);
        assertTrue(model.getGrid().isEmpty());
        assertNull(model.getTradeOffs());
    }

    @Test
    void settingsRoundTrip(@TempDir Path dir) {
        Settings settings = new Settings(dir.resolve("s.properties"));
        model.architectureProperty().set(VitPresets.byName("vit_small_patch8_224").orElseThrow());
        model.workingSizeProperty().set(448);
        model.setPatch(14);
        new SessionPersistence(settings).save(model, null, Theme.DARK);
        settings.addRecentFile(dir.resolve("a.png"));
        settings.addRecentFile(dir.resolve("b.png"));
        settings.addRecentFile(dir.resolve("a.png"));
        settings.save();
        assertTrue(settings.flush(java.time.Duration.ofSeconds(10)), "the saves land (written in the background)");

        Settings reread = new Settings(dir.resolve("s.properties"));
        ExplorerViewModel restored = new ExplorerViewModel(Runnable::run);
        SessionPersistence session = new SessionPersistence(reread);
        session.restore(restored);
        assertEquals("vit_small_patch8_224", restored.architectureProperty().get().name());
        assertEquals(448, restored.workingSizeProperty().get());
        assertEquals(14, restored.getPatch());
        assertEquals(Theme.DARK, session.theme());
        assertEquals(2, reread.recentFiles().size());
        assertEquals("a.png", reread.recentFiles().get(0).getFileName().toString());
    }
}
