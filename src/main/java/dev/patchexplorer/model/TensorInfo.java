package dev.patchexplorer.model;

import java.util.Arrays;

/** One entry of a safetensors header: where its bytes are and what they mean. */
public record TensorInfo(String name, String dtype, long[] shape, long begin, long end) {
    public long elements() {
        long n = 1;
        for (long d : shape) n *= d;
        return n;
    }

    public String shapeText() {
        return Arrays.toString(shape);
    }
}
