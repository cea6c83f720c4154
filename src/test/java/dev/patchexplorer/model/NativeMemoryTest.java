package dev.patchexplorer.model;

import ai.djl.ndarray.BaseNDManager;
import dev.patchexplorer.core.image.ChwImage;
import dev.patchexplorer.testing.ResidentMemory;
import dev.patchexplorer.testing.TinyCheckpoints;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Repeated passes leave nothing behind in the weights' manager, and native memory stays flat. */
class NativeMemoryTest {
    /** The tests' tiny checkpoints: a leak is per pass and per array, whatever the weights' values. */
    @TempDir
    Path tmp;

    private static int managedArrays(VisionModel m) {
        Weights w = m instanceof ViTModel v ? weightsOf(v) : weightsOf((CnnModel) m);
        return ((BaseNDManager) w.manager()).getManagedArrays().size();
    }

    private static Weights weightsOf(Object model) {
        try {
            var f = model.getClass().getDeclaredField("weights");
            f.setAccessible(true);
            return (Weights) f.get(model);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    /** Resident memory minus the committed Java heap, after a GC: roughly the native part, in KiB. */
    private static long nativeKiB() throws Exception {
        System.gc();
        return ResidentMemory.kib() - Runtime.getRuntime().totalMemory() / 1024;
    }

    @Test
    void vitForwardAndGradientPassesDoNotLeak() throws Exception {
        try (ViTModel vit = (ViTModel) ModelLoader.load(TinyCheckpoints.vit(tmp.resolve("vit")))) {
            ChwImage input = new ChwImage(3, 224, 224, new float[3 * 224 * 224]);
            int before = managedArrays(vit);
            for (int i = 0; i < 20; i++) { // warm up allocator and caches
                vit.forward(input, 16);
                vit.forward(input, 32);
                vit.inputGradTop1(input, 16);
                vit.tokenGradient(input, 16, 6, 3, 4);
                vit.logits(input, 16);
            }
            long rssWarm = nativeKiB();
            for (int i = 0; i < 40; i++) {
                vit.forward(input, 16);
                vit.forward(input, 32);
                vit.inputGradTop1(input, 16);
                vit.tokenGradient(input, 16, 6, 3, 4);
                vit.logits(input, 16);
            }
            long rssAfter = nativeKiB();
            assertEquals(before, managedArrays(vit), "arrays left attached to the model manager");
            System.out.printf("[memory] ViT native (RSS - Java heap) after warm-up %d MiB, after 200 more passes %d MiB%n", rssWarm >> 10, rssAfter >> 10);
            // RSS also moves with malloc arenas and the other tests in this JVM (up to ~120 MiB seen in a
            // full run), so the bound only catches a per-pass leak: keeping one pass's attention maps
            // (12 x 3 x 197^2 floats = 5.6 MB) in each of the 80 forward passes would add about 450 MiB.
            assertTrue(rssAfter - rssWarm < 300 * 1024, "resident memory grew by " + ((rssAfter - rssWarm) >> 10) + " MiB");
        }
    }

    @Test
    void cnnForwardAndErfPassesDoNotLeak() throws Exception {
        try (CnnModel m = (CnnModel) ModelLoader.load(TinyCheckpoints.mobileNetV2(tmp.resolve("mobilenetv2")))) {
            ChwImage input = new ChwImage(3, 224, 224, new float[3 * 224 * 224]);
            int before = managedArrays(m);
            for (int i = 0; i < 10; i++) {
                m.forward(input);
                m.erfGradientAtCentre(input, "blocks.3");
                m.inputGradTop1(input);
            }
            assertEquals(before, managedArrays(m), "arrays left attached to the model manager");
        }
    }
}
