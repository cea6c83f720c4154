package dev.patchexplorer.core.tradeoff;

import java.util.List;

/**
 * Published ImageNet-1k top-1 accuracies at different patch sizes, with where they come from
 * (collected in the project's reference notes, PATCH_MATH.md).
 */
public final class PublishedAccuracy {
    public record Point(String series, int patch, double top1, String source) {}

    private static final String TIMM = "timm results-imagenet.csv (AugReg in21k->in1k, 224 px)";
    private static final String TORCHVISION = "torchvision IMAGENET1K_V1 model table";
    private static final String FLEXI = "bwconrad/flexivit README (ViT-B/16 PI-resized, 224 px)";
    private static final String DINO = "Caron et al. 2021 (DINO), linear probe";
    private static final String DEIT = "Touvron et al. 2021 (DeiT), 224 px";

    private static final List<Point> ALL = List.of(
            new Point("ViT-B AugReg", 8, 85.84, TIMM),
            new Point("ViT-B AugReg", 16, 84.53, TIMM),
            new Point("ViT-B AugReg", 32, 80.73, TIMM),
            new Point("ViT-S AugReg", 16, 81.40, TIMM),
            new Point("ViT-S AugReg", 32, 76.01, TIMM),
            new Point("ViT-B torchvision", 16, 81.07, TORCHVISION),
            new Point("ViT-B torchvision", 32, 75.91, TORCHVISION),
            new Point("ViT-L torchvision", 16, 79.66, TORCHVISION),
            new Point("ViT-L torchvision", 32, 76.97, TORCHVISION),
            new Point("DeiT-Ti", 16, 72.2, DEIT),
            new Point("DeiT-S", 16, 79.9, DEIT),
            new Point("DeiT-B", 16, 81.8, DEIT),
            new Point("DINO ViT-S", 8, 79.7, DINO),
            new Point("DINO ViT-S", 16, 77.0, DINO),
            new Point("DINO ViT-B", 8, 80.1, DINO),
            new Point("DINO ViT-B", 16, 78.2, DINO),
            new Point("ViT-B/16 PI-resize", 8, 79.97, FLEXI),
            new Point("ViT-B/16 PI-resize", 10, 83.41, FLEXI),
            new Point("ViT-B/16 PI-resize", 12, 84.33, FLEXI),
            new Point("ViT-B/16 PI-resize", 14, 84.87, FLEXI),
            new Point("ViT-B/16 PI-resize", 16, 84.53, FLEXI),
            new Point("ViT-B/16 PI-resize", 20, 82.77, FLEXI),
            new Point("ViT-B/16 PI-resize", 24, 78.65, FLEXI),
            new Point("ViT-B/16 PI-resize", 28, 73.28, FLEXI),
            new Point("ViT-B/16 PI-resize", 32, 58.92, FLEXI),
            new Point("ViT-B/16 PI-resize", 40, 14.81, FLEXI),
            new Point("ViT-B/16 PI-resize", 48, 5.11, FLEXI));

    /** The bwconrad table in full: ImageNet-1k top-1 of ViT-Ti/S/B at 224 px, patch embedding PI-resized from 16. */
    private static final String FLEXI_TABLE = "bwconrad/flexivit README, Numerical Results (PI-resized from 16, 224 px)";
    private static final int[] PI_PATCHES = {8, 10, 12, 13, 14, 15, 16, 18, 20, 24, 28, 32, 36, 40, 44, 48};
    private static final double[] PI_TI = {64.84, 72.54, 75.18, 75.80, 76.06, 75.30, 75.46, 73.41, 71.67, 64.26, 54.48, 36.10, 13.58, 5.09, 4.93, 2.70};
    private static final double[] PI_S = {76.31, 80.24, 81.56, 81.76, 81.93, 81.31, 81.41, 80.22, 78.91, 73.61, 66.99, 51.38, 22.34, 8.78, 8.49, 4.03};
    private static final double[] PI_B = {79.97, 83.41, 84.33, 84.70, 84.87, 84.38, 84.53, 83.56, 82.77, 78.65, 73.28, 58.92, 34.61, 14.81, 14.66, 5.11};

    private PublishedAccuracy() {}

    /**
     * The published PI-resize curve of a standard ViT with this width and depth and a native patch of 16
     * (ViT-Ti 192, ViT-S 384, ViT-B 768, all 12 blocks); empty for any other model.
     */
    public static List<Point> piResize(int dim, int depth, int nativePatch) {
        if (depth != 12 || nativePatch != 16) return List.of();
        return switch (dim) {
            case 192 -> table("ViT-Ti/16 PI-resize", PI_TI);
            case 384 -> table("ViT-S/16 PI-resize", PI_S);
            case 768 -> table("ViT-B/16 PI-resize", PI_B);
            default -> List.of();
        };
    }

    private static List<Point> table(String series, double[] top1) {
        Point[] out = new Point[PI_PATCHES.length];
        for (int i = 0; i < out.length; i++) out[i] = new Point(series, PI_PATCHES[i], top1[i], FLEXI_TABLE);
        return List.of(out);
    }

    public static List<Point> all() {
        return ALL;
    }
}
