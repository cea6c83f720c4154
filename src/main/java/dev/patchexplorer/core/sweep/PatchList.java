package dev.patchexplorer.core.sweep;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/** The patch sizes of a sweep, written {@code 8,14,16} or {@code 8:32} or {@code 8:32:4} (inclusive range, step). */
public final class PatchList {
    /** A range longer than this is a typo, not a sweep. */
    static final int MAX_SIZES = 512;

    private PatchList() {}

    /**
     * The sizes in ascending order, each once.
     *
     * @throws IllegalArgumentException with a sentence naming what is wrong
     */
    public static List<Integer> parse(String text) {
        String t = text.strip();
        TreeSet<Integer> out = new TreeSet<>();
        if (t.contains(":")) {
            String[] parts = t.split(":", -1);
            if (parts.length < 2 || parts.length > 3) throw new IllegalArgumentException("--patch range must look like 8:32 or 8:32:4, got '" + text + "'");
            int from = number(parts[0]);
            int to = number(parts[1]);
            int step = parts.length == 3 ? number(parts[2]) : 1;
            if (step < 1) throw new IllegalArgumentException("--patch range step must be at least 1, got " + step);
            if (from > to) throw new IllegalArgumentException("--patch range " + text + " is empty");
            if ((to - from) / step + 1 > MAX_SIZES) throw new IllegalArgumentException("--patch range " + text + " has more than " + MAX_SIZES + " sizes");
            for (int p = from; p <= to; p += step) out.add(p);
        } else {
            for (String s : t.split(",", -1)) out.add(number(s));
        }
        for (int p : out) if (p < 1) throw new IllegalArgumentException("--patch must be at least 1, got " + p);
        return new ArrayList<>(out);
    }

    private static int number(String s) {
        try {
            return Integer.parseInt(s.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--patch expects whole numbers like 8,14,16 or 8:32, got '" + s.strip() + "'");
        }
    }
}
