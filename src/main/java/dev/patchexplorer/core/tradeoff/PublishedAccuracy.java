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

    private PublishedAccuracy() {}

    public static List<Point> all() {
        return ALL;
    }
}
