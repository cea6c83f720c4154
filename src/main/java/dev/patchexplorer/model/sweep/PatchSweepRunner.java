package dev.patchexplorer.model.sweep;

import dev.patchexplorer.core.attention.AttentionLayout;
import dev.patchexplorer.core.attention.AttentionRollout;
import dev.patchexplorer.core.attention.HeadFusion;
import dev.patchexplorer.core.attention.MassThreshold;
import dev.patchexplorer.core.classify.ImageNetLabels;
import dev.patchexplorer.core.grid.GridSpec;
import dev.patchexplorer.core.grid.PatchGrid;
import dev.patchexplorer.core.image.ChwImage;
import dev.patchexplorer.core.image.Preprocess;
import dev.patchexplorer.core.sweep.AttentionMetrics;
import dev.patchexplorer.core.sweep.SweepImage;
import dev.patchexplorer.core.sweep.SweepMode;
import dev.patchexplorer.core.sweep.SweepPlan;
import dev.patchexplorer.core.sweep.SweepReference;
import dev.patchexplorer.core.sweep.SweepRow;
import dev.patchexplorer.core.sweep.SweepSettings;
import dev.patchexplorer.core.tradeoff.PassKind;
import dev.patchexplorer.core.tradeoff.TradeOffs;
import dev.patchexplorer.core.tradeoff.VitArchitecture;
import dev.patchexplorer.core.vit.GridInput;
import dev.patchexplorer.core.vit.PatchMode;
import dev.patchexplorer.model.AttentionBudget;
import dev.patchexplorer.model.ModelConfig;
import dev.patchexplorer.model.ModelLoadException;
import dev.patchexplorer.model.ViTModel;
import dev.patchexplorer.model.ViTOutput;
import dev.patchexplorer.model.ViTSpec;

import java.util.function.IntFunction;

/**
 * Runs one ViT on one image at one patch size and measures it: the single code path of the sweep,
 * called by the {@code sweep} command and the window alike. Each call is independent and may run on
 * any thread (never the FX thread), so a background job can call it per (image, patch) and stop
 * between calls when cancelled.
 */
public final class PatchSweepRunner {
    /** DINO's threshold: the patches holding 60 % of the rollout mass. */
    public static final double MASS = 0.6;

    private final ViTModel vit;
    private final SweepSettings settings;
    private final VitArchitecture architecture;
    private final IntFunction<String> labels;

    /**
     * @param referencePatch the patch size every run is compared with (usually the model's own)
     * @param labels         class names by index; null for the ImageNet names (or "class N")
     * @throws IllegalArgumentException for a reference larger than the image
     */
    public PatchSweepRunner(ViTModel vit, SweepMode mode, int size, int referencePatch, IntFunction<String> labels) {
        this.vit = vit;
        this.settings = new SweepSettings(mode, size, referencePatch, vit.spec().nativePatch());
        this.architecture = vit.spec().readoutArchitecture();
        int classes = vit.numClasses();
        this.labels = labels != null ? labels : i -> ImageNetLabels.labelOf(i, classes);
    }

    public SweepSettings settings() {
        return settings;
    }


    /**
     * Refuses, before any image is read, a patch size this model cannot run in a sweep: no class
     * token or no head, a grid of no whole patch, or attention maps too large for this machine.
     */
    public void check(int patch) throws ModelLoadException {
        ViTSpec s = vit.spec();
        if (!s.classToken()) throw new ModelLoadException(s.architecture() + " has no class token, so it has no rollout map to sweep");
        if (vit.numClasses() == 0) throw new ModelLoadException(s.architecture() + " has no classifier head, so there are no predictions to compare");
        SweepPlan plan;
        try {
            plan = settings.plan(patch);
        } catch (IllegalArgumentException e) {
            throw new ModelLoadException("--patch " + patch + ": " + e.getMessage());
        }
        PatchMode mode = settings.mode() == SweepMode.RESIZE ? PatchMode.RESIZE : PatchMode.FLEXI;
        vit.checkMemory(PassKind.ATTENTION_MAPS, plan.gridH(), plan.gridW(),
                new AttentionBudget.Setting(mode, patch, plan.side(), plan.side()));
    }

    /** The reference pass of an image. */
    public SweepReference reference(SweepImage image) throws ModelLoadException {
        return pass(image, settings.referencePatch()).asReference();
    }

    /** One row: the image at {@code patch}, compared with its reference. */
    public SweepRow row(SweepImage image, int patch, SweepReference reference) throws ModelLoadException {
        return pass(image, patch).against(reference, labels);
    }

    /** The class name of an index, as rows name it. */
    public String label(int index) {
        return labels.apply(index);
    }

    /**
     * The model input of the pass at {@code patch}, normalised, at the patch size the model runs at
     * ({@code settings().plan(patch).input().modelPatch()}); lets a benchmark hand the same input to a peer.
     */
    public ChwImage input(SweepImage image, int patch) {
        SweepPlan plan = settings.plan(patch);
        ModelConfig cfg = vit.config();
        PatchGrid grid = PatchGrid.of(plan.side(), plan.side(), GridSpec.of(patch));
        // the window's path: the grid's cells cut from the square, at the patch size the model runs at
        return Preprocess.normalize(
                GridInput.pixels(image.square(plan.side()), grid, plan.input().modelPatch(), GridInput.meanColour(cfg.mean())),
                cfg.mean(), cfg.std());
    }

    /** One forward pass at {@code patch}, reduced to its summaries. */
    public SweepPass pass(SweepImage image, int patch) throws ModelLoadException {
        SweepPlan plan = settings.plan(patch);
        ChwImage input = input(image, patch);
        long start = System.nanoTime();
        ViTOutput out = vit.forward(input, plan.input().modelPatch());
        double ms = (System.nanoTime() - start) / 1e6;
        AttentionLayout layout = out.layout();
        int layers = out.layers();
        double[] entropy = new double[layers];
        double[] distance = new double[layers];
        for (int l = 0; l < layers; l++) {
            entropy[l] = AttentionMetrics.normalisedEntropy(out.attention()[l], layout);
            distance[l] = AttentionMetrics.meanDistancePixels(out.attention()[l], layout, plan.cellPixels());
        }
        double[] rollout = AttentionRollout.classToken(out.attention(), layout, HeadFusion.MEAN);
        boolean[] mask = MassThreshold.topMass(rollout, MASS);
        // the cost of the pass actually run: the model's input at the patch size the embedding runs at
        PatchGrid run = PatchGrid.of(plan.input().inputW(), plan.input().inputH(), GridSpec.of(plan.input().modelPatch()));
        double gmacs = TradeOffs.of(architecture, run, Runtime.getRuntime().maxMemory()).gmacs();
        return new SweepPass(image.name(), plan, settings.referencePatch(), out.tokens(), gmacs, out.logits(), mask,
                rollout, entropy, distance, ms);
    }
}
