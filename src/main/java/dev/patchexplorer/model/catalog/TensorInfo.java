package dev.patchexplorer.model.catalog;

import java.util.List;

/** One tensor as a safetensors header describes it; offsets are relative to the start of the data. */
public record TensorInfo(String name, String dtype, List<Long> shape, long begin, long end) {
    public TensorInfo {
        shape = List.copyOf(shape);
    }

    public long byteLength() {
        return end - begin;
    }
}
