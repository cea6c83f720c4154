package dev.patchexplorer.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Parses {@code --name value}, {@code --name=value} and flags against a command's {@link OptionSpec}s,
 * rejecting names the command does not know. The global flags ({@code --verbose}) are accepted
 * everywhere; {@code --help} never reaches here (the CLI answers it first).
 */
public final class Options {
    private final Map<String, String> values = new LinkedHashMap<>();

    private Options() {}

    public static Options parse(List<String> args, List<OptionSpec> specs) throws UsageException {
        Map<String, OptionSpec> known = new LinkedHashMap<>();
        specs.forEach(s -> known.put(s.name(), s));
        GlobalFlags.SPECS.forEach(s -> known.putIfAbsent(s.name(), s));
        Options o = new Options();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (!a.startsWith("--") || a.length() == 2) throw new UsageException("unexpected argument '" + a + "'");
            String name = a.substring(2);
            String inline = null;
            int eq = name.indexOf('=');
            if (eq >= 0) {
                inline = name.substring(eq + 1);
                name = name.substring(0, eq);
            }
            OptionSpec spec = known.get(name);
            if (spec == null) {
                throw new UsageException("unknown option --" + name + " (known: "
                        + specs.stream().map(s -> "--" + s.name()).collect(Collectors.joining(", ")) + "; see --help)");
            }
            String value;
            if (spec.isFlag()) {
                if (inline != null) throw new UsageException("option --" + name + " takes no value");
                value = "";
            } else if (inline != null) {
                value = inline;
            } else {
                if (i + 1 >= args.size()) throw new UsageException("option --" + name + " needs a value (" + spec.value() + ")");
                value = args.get(++i);
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
