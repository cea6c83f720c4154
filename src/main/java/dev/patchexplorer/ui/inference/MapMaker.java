package dev.patchexplorer.ui.inference;

import dev.patchexplorer.core.attention.AttentionLayout;
import dev.patchexplorer.core.attention.AttentionMaps;
import dev.patchexplorer.core.attention.ArtifactTokens;
import dev.patchexplorer.core.attention.ChosenMap;
import dev.patchexplorer.core.attention.KeptKeys;
import dev.patchexplorer.core.color.HeatScale;
import dev.patchexplorer.core.grid.PatchGrid;
import dev.patchexplorer.core.vit.InputPlan;
import dev.patchexplorer.model.ViTOutput;
import dev.patchexplorer.ui.Messages;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.IntPredicate;

/**
 * Turns one forward pass into what the attention views show: the map the settings ask for (with the
 * optional mass threshold) and the class token's map in every head of the chosen layer. Pure
 * computation, run on the inference thread.
 */
final class MapMaker {
    private MapMaker() {}

    /** A finished forward pass and the grid it ran on. */
    record Inference(ViTOutput output, InputPlan plan, PatchGrid grid) {
        /** Whether this pass copied out every layer {@code s} needs. */
        boolean covers(Settings s) {
            float[][] a = output.attention();
            for (int l = 0; l < a.length; l++) if (a[l] == null && layersNeeded(s, a.length).test(l)) return false;
            return true;
        }
    }

    /**
     * The layers (0-based) whose attention {@code s} reads: rollout multiplies through all of them; the
     * class-token, selected-patch and per-head maps read only the chosen layer.
     */
    static IntPredicate layersNeeded(Settings s, int depth) {
        if (s.kind() == MapKind.ROLLOUT) return l -> true;
        int chosen = Math.max(1, Math.min(depth, s.layer())) - 1; // clamped as make() clamps it
        int reference = s.findArtifacts() ? depth - 1 : chosen; // artifacts are found in the last layer
        return l -> l == chosen || l == reference;
    }

    /**
     * @param layer        1-based
     * @param selectedRow  the clicked patch, or -1
     * @param massFraction 0..1 to keep only the top share of the mass, or NaN for the whole map
     * @param findArtifacts look for artifact patches ({@link ArtifactTokens}) to mark them
     * @param discount      drop the artifact patches as keys ({@link KeptKeys}); implies finding them
     * @param scale         how values become colours
     */
    record Settings(MapKind kind, int layer, HeadChoice head, int selectedRow, int selectedCol, double massFraction,
                    boolean findArtifacts, boolean discount, HeatScale.Kind scale) {
        Settings {
            findArtifacts |= discount;
        }

        /** No artifacts looked for, linear colours. */
        Settings(MapKind kind, int layer, HeadChoice head, int selectedRow, int selectedCol, double massFraction) {
            this(kind, layer, head, selectedRow, selectedCol, massFraction, false, false, HeatScale.Kind.LINEAR);
        }
    }

    record Result(Heatmap heatmap, String note, HeadMaps heads) {}

    static Result make(Inference inf, Settings s) {
        ViTOutput out = inf.output();
        AttentionLayout layout = out.layout();
        int l = Math.max(1, Math.min(out.layers(), s.layer())) - 1;
        HeadMaps heads = layout.prefixTokens() == 0 ? null : headMaps(out, layout, l, inf.grid());
        HeadChoice h = s.head().isSingle() && s.head().head() >= out.heads() ? HeadChoice.MEAN : s.head();
        String headName = h.isSingle() ? Messages.format("attention.head.single", h.head() + 1)
                : Messages.get("attention.head." + h.fusion().name().toLowerCase(Locale.ROOT));
        if (layout.prefixTokens() == 0 && s.kind() != MapKind.SELECTED_PATCH) {
            return new Result(null, Messages.get("attention.note.noClassToken"), null);
        }
        boolean[] artifacts = s.findArtifacts() ? artifacts(out, layout) : null;
        KeptKeys keys = s.discount() ? KeptKeys.withoutPatches(artifacts, layout) : KeptKeys.ALL;
        Heatmap map = switch (s.kind()) {
            case ROLLOUT -> Heatmap.of(rollout(out, layout, h, keys), inf.plan(), inf.grid(),
                    Messages.format("attention.title.rollout", headName, out.layers()), s.scale(), artifacts, s.discount());
            case CLASS_TOKEN -> Heatmap.of(layerMap(out, layout, l, h, 0, keys), inf.plan(), inf.grid(),
                    Messages.format("attention.title.classToken", l + 1, headName), s.scale(), artifacts, s.discount());
            case SELECTED_PATCH -> {
                if (s.selectedRow() < 0 || s.selectedRow() >= layout.gridH() || s.selectedCol() >= layout.gridW()) {
                    yield null;
                }
                int query = layout.patchToken(s.selectedRow(), s.selectedCol());
                yield Heatmap.of(layerMap(out, layout, l, h, query, keys), inf.plan(), inf.grid(),
                        Messages.format("attention.title.selectedPatch", s.selectedRow(), s.selectedCol(), l + 1, headName),
                        s.scale(), artifacts, s.discount());
            }
        };
        if (map == null) return new Result(null, Messages.get("attention.note.clickPatch"), heads);
        if (!Double.isNaN(s.massFraction())) map = map.withMassThreshold(s.massFraction());
        return new Result(map, null, heads);
    }

    private static double[] rollout(ViTOutput out, AttentionLayout layout, HeadChoice h, KeptKeys keys) {
        return ChosenMap.rollout(out.attention(), layout, h.fusion(), h.isSingle() ? h.head() : -1, keys);
    }

    /** The artifact patches, found in the last layer (copied out whenever they are asked for). */
    private static boolean[] artifacts(ViTOutput out, AttentionLayout layout) {
        float[] last = out.attention()[out.layers() - 1];
        return (last == null ? ArtifactTokens.none(layout.patches()) : ArtifactTokens.detect(last, layout)).flags();
    }

    private static HeadMaps headMaps(ViTOutput out, AttentionLayout layout, int l, PatchGrid grid) {
        List<double[]> maps = new ArrayList<>();
        for (int h = 0; h < out.heads(); h++) maps.add(AttentionMaps.headPatchMap(out.attention()[l], layout, h, 0));
        return HeadMaps.of(maps, grid, l + 1);
    }

    private static double[] layerMap(ViTOutput out, AttentionLayout layout, int l, HeadChoice h, int query, KeptKeys keys) {
        return ChosenMap.layer(out.attention()[l], layout, h.fusion(), h.isSingle() ? h.head() : -1, query, keys);
    }
}
