package dev.patchexplorer.model;

import dev.patchexplorer.core.attention.AttentionLayout;
import dev.patchexplorer.core.attention.AttentionMaps;
import dev.patchexplorer.core.attention.AttentionRollout;
import dev.patchexplorer.core.attention.HeadFusion;
import dev.patchexplorer.core.image.ChwImage;
import dev.patchexplorer.testing.Close;
import dev.patchexplorer.testing.Npz;
import dev.patchexplorer.testing.TestAssets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/** ViT-Ti/16 against the PyTorch reference tensors in ../shared/golden. */
class ViTParityTest {
    private static ViTModel vit;

    @BeforeAll
    static void load() throws Exception {
        Path dir = TestAssets.model("vit_tiny_patch16_224.augreg_in21k_ft_in1k");
        vit = assertInstanceOf(ViTModel.class, ModelLoader.load(dir));
    }

    @AfterAll
    static void close() {
        if (vit != null) vit.close();
    }

    static ChwImage input(Npz npz) {
        int[] s = npz.shape("input");
        return new ChwImage(s[1], s[2], s[3], npz.get("input"));
    }

    @Test
    void specIsReadFromTheTensors() {
        ViTSpec s = vit.spec();
        assertEquals(192, s.dim());
        assertEquals(12, s.depth());
        assertEquals(3, s.heads());
        assertEquals(768, s.mlpHidden());
        assertEquals(16, s.nativePatch());
        assertEquals(14, s.nativeGridH());
        assertEquals(1, s.prefixTokens());
        assertEquals(1000, s.numClasses());
    }

    @Test
    void chelseaLogitsAttentionAndRollout() throws Exception {
        Npz g = Npz.read(TestAssets.golden("vit_tiny_p16_chelsea.npz"));
        ViTOutput out = vit.forward(input(g), 16);
        assertEquals(14, out.gridH());
        Close.assertAbs(g.get("logits"), out.logits(), 1e-4, "logits");
        float[] attention = g.get("attention");
        Close.assertShape(g.shape("attention"), new int[] {out.layers(), out.heads(), out.tokens(), out.tokens()}, "attention");
        int layer = 197 * 197 * 3;
        for (int l = 0; l < 12; l++) {
            float[] expected = java.util.Arrays.copyOfRange(attention, l * layer, (l + 1) * layer);
            Close.assertAbs(expected, out.attention()[l], 1e-5, "attention layer " + l);
        }
        checkClsAttentionAndRollout(g, out, 1e-5, 1e-5);
    }

    @Test
    void coffeeLogitsAndRollout() throws Exception {
        Npz g = Npz.read(TestAssets.golden("vit_tiny_p16_coffee.npz"));
        ViTOutput out = vit.forward(input(g), 16);
        Close.assertAbs(g.get("logits"), out.logits(), 1e-4, "logits");
        Close.assertAbs(g.get("logits"), vit.logits(input(g), 16), 1e-4, "logits without attention maps");
        checkClsAttentionAndRollout(g, out, 1e-5, 1e-5);
    }

    @Test
    void at448PixelsThePositionEmbeddingIsResampled() throws Exception {
        Npz g = Npz.read(TestAssets.golden("vit_tiny_p16_448_chelsea.npz"));
        ViTOutput out = vit.forward(input(g), 16);
        assertEquals(28, out.gridH());
        Close.assertAbs(g.get("logits"), out.logits(), 1e-4, "logits");
        checkClsAttentionAndRollout(g, out, 1e-5, 1e-5);
    }

    @Test
    void piResizedToPatch8() throws Exception {
        checkFlexi("vit_tiny_pi8_chelsea.npz", 8, 28);
    }

    @Test
    void piResizedToPatch32() throws Exception {
        checkFlexi("vit_tiny_pi32_chelsea.npz", 32, 7);
    }

    private void checkFlexi(String file, int patch, int grid) throws Exception {
        Npz g = Npz.read(TestAssets.golden(file));
        Close.assertAbs(g.shape("patch_embed_weight"), g.get("patch_embed_weight"), new int[] {vit.spec().dim(), 3, patch, patch},
                vit.patchKernel(patch), 1e-5, "PI-resized kernel");
        ViTOutput out = vit.forward(input(g), patch);
        assertEquals(grid, out.gridH());
        assertEquals(grid, out.gridW());
        Close.assertAbs(g.get("logits"), out.logits(), 1e-4, "logits");
        checkClsAttentionAndRollout(g, out, 1e-5, 1e-5);
    }

    @Test
    void inputGradientOfTheTopClass() throws Exception {
        Npz g = Npz.read(TestAssets.golden("vit_tiny_p16_chelsea.npz"));
        InputGradient grad = vit.inputGradTop1(input(g), 16);
        assertEquals(285, grad.classIndex());
        Close.assertRelativeToMax(g.get("input_grad_top1"), grad.gradient().data(), 1e-5, "input_grad_top1");
    }

    private static void checkClsAttentionAndRollout(Npz g, ViTOutput out, double attTol, double rollTol) {
        AttentionLayout layout = out.layout();
        float[] cls = g.get("cls_attention");
        int n = out.tokens();
        Close.assertShape(g.shape("cls_attention"), new int[] {out.layers(), out.heads(), n}, "cls_attention");
        for (int l = 0; l < out.layers(); l++) {
            for (int h = 0; h < out.heads(); h++) {
                float[] expected = java.util.Arrays.copyOfRange(cls, (l * out.heads() + h) * n, (l * out.heads() + h + 1) * n);
                Close.assertAbs(expected, AttentionMaps.row(out.attention()[l], layout, h, 0), attTol, "cls_attention " + l + "/" + h);
            }
        }
        Close.assertAbs(g.get("rollout"), AttentionRollout.classToken(out.attention(), layout, HeadFusion.MEAN), rollTol, "rollout");
    }
}
