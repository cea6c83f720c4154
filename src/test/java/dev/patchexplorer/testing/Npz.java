package dev.patchexplorer.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/** Reads the float32 arrays of a NumPy .npz (a zip of .npy files), for golden-tensor tests. */
public final class Npz {
    private static final Pattern SHAPE = Pattern.compile("'shape':\\s*\\(([^)]*)\\)");
    private final Map<String, float[]> arrays = new HashMap<>();
    private final Map<String, int[]> shapes = new HashMap<>();

    private Npz() {}

    public static Npz read(Path file) throws IOException {
        Npz npz = new Npz();
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(file))) {
            for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                String name = e.getName().replaceFirst("\\.npy$", "");
                npz.parse(name, readAll(zip));
            }
        }
        return npz;
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        in.transferTo(out);
        return out.toByteArray();
    }

    private void parse(String name, byte[] b) {
        if (b[0] != (byte) 0x93 || b[1] != 'N') throw new IllegalArgumentException(name + " is not .npy");
        int major = b[6];
        ByteBuffer buf = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        int headerLen = major == 1 ? buf.getShort(8) & 0xffff : buf.getInt(8);
        int start = major == 1 ? 10 : 12;
        String header = new String(b, start, headerLen, StandardCharsets.US_ASCII);
        if (!header.contains("'<f4'") || header.contains("'fortran_order': True")) {
            throw new IllegalArgumentException(name + ": only C-order float32 supported: " + header);
        }
        Matcher m = SHAPE.matcher(header);
        if (!m.find()) throw new IllegalArgumentException(name + ": no shape in " + header);
        int[] shape = java.util.Arrays.stream(m.group(1).split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .mapToInt(Integer::parseInt).toArray();
        int n = 1;
        for (int d : shape) n *= d;
        float[] values = new float[n];
        buf.position(start + headerLen);
        buf.slice().order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(values);
        arrays.put(name, values);
        shapes.put(name, shape);
    }

    public float[] get(String name) {
        float[] a = arrays.get(name);
        if (a == null) throw new IllegalArgumentException("no array " + name + " (have " + arrays.keySet() + ")");
        return a;
    }

    public int[] shape(String name) {
        return shapes.get(name);
    }
}
