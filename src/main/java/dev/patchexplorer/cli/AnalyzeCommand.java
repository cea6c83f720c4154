package dev.patchexplorer.cli;

import com.google.gson.GsonBuilder;
import dev.patchexplorer.core.attention.AttentionLayout;
import dev.patchexplorer.core.attention.AttentionMaps;
import dev.patchexplorer.core.attention.AttentionRollout;
import dev.patchexplorer.core.attention.HeadFusion;
import dev.patchexplorer.core.classify.Prediction;
import dev.patchexplorer.core.classify.TopK;
import dev.patchexplorer.core.color.ColorMap;
import dev.patchexplorer.core.color.HeatmapOverlay;
import dev.patchexplorer.core.image.ChwImage;
import dev.patchexplorer.core.image.Preprocess;
import dev.patchexplorer.core.image.RgbImage;
import dev.patchexplorer.core.grid.GridSpec;
import dev.patchexplorer.core.grid.PatchGrid;
import dev.patchexplorer.core.vit.GridInput;
import dev.patchexplorer.core.vit.InputPlan;
import dev.patchexplorer.core.vit.PatchMode;
import dev.patchexplorer.model.CnnModel;
import dev.patchexplorer.model.ModelConfig;
import dev.patchexplorer.model.ModelLoader;
import dev.patchexplorer.model.ViTModel;
import dev.patchexplorer.model.ViTOutput;
import dev.patchexplorer.model.VisionModel;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code analyze --model DIR|NAME [--models DIR] --image FILE --patch P --mode resize|flexi [--size S] [--out DIR]}:
 * classifies the centre square of the image and, for a ViT, reports the grid, the class token's
 * attention in every layer and head, and the attention rollout; with --out also PNG overlays.
 */
public final class AnalyzeCommand implements Command {
    private static final Set<String> OPTIONS = Set.of(ModelArgument.MODEL, ModelArgument.MODELS, "image", "patch", "mode", "size", "out");

    @Override
    public String name() {
        return "analyze";
    }

    @Override
    public String summary() {
        return "run a model on an image: top-5, attention per layer/head, rollout (JSON, optional PNG overlays)";
    }

    @Override
    public int run(List<String> args, PrintStream out) throws Exception {
        Options o = Options.parse(args, OPTIONS);
        Path modelDir = ModelArgument.resolve(o);
        RgbImage image = ImageFiles.read(Path.of(o.require("image")));
        PatchMode mode = parseMode(o.get("mode", "resize"));
        Path outDir = o.has("out") ? Path.of(o.get("out", ".")) : null;
        try (VisionModel model = ModelLoader.load(modelDir)) {
            ModelConfig cfg = model.config();
            int size = o.integer("size", cfg.inputHeight());
            int patch = o.integer("patch", model instanceof ViTModel v ? v.spec().nativePatch() : 16);
            if (size < 16 || size > 4096) throw new UsageException("--size must be between 16 and 4096, got " + size);
            if (patch < 1 || patch > size) throw new UsageException("--patch must be between 1 and --size (" + size + "), got " + patch);
            RgbImage square = Preprocess.resizeBicubic(Preprocess.centerCropSquare(image), size, size);
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("model", modelDir.getFileName().toString());
            json.put("architecture", cfg.architecture());
            if (model instanceof ViTModel vit) {
                analyzeViT(vit, square, mode, patch, json, outDir);
            } else {
                ChwImage input = Preprocess.toModelInput(square, size, size, cfg.mean(), cfg.std());
                json.put("size", size);
                json.put("top5", top5(((CnnModel) model).forward(input).logits()));
            }
            String text = new GsonBuilder().setPrettyPrinting().serializeSpecialFloatingPointValues().create().toJson(json);
            if (outDir == null) {
                out.println(text);
            } else {
                Files.writeString(outDir.resolve("analysis.json"), text + "\n", StandardCharsets.UTF_8);
                out.println("{\"written\": \"" + outDir.resolve("analysis.json").toString().replace("\\", "\\\\") + "\"}");
            }
        }
        return 0;
    }

    private static void analyzeViT(ViTModel vit, RgbImage square, PatchMode mode, int patch, Map<String, Object> json, Path outDir)
            throws Exception {
        int size = square.width();
        // the window's path: the grid's cells cut from the working image, at the model's patch size
        PatchGrid grid = PatchGrid.of(size, size, GridSpec.of(patch));
        InputPlan plan = GridInput.plan(mode, grid, vit.spec().nativePatch());
        RgbImage used = Preprocess.crop(square, 0, 0, plan.gridW() * patch, plan.gridH() * patch); // whole patches only
        ModelConfig cfg = vit.config();
        ChwImage input = Preprocess.normalize(GridInput.pixels(square, grid, plan.modelPatch(), GridInput.meanColour(cfg.mean())),
                cfg.mean(), cfg.std());
        ViTOutput result = vit.forward(input, plan.modelPatch());
        AttentionLayout layout = result.layout();
        json.put("mode", mode.name().toLowerCase(Locale.ROOT));
        json.put("patch", patch);
        json.put("modelPatch", plan.modelPatch());
        json.put("size", size);
        json.put("input", Map.of("height", plan.inputH(), "width", plan.inputW()));
        json.put("grid", Map.of("height", plan.gridH(), "width", plan.gridW()));
        json.put("tokens", result.tokens());
        json.put("prefixTokens", result.prefixTokens());
        if (result.logits().length > 0) json.put("top5", top5(result.logits()));
        List<List<double[][]>> cls = new ArrayList<>(); // [layer][head] -> gridH x gridW
        for (int l = 0; l < result.layers(); l++) {
            List<double[][]> heads = new ArrayList<>();
            for (int h = 0; h < result.heads(); h++) heads.add(rows(AttentionMaps.headPatchMap(result.attention()[l], layout, h, 0), plan.gridW()));
            cls.add(heads);
        }
        json.put("classTokenAttention", cls);
        double[] rollout = AttentionRollout.classToken(result.attention(), layout, HeadFusion.MEAN);
        json.put("rollout", rows(rollout, plan.gridW()));
        if (outDir != null) {
            Files.createDirectories(outDir);
            double[] lastMean = AttentionMaps.classTokenMap(result.attention()[result.layers() - 1], layout, HeadFusion.MEAN);
            ImageFiles.writePng(HeatmapOverlay.blend(used, rollout, plan.gridH(), plan.gridW(), ColorMap.VIRIDIS, 0.6),
                    outDir.resolve("rollout.png"));
            ImageFiles.writePng(HeatmapOverlay.blend(used, lastMean, plan.gridH(), plan.gridW(), ColorMap.VIRIDIS, 0.6),
                    outDir.resolve("last_layer_mean_attention.png"));
        }
    }

    private static PatchMode parseMode(String mode) throws UsageException {
        return switch (mode.toLowerCase(Locale.ROOT)) {
            case "resize" -> PatchMode.RESIZE;
            case "flexi" -> PatchMode.FLEXI;
            default -> throw new UsageException("--mode must be resize or flexi, got '" + mode + "'");
        };
    }

    private static List<Map<String, Object>> top5(float[] logits) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (Prediction p : TopK.of(logits, 5)) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("index", p.index());
            m.put("label", p.label());
            m.put("probability", p.probability());
            list.add(m);
        }
        return list;
    }

    private static double[][] rows(double[] map, int width) {
        double[][] r = new double[map.length / width][width];
        for (int i = 0; i < r.length; i++) System.arraycopy(map, i * width, r[i], 0, width);
        return r;
    }
}
