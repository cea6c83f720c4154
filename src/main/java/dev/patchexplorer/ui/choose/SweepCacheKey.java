package dev.patchexplorer.ui.choose;

import dev.patchexplorer.core.sweep.SweepMode;

/**
 * What a cached sweep result depends on besides the patch size: the image and the model (compared
 * by identity: a reopened file or reloaded checkpoint is run again rather than trusted), the mode and
 * the working size.
 */
public record SweepCacheKey(Object image, Object model, SweepMode mode, int size) {
    @Override
    public boolean equals(Object o) {
        return o instanceof SweepCacheKey k && k.image == image && k.model == model && k.mode == mode && k.size == size;
    }

    @Override
    public int hashCode() {
        return ((System.identityHashCode(image) * 31 + System.identityHashCode(model)) * 31 + mode.hashCode()) * 31 + size;
    }
}
