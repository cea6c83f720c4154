package dev.patchexplorer.core.grid;

/**
 * How the image is cut, in working-resolution pixels: patch side, stride between patch origins
 * (stride == patch means no overlap), where the first patch starts, and the edge policy.
 */
public record GridSpec(int patch, int stride, int offsetX, int offsetY, EdgePolicy edge) {
    public GridSpec {
        if (patch <= 0) throw new IllegalArgumentException("patch size must be positive, got " + patch);
        if (stride <= 0) throw new IllegalArgumentException("stride must be positive, got " + stride);
        if (offsetX < 0 || offsetY < 0) throw new IllegalArgumentException("grid offset must not be negative");
        if (edge == null) throw new IllegalArgumentException("edge policy is required");
    }

    /** Non-overlapping patches from the top-left corner, cropping the remainder (the ViT default). */
    public static GridSpec of(int patch) {
        return new GridSpec(patch, patch, 0, 0, EdgePolicy.CROP);
    }

    public GridSpec withPatch(int newPatch, boolean strideFollowsPatch) {
        return new GridSpec(newPatch, strideFollowsPatch ? newPatch : stride, offsetX, offsetY, edge);
    }
}
