package dev.patchexplorer.ui.panels;

import dev.patchexplorer.core.format.Units;
import dev.patchexplorer.core.grid.WorkingResolution;
import dev.patchexplorer.core.rf.EffectiveReceptiveField.ErfSummary;
import dev.patchexplorer.core.rf.LayerField;
import dev.patchexplorer.core.rf.PatchCoverage;
import dev.patchexplorer.core.rf.PixelBox;
import dev.patchexplorer.core.rf.UnitField;
import dev.patchexplorer.core.rf.VitReceptiveField;
import dev.patchexplorer.model.CnnModel;
import dev.patchexplorer.ui.Messages;
import dev.patchexplorer.ui.inference.ReceptiveFieldViewModel.PickedToken;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The sentences of the receptive-field pane, from {@code core.rf} values; no toolkit, so tests read them directly. */
public final class ReceptiveFieldReadouts {
    private ReceptiveFieldReadouts() {}

    static String decimals(double v, int places) {
        return String.format(Locale.ROOT, "%." + places + "f", v);
    }

    /** "mobilenetv2_100: a CNN with 3.5 M weights". */
    public static String cnnModel(CnnModel cnn) {
        return Messages.format("rf.model.cnn", cnn.config().architecture(), Units.compact(cnn.parameterCount()));
    }

    /** "The RF of L is r × r px: it spans X × X patches of P px." */
    public static String span(LayerField layer, int patch) {
        PatchCoverage.PatchSpan s = PatchCoverage.span(layer, patch);
        return Messages.format("rf.readout.span", layer.layer().block(), layer.size(), layer.size(),
                decimals(s.across(), 2), decimals(s.down(), 2), patch);
    }

    /** The first block whose field is at least one patch wide, or that none is. */
    public static String firstCovering(List<LayerField> blocks, int patch) {
        Optional<LayerField> first = PatchCoverage.firstCoveringPatch(blocks, patch);
        return first.map(f -> Messages.format("rf.readout.first", patch, f.layer().block(), f.size(), blocks.indexOf(f) + 1))
                .orElseGet(() -> Messages.format("rf.readout.firstNone", patch));
    }

    /** Where the picked unit is and how much of its field lies on padding. */
    public static String unit(LayerField layer, UnitField u, int patch) {
        PixelBox b = u.box();
        PatchCoverage.PatchSpan inside = PatchCoverage.span(u.insideImage(), patch);
        return Messages.format("rf.readout.unit", u.uy(), u.ux(), layer.outputHeight(), layer.outputWidth(),
                decimals(u.centreX(), 1), decimals(u.centreY(), 1), b.x0(), b.x1(), b.y0(), b.y1(),
                Units.percent(u.paddingFraction()), decimals(inside.across(), 2), decimals(inside.down(), 2));
    }

    /** The 50 % / 90 % mass radii and their fraction of the theoretical half-width. */
    public static String erf(ErfSummary s) {
        return Messages.format("rf.readout.erf", decimals(s.radius50(), 1), decimals(s.fraction50(), 2),
                decimals(s.radius90(), 1), decimals(s.fraction90(), 2), decimals(s.theoreticalSize() / 2.0, 1));
    }

    /** Where the picked ViT token is, and what its theoretical field is before and after a block. */
    public static String token(PickedToken t) {
        VitReceptiveField grid = t.grid();
        PixelBox b = t.patchBox();
        return Messages.format("rf.vit.token", t.row(), t.column(), grid.gridRows(), grid.gridColumns(), grid.patch(),
                b.x0(), b.x1(), b.y0(), b.y1(), grid.patchesSeen(1));
    }

    /** "0: right after the patch embedding" or "after block 6 of 12". */
    public static String vitBlock(int block, int depth) {
        return block == 0 ? Messages.get("rf.vit.block.embedding") : Messages.format("rf.vit.block.after", block, depth);
    }

    /** The ViT facts: one patch at the embedding, the whole grid after one attention layer. */
    public static String vit(String architecture, int patch, WorkingResolution w) {
        if (w == null || patch > w.width() || patch > w.height()) return Messages.format("rf.vit.noGrid", patch);
        VitReceptiveField v = new VitReceptiveField(patch, w.height(), w.width());
        PixelBox whole = v.tokenField(1, 0, 0);
        return Messages.format("rf.vit.statement", architecture, patch,
                v.gridColumns(), v.gridRows(), whole.width(), whole.height(), v.patchesSeen(1));
    }
}
