package dev.patchexplorer.core.format;

import java.util.Locale;

/** Human-readable numbers for the readouts: binary byte units, grouped counts, G-units with names. */
public final class Units {
    private static final String[] BYTE_UNITS = {"B", "KiB", "MiB", "GiB", "TiB", "PiB"};

    private Units() {}

    /** 1,862,832 -> "1.78 MiB"; binary units because that is how memory is allocated. */
    public static String bytes(long bytes) {
        if (bytes < 1024) return bytes + " B";
        double v = bytes;
        int unit = 0;
        while (v >= 1024 && unit < BYTE_UNITS.length - 1) {
            v /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, v >= 100 ? "%.0f %s" : v >= 10 ? "%.1f %s" : "%.2f %s", v, BYTE_UNITS[unit]);
    }

    /** 86567656 -> "86,567,656". */
    public static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /** 86567656 -> "86.6 M": short forms for parameter counts. */
    public static String compact(long n) {
        if (Math.abs(n) < 10_000) return count(n);
        if (Math.abs(n) < 1_000_000) return String.format(Locale.ROOT, "%.1f k", n / 1e3);
        if (Math.abs(n) < 1_000_000_000) return String.format(Locale.ROOT, "%.2f M", n / 1e6);
        return String.format(Locale.ROOT, "%.2f G", n / 1e9);
    }

    /**
     * Billions with enough digits to tell close values apart: 17.5613 -> "17.56", 0.0123 -> "0.0123";
     * large values grouped so they can be read at a glance: 2434.6 -> "2,434.6".
     */
    public static String giga(long n) {
        double g = n / 1e9;
        if (g >= 100) return String.format(Locale.ROOT, "%,.1f", g);
        if (g >= 0.1) return String.format(Locale.ROOT, "%.2f", g);
        return String.format(Locale.ROOT, "%.3g", g);
    }

    public static String percent(double fraction) {
        double p = fraction * 100;
        return String.format(Locale.ROOT, p >= 10 || p == 0 ? "%.1f %%" : "%.2f %%", p);
    }

    /** 4.0 -> "4 : 1"; 0.25 -> "1 : 4": how many patch values per embedding dimension. */
    public static String ratio(double r) {
        if (r >= 1) return trim(r) + " : 1";
        return "1 : " + trim(1 / r);
    }

    private static String trim(double v) {
        String s = String.format(Locale.ROOT, "%.2f", v);
        return s.endsWith(".00") ? s.substring(0, s.length() - 3) : s.replaceAll("0$", "");
    }
}
