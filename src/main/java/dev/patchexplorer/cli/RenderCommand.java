package dev.patchexplorer.cli;

import dev.patchexplorer.core.format.Json;
import dev.patchexplorer.core.attention.ArtifactTokens;
import dev.patchexplorer.core.attention.AttentionLayout;
import dev.patchexplorer.core.attention.ChosenMap;
import dev.patchexplorer.core.attention.KeptKeys;
import dev.patchexplorer.core.attention.HeadFusion;
import dev.patchexplorer.core.color.ColorMap;
import dev.patchexplorer.core.color.HeatScale;
import dev.patchexplorer.core.grid.AspectMode;
import dev.patchexplorer.core.grid.GridSpec;
import dev.patchexplorer.core.grid.PatchGrid;
import dev.patchexplorer.core.grid.WorkingResolution;
import dev.patchexplorer.core.image.ChwImage;
import dev.patchexplorer.core.image.Preprocess;
import dev.patchexplorer.core.image.RgbImage;
import dev.patchexplorer.core.image.WorkingImage;
import dev.patchexplorer.core.tradeoff.PassKind;
import dev.patchexplorer.core.vit.GridInput;
import dev.patchexplorer.core.vit.InputPlan;
import dev.patchexplorer.core.vit.PatchMode;
import dev.patchexplorer.imagefile.DecodedImage;
import dev.patchexplorer.model.AttentionBudget;
import dev.patchexplorer.model.ModelConfig;
import dev.patchexplorer.model.ModelLoader;
import dev.patchexplorer.model.ViTModel;
import dev.patchexplorer.model.ViTOutput;
import dev.patchexplorer.model.VisionModel;
import dev.patchexplorer.render.Caption;
import dev.patchexplorer.render.GridLook;
import dev.patchexplorer.render.HeatLayer;
import dev.patchexplorer.render.MapLabel;
import dev.patchexplorer.render.PngFiles;
import dev.patchexplorer.render.ViewRenderer;
import dev.patchexplorer.render.ViewScene;

import java.awt.image.BufferedImage;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code render --image FILE [--model M --map rollout|cls|patch ...] --size S --patch P [--mode flexi|resize]
 * --scale K --out view.png}: the window's exported view, headless. The working image is the window's (the
 * whole picture squashed to S x S by default, or its short side to S with --aspect keep), the map is computed
 * by the functions the window's map maker calls, and the picture is drawn by the window's export renderer.
 */
public final class RenderCommand implements Command {
    private static final int DEFAULT_SIZE = 224;
    private static final int DEFAULT_PATCH = 16;
    private static final List<OptionSpec> OPTIONS = List.of(new OptionSpec("image", "FILE",
                    "picture (PNG, JPEG, TIFF, WebP, BMP, GIF; over 100 megapixels read subsampled), brought to --size as --aspect says (required)"),
            CommonOptions.MODEL, CommonOptions.MODELS,
            new OptionSpec("map", "rollout|cls|patch", "attention map drawn over the image (default rollout; needs a ViT --model)"),
            new OptionSpec("layer", "L", "layer of the cls and patch maps, 1-based (default: the last)"),
            new OptionSpec("head", "mean|max|min|N", "heads fused, or head N (1-based); default mean"),
            new OptionSpec("query", "ROW,COL", "the patch whose attention --map patch shows (0-based)"),
            new OptionSpec("size", "S", "working size: the side of the working image, " + CommonOptions.MIN_SIZE + " to "
                    + CommonOptions.MAX_SIZE + " (default: the model's input size, else " + DEFAULT_SIZE + ")"),
            new OptionSpec("aspect", "squash|keep", "squash the picture to S x S as the window does by default, or keep its"
                    + " aspect with the short side S"),
            new OptionSpec("patch", "P", "patch side in working pixels (default: the model's own, else " + DEFAULT_PATCH + ")"),
            CommonOptions.MODE,
            new OptionSpec("artifacts", "discount|mark|off", "artifact patches (Darcet et al. 2024): discount them as keys and"
                    + " outline them, as the window does by default; only outline them; or neither"),
            new OptionSpec("colors", "viridis|magma|inferno|diverging", "colour map of the heatmap (default viridis)"),
            new OptionSpec("color-scale", "linear|log|percentile", "values to colours: min to max, logarithmic, or the 2nd to"
                    + " 98th percentile (default linear)"),
            new OptionSpec("opacity", "A", "heatmap opacity 0..1 (default 0.6, as the window)"),
            new OptionSpec("scale", "1|2|4", "picture pixels per working pixel; lines and text grow too (default 1)"),
            new OptionSpec("lang", "en|zh", "language of the caption and legend (default en)"),
            new OptionSpec("out", "FILE.png", "where to write the PNG (required)"));

