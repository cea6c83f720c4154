package dev.patchexplorer.model;

import dev.patchexplorer.core.classify.Prediction;
import dev.patchexplorer.core.classify.TopK;
import dev.patchexplorer.core.image.ChwImage;
import dev.patchexplorer.core.image.Preprocess;
import dev.patchexplorer.core.image.RgbImage;
import dev.patchexplorer.testing.Npz;
import dev.patchexplorer.testing.TestAssets;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A bundled photo through our own preprocessing and the real checkpoints. */
class EndToEndClassificationTest {

    static RgbImage readPng(Path file) throws Exception {
        BufferedImage img = ImageIO.read(file.toFile());
        return new RgbImage(img.getWidth(), img.getHeight(), img.getRGB(0, 0, img.getWidth(), img.getHeight(), null, 0, img.getWidth()));
    }

    private static ChwImage chelseaFor(ModelConfig cfg) throws Exception {
        RgbImage square = Preprocess.centerCropSquare(readPng(TestAssets.sample("chelsea.png")));
        return Preprocess.toModelInput(square, cfg.inputWidth(), cfg.inputHeight(), cfg.mean(), cfg.std());
    }

    @Test
    void vitSeesAnEgyptianCat() throws Exception {
        try (ViTModel vit = (ViTModel) ModelLoader.load(TestAssets.model("vit_tiny_patch16_224.augreg_in21k_ft_in1k"))) {
            ChwImage input = chelseaFor(vit.config());
            List<Prediction> top = TopK.of(vit.forward(input, 16).logits(), 5);
            assertEquals(285, top.get(0).index());
            assertEquals("Egyptian cat", top.get(0).label());
            assertTrue(Math.abs(top.get(0).probability() - 0.75) < 0.05, "p(Egyptian cat) = " + top.get(0).probability());
        }
    }

    @Test
    void mobileNetSeesAnEgyptianCat() throws Exception {
        try (CnnModel m = (CnnModel) ModelLoader.load(TestAssets.model("mobilenetv2_100.dequant_in1k"))) {
            List<Prediction> top = TopK.of(m.forward(chelseaFor(m.config())).logits(), 5);
            assertEquals(285, top.get(0).index());
        }
    }

    @Test
    void ourPreprocessingIsCloseToTheReferenceInput() throws Exception {
        Npz g = Npz.read(TestAssets.golden("vit_tiny_p16_chelsea.npz"));
        try (ViTModel vit = (ViTModel) ModelLoader.load(TestAssets.model("vit_tiny_patch16_224.augreg_in21k_ft_in1k"))) {
            float[] ours = chelseaFor(vit.config()).data();
            float[] ref = g.get("input");
            assertEquals(ref.length, ours.length, "values in the model input");
            double sum = 0;
            for (int i = 0; i < ref.length; i++) sum += Math.abs(ours[i] - ref[i]);
            double meanAbs = sum / ref.length;
            System.out.printf("[parity] preprocessing vs reference input: mean abs diff %.4g (1/255 = %.4g in these units)%n", meanAbs, 2 / 255.0);
            assertTrue(meanAbs < 0.02, "mean abs diff " + meanAbs);
        }
    }
}
