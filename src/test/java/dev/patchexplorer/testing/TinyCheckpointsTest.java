package dev.patchexplorer.testing;

import dev.patchexplorer.core.image.ChwImage;
import dev.patchexplorer.model.CnnModel;
import dev.patchexplorer.model.ModelLoader;
import dev.patchexplorer.model.ViTModel;
import dev.patchexplorer.model.catalog.SafetensorsHeader;
import dev.patchexplorer.model.catalog.TensorInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The tests' own small checkpoints load through the app's loader and run to finite, input-dependent
 * logits, and a draft's edits are what its files hold.
 */
class TinyCheckpointsTest {
    @TempDir
    Path tmp;

    @Test
    void vitHasViTTinysStructureAtASmallWidth() throws Exception {
        try (ViTModel vit = assertInstanceOf(ViTModel.class, ModelLoader.load(TinyCheckpoints.vit(tmp.resolve("vit"))))) {
            assertEquals("vit_tiny_patch16_224", vit.config().architecture());
            assertEquals(24, vit.spec().dim());
            assertEquals(12, vit.spec().depth());
            assertEquals(3, vit.spec().heads());
            assertEquals(96, vit.spec().mlpHidden());
            assertEquals(16, vit.spec().nativePatch());
            assertEquals(14, vit.spec().nativeGridH());
            assertEquals(1, vit.spec().prefixTokens());
            assertEquals(1000, vit.numClasses());
            float[] a = vit.logits(image(1), 16);
            float[] b = vit.logits(image(2), 16);
            assertUsable(a, b, 1000);
            assertArrayEquals(a, vit.logits(image(1), 16), "the same input gives the same logits");
        }
    }

    @Test
    void vitDraftTakesItsDepthAndClasses() throws Exception {
        Path dir = TinyCheckpoints.vitDraft(2, 10).write(tmp.resolve("vit2"));
        try (ViTModel vit = assertInstanceOf(ViTModel.class, ModelLoader.load(dir))) {
            assertEquals(2, vit.spec().depth());
            assertEquals(10, vit.numClasses());
            assertEquals(24, vit.spec().dim());
            assertEquals(3, vit.spec().heads());
            assertUsable(vit.logits(image(1), 16), vit.logits(image(2), 16), 10);
        }
        // its own model_args state the depth, so the loader checked them against the tensors
        assertTrue(Files.readString(dir.resolve("config.json")).contains("\"depth\": 2,"));
    }

