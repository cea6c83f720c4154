package dev.patchexplorer.core.vit;

import dev.patchexplorer.core.grid.PatchGrid;
import dev.patchexplorer.core.image.ChwImage;
import dev.patchexplorer.core.image.Preprocess;
import dev.patchexplorer.core.image.RgbImage;

/**
 * The pixels a ViT sees for a patch grid laid over the working image, so that token (r, c) sees
 * exactly grid cell (r, c), whatever the grid's offset, stride and edge policy.
 * <p>With stride == patch the grid is one contiguous block starting at the grid's offset; it is
 * cut out and resized as a whole, as timm feeds a cropped image. With stride != patch the patches
 * overlap or leave gaps, which a patch embedding of stride P cannot express on the image itself, so
 * they are laid side by side in a mosaic: the stride-P embedding of the mosaic is then exactly a
 * stride-S embedding of the image (each token sees its own patch). Pixels a padded grid reaches
 * beyond the image take a fill colour; callers pass the normalisation mean, which the model sees as zero.
 */
public final class GridInput {
    private GridInput() {}

    /** The model input plan for {@code grid}: gridH x gridW tokens at the mode's patch size. */
    public static InputPlan plan(PatchMode mode, PatchGrid grid, int nativePatch) {
        if (grid.isEmpty()) {
            throw new IllegalArgumentException("patch " + grid.patch() + " leaves no whole patch in the image "
                    + grid.width() + "x" + grid.height());
        }
        int p = grid.patch();
        return switch (mode) {
            case RESIZE -> new InputPlan(mode, grid.rows(), grid.cols(), grid.rows() * nativePatch, grid.cols() * nativePatch, nativePatch);
            case FLEXI -> new InputPlan(mode, grid.rows(), grid.cols(), grid.rows() * p, grid.cols() * p, p);
        };
    }

    /**
     * The model input for {@code grid} laid over {@code working}: the grid's {@linkplain #pixels pixels} at
     * the plan's patch size, padding in the mean colour, normalised with the model's mean and std. The one
     * path from a working image to a ViT's input, shared by the window and the commands, so that both
     * give the model the same numbers.
     */
    public static ChwImage modelInput(RgbImage working, PatchGrid grid, InputPlan plan, float[] mean, float[] std) {
        return Preprocess.normalize(pixels(working, grid, plan.modelPatch(), meanColour(mean)), mean, std);
    }

    /**
     * The grid's pixels at {@code targetPatch} pixels per patch: {@code cols * targetPatch} wide,
     * {@code rows * targetPatch} high. {@code working} must be the image the grid was laid over.
     */
    public static RgbImage pixels(RgbImage working, PatchGrid grid, int targetPatch, int fillArgb) {
        if (working.width() != grid.width() || working.height() != grid.height()) {
            throw new IllegalArgumentException("grid over " + grid.width() + "x" + grid.height()
                    + " but image is " + working.width() + "x" + working.height());
        }
        int p = grid.patch();
        if (grid.stride() == p) {
            RgbImage block = cut(working, grid.cellX(0), grid.cellY(0), grid.cols() * p, grid.rows() * p, fillArgb);
            return targetPatch == p ? block
                    : Preprocess.resizeBicubic(block, grid.cols() * targetPatch, grid.rows() * targetPatch);
        }
        int outW = grid.cols() * targetPatch;
        int[] out = new int[outW * grid.rows() * targetPatch];
        for (int r = 0; r < grid.rows(); r++) {
            for (int c = 0; c < grid.cols(); c++) {
                RgbImage patch = cut(working, grid.cellX(c), grid.cellY(r), p, p, fillArgb);
                if (targetPatch != p) patch = Preprocess.resizeBicubic(patch, targetPatch, targetPatch);
                for (int y = 0; y < targetPatch; y++) {
                    System.arraycopy(patch.argb(), y * targetPatch, out, (r * targetPatch + y) * outW + c * targetPatch, targetPatch);
                }
            }
        }
        return new RgbImage(outW, grid.rows() * targetPatch, out);
    }

    /** The colour whose normalised value is (as near as 8 bits allow) zero in every channel. */
    public static int meanColour(float[] mean) {
        int r = channel(mean[0]);
        int g = channel(mean[1]);
        int b = channel(mean[2]);
        return 0xff000000 | r << 16 | g << 8 | b;
    }

    private static int channel(float v) {
        return Math.max(0, Math.min(255, Math.round(v * 255)));
    }

    /** A width x height window at (left, top), pixels outside the image filled. */
    private static RgbImage cut(RgbImage image, int left, int top, int width, int height, int fillArgb) {
        if (left + width <= image.width() && top + height <= image.height()) {
            return Preprocess.crop(image, left, top, width, height);
        }
        int[] out = new int[width * height];
        java.util.Arrays.fill(out, fillArgb);
        int copyW = Math.max(0, Math.min(width, image.width() - left));
        for (int y = 0; y < height && top + y < image.height(); y++) {
            if (copyW > 0) System.arraycopy(image.argb(), (top + y) * image.width() + left, out, y * width, copyW);
        }
        return new RgbImage(width, height, out);
    }
}
