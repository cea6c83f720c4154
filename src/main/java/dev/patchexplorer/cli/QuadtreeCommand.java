package dev.patchexplorer.cli;

import dev.patchexplorer.core.format.Json;
import dev.patchexplorer.core.adaptive.BlurScorer;
import dev.patchexplorer.core.adaptive.CellOutlines;
import dev.patchexplorer.core.adaptive.GreyEntropy;
import dev.patchexplorer.core.adaptive.MapMassScorer;
import dev.patchexplorer.core.adaptive.MassMap;
import dev.patchexplorer.core.adaptive.PatchScorer;
import dev.patchexplorer.core.adaptive.QuadCell;
import dev.patchexplorer.core.adaptive.Quadtree;
import dev.patchexplorer.core.adaptive.QuadtreeSpec;
import dev.patchexplorer.core.image.RgbImage;
import dev.patchexplorer.imagefile.DecodedImage;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code quadtree --image FILE [--size S] [--min A] [--max B] [--budget N] [--score blur|entropy|attention
 * --model M] --out DIR}: Quadformer's mixed-size tokenization of the working image (its centre square
 * resized to S), splitting first by blur error, grey entropy, or the mass of a ViT's class-token rollout
 * (computed at the model's own patch size, the same map {@code render} draws),
 * written as {@code quadtree.json} (tokens and cells in working pixels) and {@code quadtree.png}
 * (the grid over the image). Defaults are those of Quadformer's notebook: 256 px, 16 to 64, 64 tokens.
 */
public final class QuadtreeCommand implements Command {
    static final int LINE_COLOUR = 0xffffd400; // yellow reads on photos, light and dark

    private static final List<OptionSpec> OPTIONS = List.of(CommonOptions.IMAGE,
            new OptionSpec(CommonOptions.SIZE.name(), "S", "side of the square working image, a multiple of --max (default 256)"),
            new OptionSpec("min", "A", "smallest patch side; such patches never split (default 16)"),
            new OptionSpec("max", "B", "largest patch side, A times a power of two; the grid starts there (default 64)"),
            new OptionSpec("budget", "N", "most tokens; each split adds 3 (default 64)"),
            new OptionSpec("score", "blur|entropy|attention", "what splits first: pixel-blur error (Quadformer), grey entropy (APT) "
                    + "or the mass of --model's attention rollout (default blur)"),
            CommonOptions.MODEL, CommonOptions.MODELS, CommonOptions.MODE,
            new OptionSpec("out", "DIR", "folder for quadtree.json and quadtree.png (required)"));

    @Override
    public String name() {
        return "quadtree";
    }

    @Override
    public String summary() {
        return "mixed-size patches split where the image is detailed, under a token budget (quadtree.json + quadtree.png in --out)";
    }

    @Override
    public List<OptionSpec> options() {
        return OPTIONS;
    }

    @Override
    public int run(Options o, PrintStream out) throws Exception {
        DecodedImage decoded = ImageFiles.read(CommonOptions.image(o));
        int size = CommonOptions.size(CommonOptions.SIZE.name(), o.integer(CommonOptions.SIZE.name(), 256));
        String scoreName = o.get("score", "blur").strip().toLowerCase(Locale.ROOT);
        if (!List.of("blur", "entropy", "attention").contains(scoreName)) {
            throw new UsageException("--score must be blur, entropy or attention, got '" + o.get("score", "") + "'");
        }
        boolean attention = scoreName.equals("attention");
        if (attention && !o.has(CommonOptions.MODEL.name())) throw new UsageException("--score attention needs a ViT --model");
        if (!attention && (o.has(CommonOptions.MODEL.name()) || o.has(CommonOptions.MODE.name()))) {
            throw new UsageException("--model and --mode apply to --score attention only");
        }
        QuadtreeSpec spec;
        try {
            spec = new QuadtreeSpec(size, o.integer("min", 16), o.integer("max", 64), o.integer("budget", 64));
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        Path outDir = CommonOptions.outFolder(o.require("out"));

        RgbImage working = ImageFiles.workingSquare(decoded.pixels(), size);
        RolloutMap map = null;
        PatchScorer scorer;
        if (attention) {
            map = RolloutMap.of(ModelArgument.resolve(o), working, CommonOptions.mode(o));
            scorer = new MapMassScorer(MassMap.fromPatches(map.values(), map.grid(), 0, 0, size));
        } else {
            scorer = scoreName.equals("blur") ? new BlurScorer() : GreyEntropy.scorer();
        }
        Quadtree.Result result = Quadtree.tokenize(working, spec, scorer);
        Map<String, Object> json = json(decoded, spec, scoreName, result);
        if (map != null) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("model", map.architecture());
            m.put("map", "rollout");
            m.put("patch", map.grid().patch());
            json.put("attention_map", m);
        }
        String text = Json.text(json);
        Files.createDirectories(outDir);
        Path file = outDir.resolve("quadtree.json");
        Files.writeString(file, text + "\n", StandardCharsets.UTF_8);
        Path picture = outDir.resolve("quadtree.png");
        ImageFiles.writePng(CellOutlines.draw(working, result.cells(), LINE_COLOUR), picture);
        Map<String, Object> written = new LinkedHashMap<>();
        written.put("written", file.toString());
        written.put("picture", picture.toString());
        written.put("tokens", result.tokens());
        Json.print(out, written);
        return 0;
    }

    private static Map<String, Object> json(DecodedImage decoded, QuadtreeSpec spec, String score, Quadtree.Result r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("image", ImageFiles.describe(decoded));
        m.put("size", spec.imageSize());
        m.put("min", spec.minSize());
        m.put("max", spec.maxSize());
        m.put("budget", spec.budget());
        m.put("score", score);
        m.put("initial_tokens", spec.initialTokens());
        m.put("splits", r.splits());
        m.put("tokens", r.tokens());
        // the same finest detail as a uniform grid, and what attention's N^2 terms cost against it
        m.put("uniform_tokens", spec.uniformTokens());
        m.put("attention_cost_vs_uniform", (double) r.tokens() * r.tokens() / ((double) spec.uniformTokens() * spec.uniformTokens()));
        List<Map<String, Integer>> cells = new ArrayList<>();
        for (QuadCell c : r.cells()) {
            Map<String, Integer> cell = new LinkedHashMap<>();
            cell.put("x", c.x());
            cell.put("y", c.y());
            cell.put("size", c.size());
            cells.add(cell);
        }
        m.put("cells", cells);
        return m;
    }
}
