package dev.patchexplorer.model.probe;

import dev.patchexplorer.core.image.ChwImage;
import dev.patchexplorer.core.image.Preprocess;
import dev.patchexplorer.core.image.RgbImage;
import dev.patchexplorer.model.ModelConfig;
import dev.patchexplorer.testing.TestAssets;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.Random;

/** Inputs for the probe tests: a seeded one with smooth structure and noise, and the bundled cat photo. */
final class ProbeInputs {
    static final String VIT_TI = "vit_tiny_patch16_224.augreg_in21k_ft_in1k";

    private ProbeInputs() {}

    static ChwImage seeded(int size, long seed) {
        Random r = new Random(seed);
        float[] v = new float[3 * size * size];
        for (int c = 0; c < 3; c++) {
            for (int y = 0; y < size; y++) {
                for (int x = 0; x < size; x++) {
                    v[(c * size + y) * size + x] = (float) (0.6 * Math.sin((x + 40 * c) / 23.0) * Math.cos(y / 31.0) + 0.3 * r.nextGaussian());
                }
            }
        }
        return new ChwImage(3, size, size, v);
    }

    /** chelsea.png, centre square at {@code size} px, normalised for the model. */
    static ChwImage chelsea(ModelConfig cfg, int size) throws Exception {
        return sample("chelsea.png", cfg, size);
    }

    /** A bundled sample picture, centre square at {@code size} px, normalised for the model. */
    static ChwImage sample(String name, ModelConfig cfg, int size) throws Exception {
        Path file = TestAssets.sample(name);
        BufferedImage img = ImageIO.read(file.toFile());
        RgbImage rgb = new RgbImage(img.getWidth(), img.getHeight(), img.getRGB(0, 0, img.getWidth(), img.getHeight(), null, 0, img.getWidth()));
        return Preprocess.toModelInput(Preprocess.centerCropSquare(rgb), size, size, cfg.mean(), cfg.std());
    }
}
