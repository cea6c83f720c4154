package dev.patchexplorer.model;

import dev.patchexplorer.core.image.ChwImage;
import dev.patchexplorer.testing.SafetensorsWriter;
import dev.patchexplorer.testing.TinyCheckpoints;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Broken checkpoints fail with a ModelLoadException whose message names the problem. They are made
 * from the tests' own tiny checkpoints (ResNet-18 with widths 8-64 and 10 classes, a 12-block ViT).
 */
class ModelLoadErrorsTest {
    @TempDir
    Path tmp;
    /** Sound checkpoints to start from, outside {@code tmp}. */
    @TempDir
    Path sound;

    private Path resNet() throws Exception {
        Path dir = sound.resolve("resnet18");
        return Files.exists(dir) ? dir : TinyCheckpoints.resNet18(dir);
    }

    private static String failure(Path location) {
        return assertThrows(ModelLoadException.class, () -> ModelLoader.load(location).close()).getMessage();
    }

    private static void assertMentions(String message, String... parts) {
        for (String p : parts) assertTrue(message.contains(p), "message '" + message + "' should mention '" + p + "'");
    }

    @Test
    void folderWithoutConfigJson() throws Exception {
        new SafetensorsWriter().put("x", new long[] {1}, new float[] {1}).write(tmp.resolve("model.safetensors"));
        assertMentions(failure(tmp), "config.json");
    }

    @Test
    void unknownArchitecture() throws Exception {
        new SafetensorsWriter().put("x", new long[] {1}, new float[] {1}).write(tmp.resolve("model.safetensors"));
        Files.writeString(tmp.resolve("config.json"), "{\"architecture\": \"swin_tiny_patch4_window7_224\", \"num_classes\": 1000}");
        assertMentions(failure(tmp), "unknown architecture", "swin_tiny_patch4_window7_224");
    }

    @Test
    void missingTensorIsNamed() throws Exception {
        SafetensorsFile src = copyOfResNet(tmp);
        SafetensorsWriter out = new SafetensorsWriter();
        for (String name : src.names()) if (!name.equals("layer2.1.conv2.weight")) out.put(name, src.info(name).shape(), src.floats(name));
        out.write(tmp.resolve("model.safetensors"));
        assertMentions(failure(tmp), "missing tensor layer2.1.conv2.weight");
    }

    @Test
    void misShapedTensorNamesExpectedAndActualShape() throws Exception {
        SafetensorsFile src = copyOfResNet(tmp);
        SafetensorsWriter out = new SafetensorsWriter();
        for (String name : src.names()) {
            if (name.equals("layer1.0.conv2.weight")) out.put(name, new long[] {8, 8, 3, 2}, new float[8 * 8 * 3 * 2]);
            else out.put(name, src.info(name).shape(), src.floats(name));
        }
        out.write(tmp.resolve("model.safetensors"));
        assertMentions(failure(tmp), "layer1.0.conv2.weight", "expected [8, 8, 3, 3]", "got [8, 8, 3, 2]");
    }

    @Test
    void truncatedFile() throws Exception {
        copyOfResNet(tmp);
        byte[] whole = Files.readAllBytes(resNet().resolve("model.safetensors"));
        Files.write(tmp.resolve("model.safetensors"), Arrays.copyOf(whole, whole.length / 2));
        assertMentions(failure(tmp), "truncated", "model.safetensors");
    }

    @Test
    void notASafetensorsFile() throws Exception {
        copyOfResNet(tmp);
        Files.writeString(tmp.resolve("model.safetensors"), "<html>404 Not Found</html>");
        assertMentions(failure(tmp), "model.safetensors");
    }

    @Test
    void safetensorsPathWithConfigBesideItLoads() throws Exception {
        try (VisionModel m = ModelLoader.load(resNet().resolve("model.safetensors"))) {
            assertEquals(10, m.numClasses());
            assertEquals("resnet18", m.config().architecture());
        }
    }

    @Test
    void tooManyTokensIsRefusedBeforeRunning() throws Exception {
        try (ViTModel vit = (ViTModel) ModelLoader.load(TinyCheckpoints.vit(sound.resolve("vit")))) {
            ChwImage big = new ChwImage(3, 448, 448, new float[3 * 448 * 448]);
            String message = assertThrows(ModelLoadException.class, () -> vit.forward(big, 2)).getMessage();
            assertMentions(message, "too many tokens", "50,177");
        }
    }

    /** Puts the tiny ResNet's config.json in {@code dir} and returns its weights for editing. */
    private SafetensorsFile copyOfResNet(Path dir) throws Exception {
        Path model = resNet();
        Files.copy(model.resolve("config.json"), dir.resolve("config.json"));
        return SafetensorsFile.open(model.resolve("model.safetensors"));
    }
}
