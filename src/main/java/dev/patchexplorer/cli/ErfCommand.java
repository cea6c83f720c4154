package dev.patchexplorer.cli;

import dev.patchexplorer.core.format.Json;
import com.google.gson.Gson;
import com.google.gson.JsonObject;
import dev.patchexplorer.core.image.Preprocess;
import dev.patchexplorer.core.image.RgbImage;
import dev.patchexplorer.core.vit.PatchMode;
import dev.patchexplorer.imagefile.DecodedImage;
import dev.patchexplorer.model.CnnModel;
import dev.patchexplorer.model.ModelConfig;
import dev.patchexplorer.model.ModelLoader;
import dev.patchexplorer.model.ViTModel;
import dev.patchexplorer.model.VisionModel;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;

/**
 * {@code erf --model DIR|NAME [--models DIR] --image FILE --layer NAME --at X,Y [--patch P --mode resize|flexi] [--size S] --out DIR}:
 * the effective receptive field (Luo et al. 2016) of one unit, written as {@code erf.json} (gradient map,
 * unit, theoretical field, 50 % / 90 % radii) and {@code erf.png}. The image is centre-cropped to a
 * square and resized to S (the working image, default the model's input size); X,Y are pixels of
 * that image. CNN: --layer is one of the model's layer names and X,Y picks the unit whose field is
 * centred nearest. ViT: --layer is a block index (0 = patch embedding) and X,Y picks the token.
 */
public final class ErfCommand implements Command {
    private static final List<OptionSpec> OPTIONS = List.of(CommonOptions.MODEL, CommonOptions.MODELS, CommonOptions.IMAGE,
            new OptionSpec("layer", "NAME|BLOCK", "CNN: a layer name (e.g. blocks.3.1); ViT: a block index, 0 = patch embedding (required)"),
            new OptionSpec("at", "X,Y", "pixel of the working image whose unit or token to probe (required)"),
            CommonOptions.PATCH, CommonOptions.MODE, CommonOptions.SIZE,
            new OptionSpec("out", "DIR", "folder for erf.json and erf.png (required)"));

    @Override
    public String name() {
        return "erf";
    }

    @Override
    public String summary() {
        return "effective receptive field of one unit or token (erf.json + erf.png in --out)";
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
        String layer = o.require("layer");
        double[] at = point(o.require("at"));
        Path outDir = CommonOptions.outFolder(o.require("out"));
        PatchMode mode = CommonOptions.mode(o);
        OptionalInt sizeOption = CommonOptions.size(o);
        try (VisionModel model = ModelLoader.load(modelDir)) {
            ModelConfig cfg = model.config();
            int size = sizeOption.isPresent() ? sizeOption.getAsInt() : CommonOptions.size(CommonOptions.SIZE.name(), cfg.inputHeight());
            if (at[0] < 0 || at[1] < 0 || at[0] > size - 1 || at[1] > size - 1) {
                throw new UsageException("--at " + ErfProbe.fmt(at[0]) + "," + ErfProbe.fmt(at[1]) + " is outside the " + size + "x" + size
                        + " working image (0.." + (size - 1) + ")");
            }
            RgbImage working = ImageFiles.workingSquare(image, size);
            ErfResult result;
            RgbImage shown;
            String what;
            if (model instanceof ViTModel vit) {
                int patch = CommonOptions.patch(o, size, size, vit.spec().nativePatch());
                result = ErfProbe.vit(vit, working, mode, patch, blockIndex(layer), at[0], at[1]);
                // the part of the working image that whole patches cover: the model input, scaled back
                shown = Preprocess.crop(working, 0, 0, (int) Math.round(result.width() * result.scale()),
                        (int) Math.round(result.height() * result.scale()));
                what = "block " + layer.strip() + " token (" + result.unit().get("token_row") + ", " + result.unit().get("token_col") + ")";
            } else {
                CommonOptions.refuseVitOptions(o);
                result = ErfProbe.cnn((CnnModel) model, working, layer, at[0], at[1]);
                shown = working;
                what = result.layer() + " unit (" + result.unit().get("row") + ", " + result.unit().get("col") + ")";
            }
            JsonObject json = new JsonObject();
            json.addProperty("model", modelDir.toAbsolutePath().normalize().getFileName().toString());
            json.addProperty("architecture", cfg.architecture());
            json.addProperty("family", model instanceof ViTModel ? "vit" : "cnn");
            json.add("image", new Gson().toJsonTree(ImageFiles.describe(decoded)));
            json.addProperty("size", size);
            json.add("at", ErfProbe.pointJson(at[0], at[1]));
            result.toJson().entrySet().forEach(e -> json.add(e.getKey(), e.getValue()));
            JsonObject done = new JsonObject();
            done.addProperty("written", outDir.resolve("erf.json").toString());
            done.addProperty("png", outDir.resolve("erf.png").toString());
            done.addProperty("radius50", result.summary().radius50());
            done.addProperty("radius90", result.summary().radius90());
            String text = Json.text(json), summary = Json.text(done); // refuse NaN before anything is written
            Files.createDirectories(outDir);
            Files.writeString(outDir.resolve("erf.json"), text + "\n", StandardCharsets.UTF_8);
            ImageFiles.writePng(ErfPicture.render(shown, result, what), outDir.resolve("erf.png"));
            out.println(summary);
        }
        return 0;
    }

    static double[] point(String v) throws UsageException {
        String[] parts = v.split(",", -1);
        if (parts.length != 2) throw new UsageException("--at expects X,Y (pixels of the working image), got '" + v + "'");
        try {
            double x = Double.parseDouble(parts[0].trim()), y = Double.parseDouble(parts[1].trim());
            if (!Double.isFinite(x) || !Double.isFinite(y)) throw new NumberFormatException();
            return new double[] {x, y};
        } catch (NumberFormatException e) {
            throw new UsageException("--at expects two numbers X,Y, got '" + v + "'");
        }
    }

    private static int blockIndex(String layer) throws UsageException {
        try {
            return Integer.parseInt(layer.strip());
        } catch (NumberFormatException e) {
            throw new UsageException("--layer for a ViT is a block index (0 = after the patch embedding), got '" + layer + "'");
        }
    }
}
