package dev.patchexplorer.cli;

import com.google.gson.JsonObject;
import dev.patchexplorer.core.image.ChwImage;
import dev.patchexplorer.core.image.Preprocess;
import dev.patchexplorer.core.image.RgbImage;
import dev.patchexplorer.core.rf.CnnLayers;
import dev.patchexplorer.core.rf.EffectiveReceptiveField;
import dev.patchexplorer.core.rf.LayerField;
import dev.patchexplorer.core.rf.LayerSpec;
import dev.patchexplorer.core.rf.PixelBox;
import dev.patchexplorer.core.rf.ReceptiveFieldTable;
import dev.patchexplorer.core.rf.UnitAtPoint;
import dev.patchexplorer.core.rf.UnitField;
import dev.patchexplorer.core.rf.VitReceptiveField;
import dev.patchexplorer.core.vit.InputPlan;
import dev.patchexplorer.core.vit.PatchMode;
import dev.patchexplorer.core.tradeoff.PassKind;
import dev.patchexplorer.model.AttentionBudget;
import dev.patchexplorer.model.CnnModel;
import dev.patchexplorer.model.ErfGradient;
import dev.patchexplorer.model.ModelConfig;
import dev.patchexplorer.model.ModelLoadException;
import dev.patchexplorer.model.TokenGradient;
import dev.patchexplorer.model.ViTModel;

import java.util.List;
import java.util.Locale;

/**
 * Turns a point on the working image into a CNN unit or a ViT token, asks the model for that unit's
 * effective receptive field, and pairs it with the theoretical field from core.rf.
 * Points use core.rf's convention: pixel i is centred at i.
 */
final class ErfProbe {
    private ErfProbe() {}

    /** The unit of {@code layer} whose receptive-field centre is nearest to (x, y). */
    static ErfResult cnn(CnnModel model, RgbImage working, String layerName, double x, double y)
            throws UsageException, ModelLoadException {
        ModelConfig cfg = model.config();
        String layer;
        List<LayerSpec> stack;
        try {
            layer = model.resolveLayer(layerName);
            stack = CnnLayers.forArchitecture(cfg.architecture());
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        int h = working.height(), w = working.width();
        LayerField f = ReceptiveFieldTable.compute(stack, h, w).find(layer);
        // --at names a pixel (centred at its index); UnitAtPoint takes points where pixel i covers [i, i + 1).
        UnitField u = UnitAtPoint.unitAt(f, x + 0.5, y + 0.5).orElseThrow(() -> new UsageException(
                "layer " + layer + " has no units for a " + w + "x" + h + " input; choose a larger --size"));
        int uy = u.uy(), ux = u.ux();
        model.checkMemory(PassKind.GRADIENT, w, h);
        ChwImage input = Preprocess.toModelInput(working, w, h, cfg.mean(), cfg.std());
        ErfGradient g = model.erfGradient(input, layer, uy, ux);
        JsonObject unit = new JsonObject();
        unit.addProperty("row", uy);
        unit.addProperty("col", ux);
        unit.add("feature_size", ErfResult.pair(g.featureH(), g.featureW()));
        unit.add("centre", pointJson(u.centreX(), u.centreY()));
        JsonObject info = new JsonObject();
        info.addProperty("stride", f.stride());
        info.addProperty("padding", f.padding());
        info.addProperty("padding_fraction", u.paddingFraction());
        return new ErfResult(layer, h, w, 1, EffectiveReceptiveField.channelAbsSum(g.gradient().data(), 3, h, w),
                u.centreY(), u.centreX(), u.box(), f.size(), unit, info);
    }

    /** The patch token under (x, y) after {@code blocks} transformer blocks; the image is cut to whole patches first. */
    static ErfResult vit(ViTModel model, RgbImage square, PatchMode mode, int patch, int blocks, double x, double y)
            throws UsageException, ModelLoadException {
        int depth = model.spec().depth();
        if (blocks < 0 || blocks > depth) {
            throw new UsageException("--layer for a ViT is a block index from 0 (after the patch embedding) to " + depth + ", got " + blocks);
        }
        InputPlan plan;
        try {
            plan = InputPlan.of(mode, patch, model.spec().nativePatch(), square.height(), square.width());
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        int usedH = plan.gridH() * patch, usedW = plan.gridW() * patch;
        if (y + 0.5 >= usedH || x + 0.5 >= usedW) {
            throw new UsageException("point " + fmt(x) + "," + fmt(y) + " lies in the margin that whole " + patch
                    + " px patches leave out (the grid covers 0.." + (usedW - 1) + " x 0.." + (usedH - 1) + ")");
        }
        VitReceptiveField.Token token = new VitReceptiveField(patch, usedH, usedW).tokenAt(x + 0.5, y + 0.5);
        int row = token.row(), col = token.column();
        // refused with a patch or size that fits before the input is built
        model.checkMemory(PassKind.GRADIENT, plan.gridH(), plan.gridW(),
                new AttentionBudget.Setting(mode, patch, square.width(), square.height()));
        RgbImage used = Preprocess.crop(square, 0, 0, usedW, usedH);
        ModelConfig cfg = model.config();
        ChwImage input = Preprocess.toModelInput(used, plan.inputW(), plan.inputH(), cfg.mean(), cfg.std());
        int mp = plan.modelPatch();
        TokenGradient g = model.tokenGradient(input, mp, blocks, row, col);
        VitReceptiveField vrf = new VitReceptiveField(mp, plan.inputH(), plan.inputW());
        PixelBox box = vrf.tokenField(blocks, row, col);
        double cy = (row + 0.5) * mp - 0.5, cx = (col + 0.5) * mp - 0.5;
        JsonObject unit = new JsonObject();
        unit.addProperty("token_row", row);
        unit.addProperty("token_col", col);
        unit.add("grid", ErfResult.pair(plan.gridH(), plan.gridW()));
        unit.addProperty("patch", patch);
        unit.addProperty("model_patch", mp);
        unit.addProperty("mode", mode.name().toLowerCase(Locale.ROOT));
        unit.add("centre", pointJson(cx, cy));
        JsonObject info = new JsonObject();
        info.addProperty("patches_seen", vrf.patchesSeen(blocks));
        info.addProperty("note", blocks == 0 ? "the patch embedding sees exactly its own patch"
                : "after an attention layer every token sees the whole grid; size is the box's longer side");
        return new ErfResult(String.valueOf(blocks), plan.inputH(), plan.inputW(), (double) patch / mp,
                EffectiveReceptiveField.channelAbsSum(g.gradient().data(), 3, plan.inputH(), plan.inputW()),
                cy, cx, box, Math.max(box.width(), box.height()), unit, info);
    }

    static JsonObject pointJson(double x, double y) {
        JsonObject o = new JsonObject();
        o.addProperty("x", x);
        o.addProperty("y", y);
        return o;
    }

    static String fmt(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }
}
