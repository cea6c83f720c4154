package dev.patchexplorer.core.objects;

/** How well the current patch size can see an object: by its shorter side measured in patches. */
public enum BoxWarning {
    /** The shorter side is less than one patch: the object shares every patch it is in with background. */
    UNDER_ONE_PATCH,
    /** Between one and two patches: at most one patch lies wholly on the object along that side. */
    UNDER_TWO_PATCHES,
    NONE;

    public static BoxWarning forShorterSide(double patchesOnShorterSide) {
        if (patchesOnShorterSide < 1) return UNDER_ONE_PATCH;
        if (patchesOnShorterSide < 2) return UNDER_TWO_PATCHES;
        return NONE;
    }
}
