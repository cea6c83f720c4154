package dev.patchexplorer.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.patchexplorer.core.grid.EdgePolicy;
import dev.patchexplorer.core.grid.GridSpec;
import dev.patchexplorer.core.grid.PatchGrid;
import dev.patchexplorer.core.tradeoff.TradeOffs;
import dev.patchexplorer.core.tradeoff.VitArchitecture;
import dev.patchexplorer.core.tradeoff.VitPresets;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code tradeoffs --arch vit_base_patch16_224 --size 224 --patch 16}: the window's readouts as JSON.
 * {@code --patch 8,16,32} or {@code --patch 4:64} sweeps and prints an array.
 */
public final class TradeoffsCommand implements Command {
    private static final Set<String> OPTIONS = Set.of("arch", "size", "width", "height", "patch", "stride", "edge");

    @Override
    public String name() {
        return "tradeoffs";
    }

    @Override
    public String summary() {
        return "--arch NAME --size S --patch P|P1,P2|A:B [--width W --height H --stride S --edge crop|pad]";
    }

    @Override
    public int run(List<String> args, PrintStream out) throws UsageException {
        Options o = Options.parse(args, OPTIONS);
        VitArchitecture arch = architecture(o.get("arch", VitPresets.defaultArchitecture().name()));
        int size = positive(o, "size", o.integer("size", arch.nativeSize()));
        int width = positive(o, "width", o.integer("width", size));
        int height = positive(o, "height", o.integer("height", size));
        EdgePolicy edge = edge(o.get("edge", "crop"));
        List<Integer> patches = patches(o.get("patch", String.valueOf(arch.nativePatch())));

        List<JsonObject> results = new ArrayList<>();
        for (int p : patches) {
            int stride = o.has("stride") ? positive(o, "stride", o.integer("stride", p)) : p;
            if (p > width || p > height) {
                throw new UsageException("patch " + p + " is larger than the " + width + "x" + height + " image");
            }
            PatchGrid grid = PatchGrid.of(width, height, new GridSpec(p, stride, 0, 0, edge));
            TradeOffs t = TradeOffs.of(arch, grid, Runtime.getRuntime().maxMemory());
            results.add(TradeOffsJson.of(arch, width, height, p, stride, edge, t));
        }
        JsonElement json = results.size() == 1 ? results.get(0) : toArray(results);
        out.println(Json.pretty(json));
        return 0;
    }

    private static JsonArray toArray(List<JsonObject> items) {
        JsonArray a = new JsonArray();
        items.forEach(a::add);
        return a;
    }

    private static VitArchitecture architecture(String name) throws UsageException {
        return VitPresets.byName(name).orElseThrow(() -> new UsageException("unknown architecture '" + name
                + "' (known: " + VitPresets.all().stream().map(VitArchitecture::name).collect(Collectors.joining(", ")) + ")"));
    }

    private static EdgePolicy edge(String v) throws UsageException {
        try {
            return EdgePolicy.valueOf(v.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new UsageException("--edge must be crop or pad, got '" + v + "'");
        }
    }

    private static int positive(Options o, String name, int value) throws UsageException {
        if (value <= 0) throw new UsageException("--" + name + " must be positive, got " + value);
        return value;
    }

    /** "16", "8,16,32" or "4:64" (inclusive range). */
    static List<Integer> patches(String spec) throws UsageException {
        List<Integer> out = new ArrayList<>();
        if (spec.contains(":")) {
            String[] ends = spec.split(":", -1);
            if (ends.length != 2) throw new UsageException("--patch range must look like 4:64, got '" + spec + "'");
            int from = Options.parseInt("patch", ends[0]);
            int to = Options.parseInt("patch", ends[1]);
            if (from > to) throw new UsageException("--patch range " + spec + " is empty");
            for (int p = from; p <= to; p++) out.add(p);
        } else {
            for (String s : spec.split(",", -1)) out.add(Options.parseInt("patch", s));
        }
        for (int p : out) {
            if (p <= 0) throw new UsageException("--patch must be positive, got " + p);
        }
        return out;
    }
}
