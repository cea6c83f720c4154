package dev.patchexplorer.core.image;

import java.util.Objects;

/** A model input: float planes, channel after channel, each row-major (NCHW with N = 1). */
public record ChwImage(int channels, int height, int width, float[] data) {
    public ChwImage {
        Objects.requireNonNull(data, "data");
        if (channels <= 0 || height <= 0 || width <= 0) {
            throw new IllegalArgumentException("empty input " + channels + "x" + height + "x" + width);
        }
        if (data.length != channels * height * width) {
            throw new IllegalArgumentException("value count " + data.length + " != " + channels + "x" + height + "x" + width);
        }
    }

    public float get(int c, int y, int x) {
        return data[(c * height + y) * width + x];
    }
}
