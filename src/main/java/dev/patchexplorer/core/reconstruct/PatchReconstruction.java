package dev.patchexplorer.core.reconstruct;

import dev.patchexplorer.core.grid.PatchGrid;
import dev.patchexplorer.core.image.ChwImage;
import dev.patchexplorer.core.image.Preprocess;
import dev.patchexplorer.core.image.RgbImage;
import dev.patchexplorer.core.vit.GridInput;

/**
 * Every patch of a model input sent through the patch embedding and back through its pseudo-inverse,
 * turned into 8-bit pixels again (un-normalised with the model's mean and std), with the PSNR of that
 * picture against the pixels that went in.
 *
 * @param picture the reconstruction, the input's size
 * @param psnr    dB on 0..255; infinite when the pictures are equal
 */
public record PatchReconstruction(RgbImage picture, double psnr, int rank, int valuesPerPatch, int dim) {

    /**
     * The cells of {@code grid} laid over {@code working}, at the grid's own patch size (the FlexiViT
     * input: token (r, c) sees cell (r, c)), normalised and sent through the embedding and back.
     * Cells reaching past the image take the normalisation mean, as the model's input does.
     */
    public static PatchReconstruction ofGrid(RgbImage working, PatchGrid grid, EmbeddingInverse inverse,
                                             float[] mean, float[] std) {
        RgbImage cells = GridInput.pixels(working, grid, grid.patch(), GridInput.meanColour(mean));
        return of(cells, Preprocess.normalize(cells, mean, std), grid.patch(), inverse, mean, std);
    }

    /**
     * @param pixels the input's pixels (gridW·P x gridH·P), those {@code input} was normalised from
     * @param input  {@code pixels} normalised with {@code mean} and {@code std}, 3 channels
     */
    public static PatchReconstruction of(RgbImage pixels, ChwImage input, int patch, EmbeddingInverse inverse,
                                         float[] mean, float[] std) {
        int h = input.height();
        int w = input.width();
        if (pixels.width() != w || pixels.height() != h) {
            throw new IllegalArgumentException("pixels " + pixels.width() + "x" + pixels.height() + " but input " + w + "x" + h);
        }
        if (patch <= 0 || w % patch != 0 || h % patch != 0) {
            throw new IllegalArgumentException("input " + w + "x" + h + " is not a whole number of " + patch + " px patches");
        }
        int channels = input.channels();
        if (inverse.valuesPerPatch() != channels * patch * patch) {
            throw new IllegalArgumentException("the embedding takes " + inverse.valuesPerPatch() + " values, a "
                    + patch + " px patch has " + channels * patch * patch);
        }
        float[] data = input.data();
        float[] out = new float[data.length];
        int plane = w * h;
        double[] x = new double[inverse.valuesPerPatch()];
        for (int py = 0; py < h; py += patch) {
            for (int px = 0; px < w; px += patch) {
                int k = 0;
                for (int c = 0; c < channels; c++)
                    for (int y = 0; y < patch; y++)
                        for (int xx = 0; xx < patch; xx++) x[k++] = data[c * plane + (py + y) * w + px + xx];
                double[] back = inverse.reconstruct(inverse.embed(x));
                k = 0;
                for (int c = 0; c < channels; c++)
                    for (int y = 0; y < patch; y++)
                        for (int xx = 0; xx < patch; xx++) out[c * plane + (py + y) * w + px + xx] = (float) back[k++];
            }
        }
        RgbImage picture = toPixels(new ChwImage(channels, h, w, out), mean, std);
        return new PatchReconstruction(picture, psnr(pixels, picture), inverse.rank(), inverse.valuesPerPatch(), inverse.dim());
    }

    /** Normalised values back to 8-bit colours: v·std + mean on 0..1, times 255, rounded and clamped. */
    public static RgbImage toPixels(ChwImage image, float[] mean, float[] std) {
        int plane = image.width() * image.height();
        int[] argb = new int[plane];
        float[] d = image.data();
        for (int i = 0; i < plane; i++) {
            int r = byteOf(d[i] * std[0] + mean[0]);
            int g = byteOf(d[plane + i] * std[1] + mean[1]);
            int b = byteOf(d[2 * plane + i] * std[2] + mean[2]);
            argb[i] = 0xff000000 | r << 16 | g << 8 | b;
        }
        return new RgbImage(image.width(), image.height(), argb);
    }

    private static int byteOf(double unit) {
        return (int) Math.max(0, Math.min(255, Math.round(unit * 255)));
    }

    /** Peak signal-to-noise ratio in dB over the three colour channels, peak 255. */
    public static double psnr(RgbImage a, RgbImage b) {
        if (a.width() != b.width() || a.height() != b.height()) throw new IllegalArgumentException("images differ in size");
        int[] pa = a.argb();
        int[] pb = b.argb();
        double sum = 0;
        for (int i = 0; i < pa.length; i++) {
            for (int shift = 0; shift <= 16; shift += 8) {
                double d = ((pa[i] >> shift) & 0xff) - ((pb[i] >> shift) & 0xff);
                sum += d * d;
            }
        }
        double mse = sum / (3.0 * pa.length);
        return mse == 0 ? Double.POSITIVE_INFINITY : 10 * Math.log10(255.0 * 255.0 / mse);
    }
}
