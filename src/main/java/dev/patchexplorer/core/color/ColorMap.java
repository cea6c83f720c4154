package dev.patchexplorer.core.color;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Colour maps for heatmaps. The perceptually uniform sequential maps are the 256-entry tables
 * published with matplotlib (viridis, magma, inferno; Smith, van der Walt and Firing, CC0),
 * stored as resources. The diverging map is ColorBrewer's 11-class RdBu (Brewer, Harrower,
 * colorbrewer2.org), which ColorBrewer marks colour-blind safe, interpolated linearly.
 */
public enum ColorMap {
    VIRIDIS("viridis"),
    MAGMA("magma"),
    INFERNO("inferno"),
    /** Diverging blue-white-red (low = blue, centre = near white, high = red). */
    RED_BLUE_DIVERGING(null);

    private static final int[] RDBU_11 = {
        0x67001f, 0xb2182b, 0xd6604d, 0xf4a582, 0xfddbc7, 0xf7f7f7, 0xd1e5f0, 0x92c5de, 0x4393c3, 0x2166ac, 0x053061,
    };

    private final String resource;
    private volatile int[] table;

    ColorMap(String resource) {
        this.resource = resource;
    }

    /** Opaque 0xAARRGGBB for t in [0, 1] (clamped; NaN maps to 0). */
    public int argb(double t) {
        int[] lut = lookupTable();
        double c = Double.isNaN(t) ? 0 : Math.max(0, Math.min(1, t));
        return lut[(int) Math.round(c * (lut.length - 1))];
    }

    /** 256 opaque colours, low to high. */
    public int[] lookupTable() {
        int[] t = table;
        if (t == null) {
            t = resource == null ? diverging() : load(resource);
            table = t;
        }
        return t;
    }

    private static int[] diverging() {
        int[] lut = new int[256];
        // ColorBrewer lists RdBu from red to blue; we map low values to blue.
        for (int i = 0; i < 256; i++) {
            double pos = (255 - i) / 255.0 * (RDBU_11.length - 1);
            int k = Math.min((int) pos, RDBU_11.length - 2);
            double f = pos - k;
            int a = RDBU_11[k];
            int b = RDBU_11[k + 1];
            lut[i] = 0xff000000 | mix(a >> 16, b >> 16, f) << 16 | mix(a >> 8, b >> 8, f) << 8 | mix(a, b, f);
        }
        return lut;
    }

    private static int mix(int a, int b, double f) {
        return (int) Math.round((a & 0xff) * (1 - f) + (b & 0xff) * f);
    }

    private static int[] load(String name) {
        String path = name + ".txt";
        try (InputStream in = ColorMap.class.getResourceAsStream(path)) {
            if (in == null) throw new IllegalStateException("colour map resource missing: " + path);
            List<Integer> colours = new ArrayList<>();
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = r.readLine()) != null; ) {
                line = line.trim();
                if (line.isEmpty() || line.startsWith("#")) continue;
                String[] v = line.split("\\s+");
                colours.add(0xff000000 | channel(v[0]) << 16 | channel(v[1]) << 8 | channel(v[2]));
            }
            return colours.stream().mapToInt(Integer::intValue).toArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int channel(String unit) {
        return (int) Math.round(Double.parseDouble(unit) * 255);
    }
}
