package dev.patchexplorer.cli;

import dev.patchexplorer.core.format.Json;
import dev.patchexplorer.core.grid.GridSpec;
import dev.patchexplorer.core.grid.PatchGrid;
import dev.patchexplorer.core.image.Preprocess;
import dev.patchexplorer.core.image.RgbImage;
import dev.patchexplorer.core.reconstruct.EmbeddingInverse;
import dev.patchexplorer.core.reconstruct.PatchReconstruction;
import dev.patchexplorer.imagefile.DecodedImage;
import dev.patchexplorer.model.ModelConfig;
import dev.patchexplorer.model.ModelLoader;
import dev.patchexplorer.model.ViTModel;
import dev.patchexplorer.model.VisionModel;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * {@code reconstruct --model DIR|NAME --image FILE --patch P [--size S] --out DIR}: every patch of the
 * centre square sent through the ViT's patch embedding (PI-resized to P, as FlexiViT runs it) and back
 * through its pseudo-inverse; writes reconstruction.png, input.png and reconstruction.json
 * ({@code psnr} in dB, {@code rank}, {@code values_per_patch} = P²C, {@code dim} = D).
 */
public final class ReconstructCommand implements Command {
    private static final List<OptionSpec> OPTIONS = List.of(CommonOptions.MODEL, CommonOptions.MODELS, CommonOptions.IMAGE,
            CommonOptions.PATCH, CommonOptions.SIZE,
            new OptionSpec("out", "DIR", "folder for reconstruction.json, reconstruction.png and input.png (required)"));

    @Override
    public String name() {
        return "reconstruct";
    }

    @Override
    public String summary() {
        return "what a ViT token keeps: each patch rebuilt from its embedding via the pseudo-inverse (PSNR, rank, PNG)";
    }

    @Override
    public List<OptionSpec> options() {
        return OPTIONS;
    }

    @Override
    public int run(Options o, PrintStream out) throws Exception {
        Path modelDir = ModelArgument.resolve(o);
        DecodedImage decoded = ImageFiles.read(CommonOptions.image(o));
        OptionalInt sizeOption = CommonOptions.size(o);
        Path outDir = CommonOptions.outFolder(o.require("out"));
        try (VisionModel model = ModelLoader.load(modelDir)) {
            if (!(model instanceof ViTModel vit)) {
                throw new UsageException("reconstruct needs a ViT: " + modelDir.getFileName() + " has no patch embedding");
            }
            ModelConfig cfg = vit.config();
            int size = sizeOption.isPresent() ? sizeOption.getAsInt() : CommonOptions.size(CommonOptions.SIZE.name(), cfg.inputHeight());
            int patch = CommonOptions.patch(o, size, size, vit.spec().nativePatch());
            RgbImage square = Preprocess.resizeBicubic(Preprocess.centerCropSquare(decoded.pixels()), size, size);
            PatchGrid grid = PatchGrid.of(size, size, GridSpec.of(patch));
            EmbeddingInverse inverse = new EmbeddingInverse(vit.patchKernel(patch), vit.patchBias(), vit.spec().dim());
            PatchReconstruction r = PatchReconstruction.ofGrid(square, grid, inverse, cfg.mean(), cfg.std());
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("model", modelDir.getFileName().toString());
            json.put("architecture", cfg.architecture());
            json.put("image", ImageFiles.describe(decoded));
            json.put("size", size);
            json.put("patch", patch);
            json.put("grid", Map.of("height", grid.rows(), "width", grid.cols()));
            // an exact round trip has no finite PSNR: null, and lossless says why
            json.put("psnr", Double.isInfinite(r.psnr()) ? null : r.psnr());
            json.put("lossless", Double.isInfinite(r.psnr()));
            json.put("rank", r.rank());
            json.put("values_per_patch", r.valuesPerPatch());
            json.put("dim", r.dim());
            String text = Json.text(json);
            Files.createDirectories(outDir);
            Path file = outDir.resolve("reconstruction.json");
            Files.writeString(file, text + "\n", StandardCharsets.UTF_8);
            ImageFiles.writePng(r.picture(), outDir.resolve("reconstruction.png"));
            ImageFiles.writePng(Preprocess.crop(square, 0, 0, grid.cols() * patch, grid.rows() * patch), outDir.resolve("input.png"));
            Json.print(out, Map.of("written", file.toString()));
        }
        return 0;
    }
}
