package dev.patchexplorer.core.vit;

/** How a ViT trained at one patch size is run at another. */
public enum PatchMode {
    /**
     * Keep the trained patch size; resize the image so that the requested grid appears
     * (grid * native patch pixels a side) and resample the position embeddings to the grid.
     */
    RESIZE,
    /** FlexiViT: PI-resize the patch-embedding kernel to the requested patch size, image unchanged. */
    FLEXI
}
