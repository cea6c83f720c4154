package dev.patchexplorer.cli;

import dev.patchexplorer.core.format.Json;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.patchexplorer.core.grid.EdgePolicy;
import dev.patchexplorer.core.grid.GridSpec;
import dev.patchexplorer.core.grid.PatchGrid;
import dev.patchexplorer.core.tradeoff.SwinArchitecture;
import dev.patchexplorer.core.tradeoff.SwinCosts;
import dev.patchexplorer.core.tradeoff.SwinPresets;
import dev.patchexplorer.core.tradeoff.TradeOffs;
import dev.patchexplorer.core.tradeoff.VitArchitecture;
import dev.patchexplorer.core.tradeoff.VitPresets;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * {@code tradeoffs --arch vit_base_patch16_224 --size 224 --patch 16}: the window's readouts as JSON.
 * {@code --patch 8,16,32} or {@code --patch 4:64} sweeps and prints an array. With {@code --image} (and
 * {@code --mpp}) each result also gives the patch on the slide: µm per pixel, magnification, patch side in
 * µm, field of view, patches per mm² and the pathology tile presets.
 */
public final class TradeoffsCommand implements Command {
    private static final List<OptionSpec> OPTIONS = List.of(
            new OptionSpec("arch", "NAME", "ViT or Swin architecture, e.g. vit_base_patch16_224 or swin_tiny_patch4_window7_224 (default "
                    + VitPresets.defaultArchitecture().name() + "; an unknown name lists the known ones)"),
            new OptionSpec(CommonOptions.SIZE.name(), CommonOptions.SIZE.value(), "square image side, " + CommonOptions.MIN_SIZE + " to "
                    + CommonOptions.MAX_SIZE + " pixels (default: the architecture's input size)"),
            new OptionSpec("width", "W", "image width instead of --size"),
            new OptionSpec("height", "H", "image height instead of --size"),
            new OptionSpec(CommonOptions.PATCH.name(), "P|P1,P2,...|A:B",
                    "patch side, a list, or an inclusive range; a list or range prints an array (default: the architecture's)"),
            new OptionSpec("stride", "S", "step between patches (default: the patch side; ViT only)"),
            new OptionSpec("edge", "crop|pad", "what to do with pixels that do not fill a whole patch (default crop; ViT only)"),
            new OptionSpec(CommonOptions.IMAGE.name(), "FILE", "a picture whose size and µm per pixel (TIFF resolution tags, "
                    + "PNG pHYs, OME-TIFF) give the physical figures; its centre square is resized to --size, or the whole "
                    + "picture to --width x --height"),
            new OptionSpec(PhysicalGeometry.MPP, "X", "micrometres per original pixel, overriding the file's (e.g. 0.5 for 20x)"),
            new OptionSpec(PhysicalGeometry.TISSUE, "A", "tissue area in mm²: adds how many patches cover it"));

    @Override
    public String name() {
        return "tradeoffs";
    }

    @Override
    public String summary() {
        return "the window's cost readouts (tokens, MACs, memory) for an architecture, image size and patch size, as JSON";
    }

    @Override
    public List<OptionSpec> options() {
        return OPTIONS;
    }

    @Override
    public int run(Options o, PrintStream out) throws UsageException {
        String name = o.get("arch", VitPresets.defaultArchitecture().name());
        Optional<SwinArchitecture> swin = SwinPresets.byName(name);
        if (swin.isPresent()) return runSwin(swin.get(), o, out);
        VitArchitecture arch = architecture(name);
        PhysicalGeometry geometry = PhysicalGeometry.resolve(o, arch.nativeSize());
        Double tissue = o.has(PhysicalGeometry.TISSUE) ? PhysicalGeometry.tissue(o) : null;
        int width = geometry.width();
        int height = geometry.height();
        EdgePolicy edge = edge(o.get("edge", "crop"));
        List<Integer> patches = patches(o.get(CommonOptions.PATCH.name(), String.valueOf(arch.nativePatch())));

        List<JsonObject> results = new ArrayList<>();
        for (int p : patches) {
            CommonOptions.checkPatch(p, width, height);
            int stride = o.has("stride") ? positive("stride", o.integer("stride", p)) : p;
            PatchGrid grid = PatchGrid.of(width, height, new GridSpec(p, stride, 0, 0, edge));
            TradeOffs t = TradeOffs.of(arch, grid, Runtime.getRuntime().maxMemory());
            JsonObject result = TradeOffsJson.of(arch, width, height, p, stride, edge, t);
            PhysicalJson.add(result, geometry, p, tissue);
            results.add(result);
        }
        Json.print(out, results.size() == 1 ? results.get(0) : toArray(results));
        return 0;
    }

    /** A Swin: the same size and patch options, costs per stage; stride and edge have no meaning there. */
    private static int runSwin(SwinArchitecture arch, Options o, PrintStream out) throws UsageException {
        if (o.has("stride") || o.has("edge")) throw new UsageException("--stride and --edge apply to ViT architectures only");
        PhysicalGeometry geometry = PhysicalGeometry.resolve(o, arch.nativeSize());
        Double tissue = o.has(PhysicalGeometry.TISSUE) ? PhysicalGeometry.tissue(o) : null;
        int width = geometry.width();
        int height = geometry.height();
        List<JsonObject> results = new ArrayList<>();
        for (int p : patches(o.get(CommonOptions.PATCH.name(), String.valueOf(arch.nativePatch())))) {
            CommonOptions.checkPatch(p, width, height);
            try {
                JsonObject result = SwinCostsJson.of(SwinCosts.of(arch, width, height, p));
                PhysicalJson.add(result, geometry, p, tissue);
                results.add(result);
            } catch (IllegalArgumentException e) {
                throw new UsageException(e.getMessage());
            }
        }
        Json.print(out, results.size() == 1 ? results.get(0) : toArray(results));
        return 0;
    }

    private static JsonArray toArray(List<JsonObject> items) {
        JsonArray a = new JsonArray();
        items.forEach(a::add);
        return a;
    }

    private static VitArchitecture architecture(String name) throws UsageException {
        return VitPresets.byName(name).orElseThrow(() -> new UsageException("unknown architecture '" + name
                + "' (known: " + Stream.concat(VitPresets.all().stream().map(VitArchitecture::name),
                SwinPresets.all().stream().map(SwinArchitecture::name)).collect(Collectors.joining(", ")) + ")"));
    }

    private static EdgePolicy edge(String v) throws UsageException {
        try {
            return EdgePolicy.valueOf(v.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new UsageException("--edge must be crop or pad, got '" + v + "'");
        }
    }

    private static int positive(String name, int value) throws UsageException {
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
            if (p < 1) throw new UsageException("--patch must be at least 1, got " + p);
        }
        return out;
    }
}
