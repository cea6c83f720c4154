package dev.patchexplorer.ui.choose;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Results per (image, model, mode, size), each a map from patch size to result, so a wider range later
 * runs only the new sizes. Keeps the {@link #LIMIT} most recently used keys. FX thread only.
 */
public final class SweepCache {
    static final int LIMIT = 8;
    private final LinkedHashMap<SweepCacheKey, TreeMap<Integer, PatchResult>> entries = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<SweepCacheKey, TreeMap<Integer, PatchResult>> eldest) {
            return size() > LIMIT;
        }
    };

    /** The results held for {@code key} (live, ascending by patch); empty when none. */
    public TreeMap<Integer, PatchResult> results(SweepCacheKey key) {
        return entries.computeIfAbsent(key, k -> new TreeMap<>());
    }

    public void put(SweepCacheKey key, PatchResult result) {
        results(key).put(result.patch(), result);
    }

    /** Forgets every entry of a model other than {@code model}: a closed model's results can never be asked for again. */
    public void keepOnlyModel(Object model) {
        entries.keySet().removeIf(k -> k.model() != model);
    }

    public int size() {
        return entries.size();
    }
}
