package dev.patchexplorer.ui.choose;

/** What a sweep in the Choose view runs on. */
public enum ChooseImages {
    /** The image shown in the window: one row per patch size. */
    SHOWN,
    /** A folder's pictures or files picked: means with 95 % intervals per patch size. */
    FILES
}
