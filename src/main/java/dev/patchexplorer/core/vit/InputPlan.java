package dev.patchexplorer.core.vit;

/**
 * What to feed a ViT for a requested patch size: the grid the slider asks for on a working image
 * of {@code workH x workW} pixels, the input size to resize that image to, and the patch size the
 * model's patch embedding then runs at. Pixels beyond the last full patch are cropped.
 */
public record InputPlan(PatchMode mode, int gridH, int gridW, int inputH, int inputW, int modelPatch) {

    public static InputPlan of(PatchMode mode, int patch, int nativePatch, int workH, int workW) {
        if (patch <= 0 || nativePatch <= 0) throw new IllegalArgumentException("patch sizes must be positive");
        int gh = workH / patch;
        int gw = workW / patch;
        if (gh < 1 || gw < 1) {
            throw new IllegalArgumentException("patch " + patch + " is larger than the image " + workW + "x" + workH);
        }
        return switch (mode) {
            case RESIZE -> new InputPlan(mode, gh, gw, gh * nativePatch, gw * nativePatch, nativePatch);
            case FLEXI -> new InputPlan(mode, gh, gw, gh * patch, gw * patch, patch);
        };
    }

    public int tokens(int prefixTokens) {
        return prefixTokens + gridH * gridW;
    }
}
