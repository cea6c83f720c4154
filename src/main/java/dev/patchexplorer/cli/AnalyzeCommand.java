package dev.patchexplorer.cli;

import dev.patchexplorer.core.format.Json;
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
import dev.patchexplorer.imagefile.DecodedImage;
import dev.patchexplorer.core.tradeoff.PassKind;
import dev.patchexplorer.model.AttentionBudget;
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
import java.util.OptionalInt;

/**
 * {@code analyze --model DIR|NAME [--models DIR] --image FILE --patch P --mode resize|flexi [--size S] [--out DIR]}:
 * classifies the centre square of the image and, for a ViT, reports the grid, the class token's
 * attention in every layer and head, and the attention rollout; with --out also PNG overlays.
 */
public final class AnalyzeCommand implements Command {
    private static final List<OptionSpec> OPTIONS = List.of(CommonOptions.MODEL, CommonOptions.MODELS, CommonOptions.IMAGE,
            CommonOptions.PATCH, CommonOptions.MODE, CommonOptions.SIZE,
            new OptionSpec("out", "DIR", "write analysis.json and PNG overlays there instead of JSON on stdout"));

    @Override
    public String name() {
        return "analyze";
    }

    @Override
    public String summary() {
        return "run a model on an image: top-5, attention per layer/head, rollout (JSON, optional PNG overlays)";
    }

    @Override
    public List<OptionSpec> options() {
        return OPTIONS;
    }

    @Override
    public int run(Options o, PrintStream out) throws Exception {
        // everything that can be checked without the model first, so a typo fails at once
        Path modelDir = ModelArgument.resolve(o);
        DecodedImage decoded = ImageFiles.read(CommonOptions.image(o));
        RgbImage image = decoded.pixels();
        PatchMode mode = CommonOptions.mode(o);
        OptionalInt sizeOption = CommonOptions.size(o);
        Path outDir = o.has("out") ? CommonOptions.outFolder(o.require("out")) : null;
        try (VisionModel model = ModelLoader.load(modelDir)) {
            ModelConfig cfg = model.config();
            int size = sizeOption.isPresent() ? sizeOption.getAsInt() : CommonOptions.size(CommonOptions.SIZE.name(), cfg.inputHeight());
            RgbImage square = ImageFiles.workingSquare(image, size);
            Map<String, Object> json = new LinkedHashMap<>();
            Map<String, RgbImage> overlays = new LinkedHashMap<>();
            json.put("model", modelDir.getFileName().toString());
            json.put("architecture", cfg.architecture());
            json.put("image", ImageFiles.describe(decoded));
            if (model instanceof ViTModel vit) {
                int patch = CommonOptions.patch(o, size, size, vit.spec().nativePatch());
                analyzeViT(vit, square, mode, patch, json, overlays);
            } else {
                CommonOptions.refuseVitOptions(o);
                ((CnnModel) model).checkMemory(PassKind.LOGITS, size, size);
                ChwImage input = Preprocess.toModelInput(square, size, size, cfg.mean(), cfg.std());
                json.put("size", size);
                json.put("top5", top5(((CnnModel) model).forward(input).logits()));
            }
            String text = Json.text(json); // refuses NaN before anything is written
            if (outDir == null) {
                out.println(text);
            } else {
                Files.createDirectories(outDir);
                Path file = outDir.resolve("analysis.json");
                Files.writeString(file, text + "\n", StandardCharsets.UTF_8);
                for (Map.Entry<String, RgbImage> overlay : overlays.entrySet()) {
                    ImageFiles.writePng(overlay.getValue(), outDir.resolve(overlay.getKey()));
                }
                Json.print(out, Map.of("written", file.toString()));
            }
        }
        return 0;
    }

    private static void analyzeViT(ViTModel vit, RgbImage square, PatchMode mode, int patch, Map<String, Object> json,
            Map<String, RgbImage> overlays) throws Exception {
        int size = square.width();
        // the window's path: the grid's cells cut from the working image, at the model's patch size
        PatchGrid grid = PatchGrid.of(size, size, GridSpec.of(patch));
        // refused with a patch or size that fits before the input is built
        vit.checkMemory(PassKind.ATTENTION_MAPS, grid.rows(), grid.cols(), new AttentionBudget.Setting(mode, patch, size, size));
        InputPlan plan = GridInput.plan(mode, grid, vit.spec().nativePatch());
        RgbImage used = Preprocess.crop(square, 0, 0, plan.gridW() * patch, plan.gridH() * patch); // whole patches only
        ModelConfig cfg = vit.config();
        ChwImage input = GridInput.modelInput(square, grid, plan, cfg.mean(), cfg.std());
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
        double[] lastMean = AttentionMaps.classTokenMap(result.attention()[result.layers() - 1], layout, HeadFusion.MEAN);
        overlays.put("rollout.png", HeatmapOverlay.blend(used, rollout, plan.gridH(), plan.gridW(), ColorMap.VIRIDIS, 0.6));
        overlays.put("last_layer_mean_attention.png", HeatmapOverlay.blend(used, lastMean, plan.gridH(), plan.gridW(), ColorMap.VIRIDIS, 0.6));
    }

    /** The five most probable classes as the JSON of every command that classifies. */
    static List<Map<String, Object>> top5(float[] logits) {
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
