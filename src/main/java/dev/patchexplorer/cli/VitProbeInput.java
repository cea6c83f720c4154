package dev.patchexplorer.cli;

import dev.patchexplorer.core.grid.GridSpec;
import dev.patchexplorer.core.grid.PatchGrid;
import dev.patchexplorer.core.image.ChwImage;
import dev.patchexplorer.core.image.RgbImage;
import dev.patchexplorer.core.tradeoff.PassKind;
import dev.patchexplorer.core.vit.GridInput;
import dev.patchexplorer.core.vit.InputPlan;
import dev.patchexplorer.core.vit.PatchMode;
import dev.patchexplorer.imagefile.DecodedImage;
import dev.patchexplorer.model.AttentionBudget;
import dev.patchexplorer.model.ModelConfig;
import dev.patchexplorer.model.ModelLoadException;
import dev.patchexplorer.model.ModelLoader;
import dev.patchexplorer.model.ViTModel;
import dev.patchexplorer.model.VisionModel;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;

/**
 * The input of the commands that look inside a ViT (tokens, tome, permute): the same options, working
 * image ({@link ImageFiles#workingSquare}) and grid-cut model input as analyze, so that their numbers
 * are those of the same pixels. Holds the loaded model; close it.
 */
final class VitProbeInput implements AutoCloseable {
    static final List<OptionSpec> OPTIONS = List.of(CommonOptions.MODEL, CommonOptions.MODELS, CommonOptions.IMAGE,
            CommonOptions.PATCH, CommonOptions.MODE, CommonOptions.SIZE);

    final Path modelDir;
    final DecodedImage decoded;
    final ViTModel vit;
    final PatchMode mode;
    final int size;
    final int patch;
    final RgbImage square;
    final PatchGrid grid;
    final InputPlan plan;
    final ChwImage input;

    private VitProbeInput(Path modelDir, DecodedImage decoded, ViTModel vit, PatchMode mode, int size, int patch,
                          RgbImage square, PatchGrid grid, InputPlan plan) {
        this.modelDir = modelDir;
        this.decoded = decoded;
        this.vit = vit;
        this.mode = mode;
        this.size = size;
        this.patch = patch;
        this.square = square;
        this.grid = grid;
        this.plan = plan;
        this.input = inputOf(square);
    }

    /**
     * Checks what can be checked without the model first (so a typo fails at once), then loads it; a
     * model that is not a ViT, or a grid too large for this machine, is refused as bad input.
     */
    static VitProbeInput open(Options o, String command) throws UsageException, ModelLoadException {
        Path modelDir = ModelArgument.resolve(o);
        DecodedImage decoded = ImageFiles.read(CommonOptions.image(o));
        PatchMode mode = CommonOptions.mode(o);
        OptionalInt sizeOption = CommonOptions.size(o);
        VisionModel model = ModelLoader.load(modelDir);
        try {
            if (!(model instanceof ViTModel vit)) {
                throw new UsageException(command + " looks inside a Vision Transformer; " + model.config().architecture() + " is not one");
            }
            int size = sizeOption.isPresent() ? sizeOption.getAsInt() : CommonOptions.size(CommonOptions.SIZE.name(), vit.config().inputHeight());
            int patch = CommonOptions.patch(o, size, size, vit.spec().nativePatch());
            PatchGrid grid = PatchGrid.of(size, size, GridSpec.of(patch));
            vit.checkMemory(PassKind.LOGITS, grid.rows(), grid.cols(), new AttentionBudget.Setting(mode, patch, size, size));
            InputPlan plan = GridInput.plan(mode, grid, vit.spec().nativePatch());
            return new VitProbeInput(modelDir, decoded, vit, mode, size, patch, ImageFiles.workingSquare(decoded.pixels(), size),
                    grid, plan);
        } catch (UsageException | ModelLoadException | RuntimeException e) {
            model.close();
            throw e;
        }
    }

    /** The model input for a working image of this size (e.g. the same picture shifted), cut along the same grid. */
    ChwImage inputOf(RgbImage working) {
        ModelConfig cfg = vit.config();
        return GridInput.modelInput(working, grid, plan, cfg.mean(), cfg.std());
    }

    /** The colour the model sees as zero, for pixels a shift uncovers. */
    int meanColour() {
        return GridInput.meanColour(vit.config().mean());
    }

    /** What every such command's JSON starts with: the model, the picture and the grid the pass used. */
    Map<String, Object> header() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("model", modelDir.getFileName().toString());
        json.put("architecture", vit.config().architecture());
        json.put("image", ImageFiles.describe(decoded));
        json.put("mode", mode.name().toLowerCase(Locale.ROOT));
        json.put("patch", patch);
        json.put("model_patch", plan.modelPatch());
        json.put("size", size);
        json.put("grid", Map.of("height", plan.gridH(), "width", plan.gridW()));
        json.put("tokens", plan.tokens(vit.spec().prefixTokens()));
        return json;
    }

    /** A map as rows of a JSON array. */
    static double[][] rows(double[] map, int width) {
        double[][] r = new double[map.length / width][width];
        for (int i = 0; i < r.length; i++) System.arraycopy(map, i * width, r[i], 0, width);
        return r;
    }

    @Override
    public void close() {
        vit.close();
    }
}
