package dev.patchexplorer.testing;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/** Writes float32 safetensors files, for tests that need a deliberately broken checkpoint. */
public final class SafetensorsWriter {
    public record Tensor(long[] shape, float[] data) {}

    private final Map<String, Tensor> tensors = new LinkedHashMap<>();

    public SafetensorsWriter put(String name, long[] shape, float[] data) {
        tensors.put(name, new Tensor(shape, data));
        return this;
    }

    public void write(Path file) throws IOException {
        StringBuilder header = new StringBuilder("{");
        long offset = 0;
        for (var e : tensors.entrySet()) {
            long bytes = 4L * e.getValue().data().length;
            if (header.length() > 1) header.append(',');
            header.append('"').append(e.getKey()).append("\":{\"dtype\":\"F32\",\"shape\":")
                    .append(Arrays.toString(e.getValue().shape()).replace(" ", ""))
                    .append(",\"data_offsets\":[").append(offset).append(',').append(offset + bytes).append("]}");
            offset += bytes;
        }
        header.append('}');
        byte[] h = header.toString().getBytes(StandardCharsets.UTF_8);
        ByteBuffer buf = ByteBuffer.allocate((int) (8 + h.length + offset)).order(ByteOrder.LITTLE_ENDIAN);
        buf.putLong(h.length).put(h);
        for (Tensor t : tensors.values()) for (float v : t.data()) buf.putFloat(v);
        Files.write(file, buf.array());
    }
}
