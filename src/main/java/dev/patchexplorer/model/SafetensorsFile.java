package dev.patchexplorer.model;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Reads a safetensors file (8-byte little-endian header length, JSON header, raw little-endian
 * data) and checks every entry against the file before anything is built, so a truncated
 * download or a foreign file fails with a message instead of a native crash.
 * Converts F32, F16, BF16 and F64 to float32.
 */
public final class SafetensorsFile {
    private static final long MAX_HEADER = 100L << 20;
    private static final Map<String, Integer> DTYPE_BYTES = Map.of("F32", 4, "F16", 2, "BF16", 2, "F64", 8);

    private final Path path;
    private final ByteBuffer data;
    private final Map<String, TensorInfo> tensors;

    private SafetensorsFile(Path path, ByteBuffer data, Map<String, TensorInfo> tensors) {
        this.path = path;
        this.data = data;
        this.tensors = tensors;
    }

    public static SafetensorsFile open(Path path) throws ModelLoadException {
        String file = path.getFileName().toString();
        try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ)) {
            long size = ch.size();
            if (size < 8) throw new ModelLoadException(file + " is truncated: " + size + " bytes, a safetensors file has at least 8");
            ByteBuffer lenBuf = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
            readFully(ch, lenBuf, 0);
            long headerLen = lenBuf.getLong(0);
            if (headerLen <= 0 || headerLen > MAX_HEADER) {
                throw new ModelLoadException(file + " is not a safetensors file (header length " + headerLen + ")");
            }
            if (size - 8 > Integer.MAX_VALUE) throw new ModelLoadException(file + " is larger than 2 GiB, which this reader does not support");
            if (8 + headerLen > size) {
                throw new ModelLoadException(file + " is truncated: its header needs " + (8 + headerLen)
                        + " bytes but the file has " + size);
            }
            ByteBuffer header = ByteBuffer.allocate((int) headerLen);
            readFully(ch, header, 8);
            long dataSize = size - 8 - headerLen;
            Map<String, TensorInfo> tensors = parseHeader(file, new String(header.array(), StandardCharsets.UTF_8), dataSize);
            ByteBuffer mapped = ch.map(FileChannel.MapMode.READ_ONLY, 8 + headerLen, dataSize).order(ByteOrder.LITTLE_ENDIAN);
            return new SafetensorsFile(path, mapped, tensors);
        } catch (IOException e) {
            throw new ModelLoadException("cannot read " + path + ": " + e.getMessage(), e);
        }
    }

    private static void readFully(FileChannel ch, ByteBuffer buf, long position) throws IOException {
        while (buf.hasRemaining()) {
            if (ch.read(buf, position + buf.position()) < 0) throw new IOException("unexpected end of file");
        }
    }

    private static Map<String, TensorInfo> parseHeader(String file, String json, long dataSize) throws ModelLoadException {
        JsonObject root;
        try {
            JsonElement e = JsonParser.parseString(json);
            if (!e.isJsonObject()) throw new ModelLoadException(file + " has a safetensors header that is not a JSON object");
            root = e.getAsJsonObject();
        } catch (JsonParseException e) {
            throw new ModelLoadException(file + " has a malformed safetensors header: " + e.getMessage(), e);
        }
        Map<String, TensorInfo> out = new LinkedHashMap<>();
        for (Map.Entry<String, JsonElement> entry : root.entrySet()) {
            String name = entry.getKey();
            if (name.equals("__metadata__")) continue;
            TensorInfo t = parseEntry(file, name, entry.getValue());
            long needed = t.elements() * DTYPE_BYTES.get(t.dtype());
            if (t.end() - t.begin() != needed) {
                throw new ModelLoadException(file + ": tensor " + name + " spans " + (t.end() - t.begin()) + " bytes but "
                        + t.dtype() + " " + t.shapeText() + " needs " + needed);
            }
            if (t.end() > dataSize) {
                throw new ModelLoadException(file + " is truncated: tensor " + name + " ends at data byte " + t.end()
                        + " but the file holds only " + dataSize + " data bytes");
            }
            out.put(name, t);
        }
        return Collections.unmodifiableMap(out);
    }

    private static TensorInfo parseEntry(String file, String name, JsonElement value) throws ModelLoadException {
        try {
            JsonObject o = value.getAsJsonObject();
            String dtype = o.get("dtype").getAsString();
            if (!DTYPE_BYTES.containsKey(dtype)) {
                throw new ModelLoadException(file + ": tensor " + name + " has dtype " + dtype
                        + ", supported are " + DTYPE_BYTES.keySet());
            }
            var shapeJson = o.getAsJsonArray("shape");
            long[] shape = new long[shapeJson.size()];
            for (int i = 0; i < shape.length; i++) shape[i] = shapeJson.get(i).getAsLong();
            var offsets = o.getAsJsonArray("data_offsets");
            long begin = offsets.get(0).getAsLong();
            long end = offsets.get(1).getAsLong();
            if (begin < 0 || end < begin) throw new ModelLoadException(file + ": tensor " + name + " has bad data_offsets " + offsets);
            return new TensorInfo(name, dtype, shape, begin, end);
        } catch (RuntimeException e) {
            throw new ModelLoadException(file + ": malformed header entry for tensor " + name + ": " + e.getMessage(), e);
        }
    }

    public Path path() {
        return path;
    }

    public Set<String> names() {
        return tensors.keySet();
    }

    public boolean has(String name) {
        return tensors.containsKey(name);
    }

    /** The entry, or null. */
    public TensorInfo info(String name) {
        return tensors.get(name);
    }

    /** The tensor's values as float32, row-major. */
    public float[] floats(String name) {
        TensorInfo t = tensors.get(name);
        if (t == null) throw new IllegalArgumentException("no tensor " + name);
        if (t.elements() > Integer.MAX_VALUE) throw new IllegalArgumentException("tensor " + name + " too large");
        int n = (int) t.elements();
        float[] out = new float[n];
        ByteBuffer b = data.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        int base = (int) t.begin();
        switch (t.dtype()) {
            case "F32" -> b.position(base).slice().order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(out);
            case "F64" -> {
                for (int i = 0; i < n; i++) out[i] = (float) b.getDouble(base + 8 * i);
            }
            case "F16" -> {
                for (int i = 0; i < n; i++) out[i] = HalfFloats.fromHalf(b.getShort(base + 2 * i));
            }
            case "BF16" -> {
                for (int i = 0; i < n; i++) out[i] = Float.intBitsToFloat((b.getShort(base + 2 * i) & 0xffff) << 16);
            }
            default -> throw new IllegalStateException("unchecked dtype " + t.dtype());
        }
        return out;
    }
}
