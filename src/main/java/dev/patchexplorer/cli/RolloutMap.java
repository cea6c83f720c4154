package dev.patchexplorer.cli;

import dev.patchexplorer.core.attention.ChosenMap;
import dev.patchexplorer.core.attention.HeadFusion;
import dev.patchexplorer.core.grid.GridSpec;
import dev.patchexplorer.core.grid.PatchGrid;
import dev.patchexplorer.core.image.ChwImage;
import dev.patchexplorer.core.image.Preprocess;
import dev.patchexplorer.core.image.RgbImage;
import dev.patchexplorer.core.tradeoff.PassKind;
import dev.patchexplorer.core.vit.GridInput;
import dev.patchexplorer.core.vit.InputPlan;
import dev.patchexplorer.core.vit.PatchMode;
import dev.patchexplorer.model.AttentionBudget;
import dev.patchexplorer.model.ModelConfig;
import dev.patchexplorer.model.ModelLoader;
import dev.patchexplorer.model.ViTModel;
import dev.patchexplorer.model.ViTOutput;
import dev.patchexplorer.model.VisionModel;

import java.nio.file.Path;

/**
 * A ViT's class-token rollout (heads fused by their mean, every key kept) over a working image, at the
 * model's own patch size: the map {@code quadtree --score attention} scores with. Built as {@code render}
 * builds its rollout, through {@link GridInput} and {@link ChosenMap}.
 */
record RolloutMap(double[] values, PatchGrid grid, String architecture) {

    static RolloutMap of(Path modelDir, RgbImage working, PatchMode mode) throws Exception {
        try (VisionModel loaded = ModelLoader.load(modelDir)) {
            if (!(loaded instanceof ViTModel vit)) {
                throw new UsageException("--score attention needs a ViT; " + modelDir.getFileName() + " is a CNN and has no attention");
            }
            ModelConfig cfg = vit.config();
            int patch = vit.spec().nativePatch();
            PatchGrid grid = PatchGrid.of(working.width(), working.height(), GridSpec.of(patch));
            if (grid.isEmpty()) throw new UsageException("the image is smaller than the model's " + patch + " px patch");
            vit.checkMemory(PassKind.ATTENTION_MAPS, grid.rows(), grid.cols(),
                    new AttentionBudget.Setting(mode, patch, grid.width(), grid.height()));
            InputPlan plan = GridInput.plan(mode, grid, patch);
            ChwImage input = Preprocess.normalize(GridInput.pixels(working, grid, plan.modelPatch(),
                    GridInput.meanColour(cfg.mean())), cfg.mean(), cfg.std());
            ViTOutput out = vit.forward(input, plan.modelPatch());
            return new RolloutMap(ChosenMap.rollout(out.attention(), out.layout(), HeadFusion.MEAN, -1), grid, cfg.architecture());
        }
    }
}
