package dev.patchexplorer.ui.inference;

import dev.patchexplorer.core.attention.HeadFusion;

/** All heads fused (mean, max or min), or one head ({@code fusion == null}, {@code head >= 0}). */
public record HeadChoice(HeadFusion fusion, int head) {
    public static final HeadChoice MEAN = new HeadChoice(HeadFusion.MEAN, -1);
    public static final HeadChoice MAX = new HeadChoice(HeadFusion.MAX, -1);
    public static final HeadChoice MIN = new HeadChoice(HeadFusion.MIN, -1);

    public static HeadChoice single(int head) {
        return new HeadChoice(null, head);
    }

    public boolean isSingle() {
        return fusion == null;
    }
}