    @Override
    public String name() {
        return "render";
    }

    @Override
    public String summary() {
        return "draw the window's view (image, grid, heatmap, legend, caption) as a PNG at 1x, 2x or 4x";
    }

    @Override
    public List<OptionSpec> options() {
        return OPTIONS;
    }

    @Override
    public int run(Options o, PrintStream out) throws Exception {
        // every check that needs no model first, so a typo fails at once
        Path outFile = outFile(o.require("out"));
        int scale = scale(o);
        Locale locale = language(o.get("lang", "en"));
        ColorMap colors = colors(o.get("colors", "viridis"));
        HeatScale.Kind scaleKind = colorScale(o.get("color-scale", "linear"));
        String artifacts = artifacts(o.get("artifacts", "discount"));
        double opacity = opacity(o.get("opacity", "0.6"));
        AspectMode aspect = aspect(o.get("aspect", "squash"));
        Path imagePath = CommonOptions.image(o);
        DecodedImage decoded = ImageFiles.read(imagePath);
        String imageName = imagePath.getFileName().toString();
        if (!o.has(CommonOptions.MODEL.name())) {
            for (String vitOnly : List.of("map", "layer", "head", "query", "mode", "artifacts", "color-scale")) {
                if (o.has(vitOnly)) throw new UsageException("--" + vitOnly + " needs a ViT --model");
            }
            Setting s = setting(o, decoded.pixels(), aspect, DEFAULT_SIZE, DEFAULT_PATCH);
            ViewScene scene = new ViewScene(s.working, s.grid, GridLook.DEFAULT, null,
                    new Caption(imageName, null, null, s.grid.patch(), null, 0, 0).text(locale));
            return write(scene, scale, outFile, null, null, out);
        }
        Path modelDir = ModelArgument.resolve(o);
        PatchMode mode = CommonOptions.mode(o);
        try (VisionModel loaded = ModelLoader.load(modelDir)) {
            if (!(loaded instanceof ViTModel vit)) {
                throw new UsageException("render draws attention maps; " + modelDir.getFileName() + " is a CNN and has none");
            }
            ModelConfig cfg = vit.config();
            Setting s = setting(o, decoded.pixels(), aspect, cfg.inputHeight(), vit.spec().nativePatch());
            MapLabel label = mapLabel(o, vit, s.grid);
            vit.checkMemory(PassKind.ATTENTION_MAPS, s.grid.rows(), s.grid.cols(),
                    new AttentionBudget.Setting(mode, s.grid.patch(), s.grid.width(), s.grid.height()));
            InputPlan plan = GridInput.plan(mode, s.grid, vit.spec().nativePatch());
            ChwImage input = Preprocess.normalize(GridInput.pixels(s.working, s.grid, plan.modelPatch(),
                    GridInput.meanColour(cfg.mean())), cfg.mean(), cfg.std());
            ViTOutput result = vit.forward(input, plan.modelPatch());
            boolean look = !artifacts.equals("off");
            boolean discount = artifacts.equals("discount");
            ArtifactTokens tokens = look ? ArtifactTokens.detect(result.attention()[result.layers() - 1], result.layout()) : null;
            boolean[] found = tokens == null ? null : tokens.flags();
            double[] values = map(result, label, discount ? KeptKeys.withoutPatches(found, result.layout()) : KeptKeys.ALL);
            boolean[] shown = null;
            if (discount) {
                shown = new boolean[found.length];
                for (int i = 0; i < shown.length; i++) shown[i] = !found[i];
            }
            HeatLayer heat = new HeatLayer(values, s.grid, HeatScale.fit(scaleKind, values, shown), shown, found, colors, opacity,
                    label.name(locale));
            int count = tokens == null ? 0 : tokens.count();
            String caption = new Caption(imageName, cfg.architecture(), mode, s.grid.patch(), label, plan.inputW(), plan.inputH(),
                    scaleKind, count, discount).text(locale);
            return write(new ViewScene(s.working, s.grid, GridLook.DEFAULT, heat, caption), scale, outFile, label, heat, out);
        }
    }

