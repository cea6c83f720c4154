package dev.patchexplorer.model;

import dev.patchexplorer.model.catalog.SafetensorsHeader;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
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
    /** The dtypes {@link #floats} converts; other safetensors dtypes may be in the file but cannot be weights here. */
    static final Set<String> READABLE_DTYPES = Set.of("F32", "F16", "BF16", "F64");

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
            ByteBuffer start = ByteBuffer.allocate((int) Math.min(size, 64)).order(ByteOrder.LITTLE_ENDIAN);
            readFully(ch, start, 0);
            if (SafetensorsHeader.looksLikeHtml(start.array())) {
                throw new ModelLoadException(file + " is a web page (HTML), not a safetensors file: the download went wrong; "
                        + "download the model again");
            }
            if (size < 8) throw new ModelLoadException(file + " is truncated: " + size + " bytes, a safetensors file has at least 8; "
                    + "download it again");
            long headerLen = start.getLong(0);
            if (headerLen < 2 || headerLen > MAX_HEADER) {
                throw new ModelLoadException(file + " is not a safetensors file: its first 8 bytes declare a header of "
                        + headerLen + " bytes, where a safetensors header has 2 bytes to 100 MiB; download the file again");
            }
            if (size - 8 > Integer.MAX_VALUE) throw new ModelLoadException(file + " is larger than 2 GiB, which this reader does not support");
            if (8 + headerLen > size) {
                throw new ModelLoadException(file + " is truncated: its header needs " + (8 + headerLen)
                        + " bytes but the file has " + size + "; download it again");
            }
            ByteBuffer header = ByteBuffer.allocate((int) headerLen);
            readFully(ch, header, 8);
            long dataSize = size - 8 - headerLen;
            Map<String, TensorInfo> tensors = SafetensorsEntries.parse(file, header.array(), dataSize);
            ByteBuffer mapped = ch.map(FileChannel.MapMode.READ_ONLY, 8 + headerLen, dataSize).order(ByteOrder.LITTLE_ENDIAN);
            return new SafetensorsFile(path, mapped, tensors);
        } catch (IOException e) {
            throw new ModelLoadException("cannot read " + file + ": " + IoReasons.of(e), e);
        }
    }

    private static void readFully(FileChannel ch, ByteBuffer buf, long position) throws IOException {
        while (buf.hasRemaining()) {
            if (ch.read(buf, position + buf.position()) < 0) throw new IOException("the file ended early");
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
