package dev.patchexplorer.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Parses {@code --name value} and {@code --name=value} pairs, rejecting names a command does not know. */
public final class Options {
    private final Map<String, String> values = new LinkedHashMap<>();

    private Options() {}

    public static Options parse(List<String> args, Set<String> known) throws UsageException {
        Options o = new Options();
        List<String> rest = new ArrayList<>(args);
        for (int i = 0; i < rest.size(); i++) {
            String a = rest.get(i);
            if (!a.startsWith("--")) throw new UsageException("unexpected argument '" + a + "'");
            String name = a.substring(2);
            String value;
            int eq = name.indexOf('=');
            if (eq >= 0) {
                value = name.substring(eq + 1);
                name = name.substring(0, eq);
            } else {
                if (i + 1 >= rest.size()) throw new UsageException("option --" + name + " needs a value");
                value = rest.get(++i);
            }
            if (!known.contains(name)) {
                throw new UsageException("unknown option --" + name + " (known: --" + String.join(", --", known) + ")");
            }
            o.values.put(name, value);
        }
        return o;
    }

    public String get(String name, String fallback) {
        return values.getOrDefault(name, fallback);
    }

    public String require(String name) throws UsageException {
        String v = values.get(name);
        if (v == null) throw new UsageException("missing required option --" + name);
        return v;
    }

    public boolean has(String name) {
        return values.containsKey(name);
    }

    public int integer(String name, int fallback) throws UsageException {
        String v = values.get(name);
        return v == null ? fallback : parseInt(name, v);
    }

    public static int parseInt(String name, String v) throws UsageException {
        try {
            return Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            throw new UsageException("--" + name + " expects a whole number, got '" + v + "'");
        }
    }
}