    /** The working image and the plain grid on it, as the window derives them from size, aspect and patch. */
    private record Setting(RgbImage working, PatchGrid grid) {}

    private static Setting setting(Options o, RgbImage picture, AspectMode aspect, int defaultSize, int defaultPatch)
            throws UsageException {
        int size = CommonOptions.size(o).orElse(defaultSize);
        WorkingResolution w = WorkingResolution.of(picture.width(), picture.height(), size, aspect);
        int patch = CommonOptions.patch(o, w.width(), w.height(), Math.min(defaultPatch, Math.min(w.width(), w.height())));
        return new Setting(WorkingImage.of(picture, w), PatchGrid.of(w.width(), w.height(), GridSpec.of(patch)));
    }

    /** The map the window's map maker makes for these settings, through the same core functions. */
    private static double[] map(ViTOutput result, MapLabel label, KeptKeys keys) {
        AttentionLayout layout = result.layout();
        int head = label.head();
        return switch (label.kind()) {
            case MapLabel.ROLLOUT -> ChosenMap.rollout(result.attention(), layout, label.fusion(), head, keys);
            case MapLabel.CLASS_TOKEN -> ChosenMap.layer(result.attention()[label.layer() - 1], layout, label.fusion(), head, 0, keys);
            default -> ChosenMap.layer(result.attention()[label.layer() - 1], layout, label.fusion(), head,
                    layout.patchToken(label.row(), label.col()), keys);
        };
    }

    private static MapLabel mapLabel(Options o, ViTModel vit, PatchGrid grid) throws UsageException {
        String kind = o.get("map", MapLabel.ROLLOUT).strip().toLowerCase(Locale.ROOT);
        if (!List.of(MapLabel.ROLLOUT, MapLabel.CLASS_TOKEN, MapLabel.PATCH).contains(kind)) {
            throw new UsageException("--map must be rollout, cls or patch, got '" + o.get("map", "") + "'");
        }
        int depth = vit.spec().depth();
        int layer = o.integer("layer", depth);
        if (layer < 1 || layer > depth) throw new UsageException("--layer must be 1 to " + depth + ", got " + layer);
        if (kind.equals(MapLabel.ROLLOUT) && o.has("layer")) throw new UsageException("--layer does not apply to rollout, which runs through every layer");
        String headText = o.get("head", "mean").strip().toLowerCase(Locale.ROOT);
        HeadFusion fusion = null;
        int head = -1;
        switch (headText) {
            case "mean" -> fusion = HeadFusion.MEAN;
            case "max" -> fusion = HeadFusion.MAX;
            case "min" -> fusion = HeadFusion.MIN;
            default -> {
                head = Options.parseInt("head", headText) - 1;
                if (head < 0 || head >= vit.spec().heads()) {
                    throw new UsageException("--head must be mean, max, min or 1 to " + vit.spec().heads() + ", got " + headText);
                }
            }
        }
        int row = -1, col = -1;
        if (kind.equals(MapLabel.PATCH)) {
            String q = o.require("query");
            String[] rc = q.split(",");
            if (rc.length != 2) throw new UsageException("--query must be ROW,COL, got '" + q + "'");
            row = Options.parseInt("query", rc[0].strip());
            col = Options.parseInt("query", rc[1].strip());
            if (row < 0 || row >= grid.rows() || col < 0 || col >= grid.cols()) {
                throw new UsageException("--query " + q + " is outside the " + grid.rows() + "x" + grid.cols() + " grid");
            }
        } else if (o.has("query")) {
            throw new UsageException("--query applies to --map patch only");
        }
        return new MapLabel(kind, layer, fusion, head, row, col);
    }