    @Test
    void draftEditsAreWhatTheFilesHold() throws Exception {
        TinyCheckpoints.Draft draft = TinyCheckpoints.vitDraft(2, 10)
                .set("head.weight", 7, Float.NaN)
                .fill("head.bias", 0.5f)
                .put("extra.weight", new long[] {2}, new float[] {-3f, 4f})
                .remove("norm.bias")
                .modelArgs("\"depth\": 5");
        Path dir = draft.write(tmp.resolve("edited"));
        SafetensorsHeader header = SafetensorsHeader.read(dir.resolve("model.safetensors"));
        assertFalse(header.tensors().containsKey("norm.bias"));
        assertEquals(List.of(2L), header.tensors().get("extra.weight").shape());
        ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(dir.resolve("model.safetensors"))).order(ByteOrder.LITTLE_ENDIAN);
        assertArrayEquals(new float[] {-3f, 4f}, floats(bytes, header, "extra.weight"));
        float[] head = floats(bytes, header, "head.weight");
        assertTrue(Float.isNaN(head[7]));
        assertEquals(1, IntStream.range(0, head.length).filter(i -> Float.isNaN(head[i])).count(), "one NaN, the one set");
        float[] bias = floats(bytes, header, "head.bias");
        assertEquals(10, bias.length);
        for (float v : bias) assertEquals(0.5f, v);
        String config = Files.readString(dir.resolve("config.json"));
        assertTrue(config.contains("\"model_args\": {\"depth\": 5}"), config);
        assertTrue(config.contains("\"architecture\": \"vit_tiny_patch16_224\""), config);
        draft.config("{}").write(dir);
        assertEquals("{}", Files.readString(dir.resolve("config.json")));
        assertThrows(IllegalArgumentException.class, () -> TinyCheckpoints.vitDraft().set("no.such.weight", 0, 1f));
    }

    @Test
    void mobileNetV2HasSevenStagesAndAThousandClasses() throws Exception {
        try (CnnModel m = assertInstanceOf(CnnModel.class, ModelLoader.load(TinyCheckpoints.mobileNetV2(tmp.resolve("mnv2"))))) {
            assertEquals("mobilenetv2_100", m.config().architecture());
            assertEquals(1000, m.numClasses());
            // stem, 1 + 2 + 3 + 4 + 3 + 3 + 1 blocks as in timm's mobilenetv2_100, head
            assertEquals(19, m.layerNames().size(), m.layerNames().toString());
            assertEquals(List.of("conv_stem", "blocks.0.0", "blocks.1.0"), m.layerNames().subList(0, 3));
            assertEquals("conv_head", m.layerNames().get(18));
            assertUsable(m.forward(image(1)).logits(), m.forward(image(2)).logits(), 1000);
        }
    }

    @Test
    void resNetsHaveTheirBlockCountsAndTenClasses() throws Exception {
        try (CnnModel r18 = assertInstanceOf(CnnModel.class, ModelLoader.load(TinyCheckpoints.resNet18(tmp.resolve("r18"))));
             CnnModel r50 = assertInstanceOf(CnnModel.class, ModelLoader.load(TinyCheckpoints.resNet50(tmp.resolve("r50"))))) {
            assertEquals("resnet18", r18.config().architecture());
            assertEquals(2 + 2 * 4, r18.layerNames().size(), r18.layerNames().toString()); // conv1, maxpool, 2-2-2-2
            assertEquals("layer4.1", r18.layerNames().get(9));
            assertEquals("resnet50", r50.config().architecture());
            assertEquals(2 + 3 + 4 + 6 + 3, r50.layerNames().size(), r50.layerNames().toString());
            assertEquals("layer4.2", r50.layerNames().get(17));
            for (CnnModel m : List.of(r18, r50)) {
                assertEquals(10, m.numClasses());
                assertUsable(m.forward(image(1)).logits(), m.forward(image(2)).logits(), 10);
            }
        }
    }

    @Test
    void theSameCallWritesTheSameBytes() throws Exception {
        for (String kind : List.of("vit", "mnv2", "r18")) {
            Path a = write(kind, tmp.resolve("a-" + kind));
            Path b = write(kind, tmp.resolve("b-" + kind));
            for (String file : List.of("config.json", "model.safetensors")) {
                assertEquals(-1, Files.mismatch(a.resolve(file), b.resolve(file)), kind + " " + file);
            }
        }
    }

    private static Path write(String kind, Path dir) throws Exception {
        return switch (kind) {
            case "vit" -> TinyCheckpoints.vit(dir);
            case "mnv2" -> TinyCheckpoints.mobileNetV2(dir);
            default -> TinyCheckpoints.resNet18(dir);
        };
    }

    private static float[] floats(ByteBuffer file, SafetensorsHeader header, String name) {
        TensorInfo t = header.tensors().get(name);
        float[] out = new float[Math.toIntExact(t.byteLength() / 4)];
        for (int i = 0; i < out.length; i++) out[i] = file.getFloat(Math.toIntExact(header.dataStart() + t.begin() + 4L * i));
        return out;
    }

    /** Right length, every value finite, not all equal, and another input gives other logits. */
    private static void assertUsable(float[] logits, float[] otherInput, int classes) {
        assertEquals(classes, logits.length);
        float min = Float.POSITIVE_INFINITY, max = Float.NEGATIVE_INFINITY;
        for (float v : logits) {
            assertTrue(Float.isFinite(v), "finite logits: " + Arrays.toString(logits));
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        assertTrue(max - min > 1e-4f, "the logits differ between classes: " + min + " .. " + max);
        assertTrue(!Arrays.equals(logits, otherInput), "the logits depend on the input");
    }

    /** A seeded random 224 px image in normalised units. */
    private static ChwImage image(long seed) {
        Random rng = new Random(seed);
        float[] data = new float[3 * 224 * 224];
        for (int i = 0; i < data.length; i++) data[i] = (float) rng.nextGaussian();
        return new ChwImage(3, 224, 224, data);
    }
}
