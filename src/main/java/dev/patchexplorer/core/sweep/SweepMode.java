package dev.patchexplorer.core.sweep;

import java.util.Locale;

/** How one model is run at a patch size that is not its own, for a sweep over patch sizes. */
public enum SweepMode {
    /** FlexiViT (Beyer et al. 2023): the image stays at the working size; the patch-embedding kernel is PI-resized. */
    FLEXI,
    /** The kernel stays native; the image is resized so that the grid of the requested patch size appears. */
    RESIZE,
    /** The token count is held at the reference's: patch and image are scaled together (e.g. 8/112, 16/224, 32/448). */
    TOKENS;

    /** The word used on the command line and in the CSV. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @throws IllegalArgumentException for a word that is not a mode */
    public static SweepMode parse(String word) {
        for (SweepMode m : values()) if (m.word().equals(word.strip().toLowerCase(Locale.ROOT))) return m;
        throw new IllegalArgumentException("--mode must be flexi, resize or tokens, got '" + word + "'");
    }
}