    private static int write(ViewScene scene, int scale, Path outFile, MapLabel label, HeatLayer heat, PrintStream out)
            throws Exception {
        BufferedImage picture = ViewRenderer.render(scene, scale);
        PngFiles.write(picture, outFile);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("out", outFile.toString());
        json.put("width", picture.getWidth());
        json.put("height", picture.getHeight());
        json.put("scale", scale);
        Map<String, Object> grid = new LinkedHashMap<>();
        grid.put("rows", scene.grid().rows());
        grid.put("cols", scene.grid().cols());
        json.put("grid", grid);
        json.put("map", label == null ? null : label.kind());
        if (heat != null) {
            json.put("min", heat.min());
            json.put("max", heat.max());
        }
        json.put("caption", scene.caption());
        Json.print(out, json);
        return 0;
    }

    /** --out: a PNG path in a folder that exists and may be written; checked before any slow work. */
    static Path outFile(String value) throws UsageException {
        Path file = Path.of(value);
        if (!value.toLowerCase(Locale.ROOT).endsWith(".png")) throw new UsageException("--out must name a .png file, got " + value);
        if (Files.isDirectory(file)) throw new UsageException("--out " + value + " is a folder, not a file");
        Path dir = file.toAbsolutePath().getParent();
        if (dir == null || !Files.isDirectory(dir) || !Files.isWritable(dir)) {
            throw new UsageException("cannot write --out " + value + " (" + dir + " is not a writable folder)");
        }
        return file;
    }

    private static int scale(Options o) throws UsageException {
        int k = o.integer("scale", 1);
        if (!ViewRenderer.SCALES.contains(k)) throw new UsageException("--scale must be 1, 2 or 4, got " + k);
        return k;
    }

    private static Locale language(String v) throws UsageException {
        return switch (v.strip().toLowerCase(Locale.ROOT)) {
            case "en" -> Locale.ENGLISH;
            case "zh" -> Locale.SIMPLIFIED_CHINESE;
            default -> throw new UsageException("--lang must be en or zh, got '" + v + "'");
        };
    }

    private static ColorMap colors(String v) throws UsageException {
        return switch (v.strip().toLowerCase(Locale.ROOT)) {
            case "viridis" -> ColorMap.VIRIDIS;
            case "magma" -> ColorMap.MAGMA;
            case "inferno" -> ColorMap.INFERNO;
            case "diverging" -> ColorMap.RED_BLUE_DIVERGING;
            default -> throw new UsageException("--colors must be viridis, magma, inferno or diverging, got '" + v + "'");
        };
    }

    private static HeatScale.Kind colorScale(String v) throws UsageException {
        return switch (v.strip().toLowerCase(Locale.ROOT)) {
            case "linear" -> HeatScale.Kind.LINEAR;
            case "log" -> HeatScale.Kind.LOG;
            case "percentile" -> HeatScale.Kind.PERCENTILE;
            default -> throw new UsageException("--color-scale must be linear, log or percentile, got '" + v + "'");
        };
    }

    private static String artifacts(String v) throws UsageException {
        String a = v.strip().toLowerCase(Locale.ROOT);
        if (!List.of("discount", "mark", "off").contains(a)) {
            throw new UsageException("--artifacts must be discount, mark or off, got '" + v + "'");
        }
        return a;
    }

    private static double opacity(String v) throws UsageException {
        double a;
        try {
            a = Double.parseDouble(v.strip());
        } catch (NumberFormatException e) {
            throw new UsageException("--opacity must be a number from 0 to 1, got '" + v + "'");
        }
        if (!(a >= 0 && a <= 1)) throw new UsageException("--opacity must be from 0 to 1, got '" + v + "'");
        return a;
    }

    private static AspectMode aspect(String v) throws UsageException {
        return switch (v.strip().toLowerCase(Locale.ROOT)) {
            case "squash" -> AspectMode.SQUASH;
            case "keep" -> AspectMode.KEEP;
            default -> throw new UsageException("--aspect must be squash or keep, got '" + v + "'");
        };
    }
}
