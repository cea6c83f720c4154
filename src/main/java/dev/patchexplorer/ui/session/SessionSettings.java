package dev.patchexplorer.ui.session;

import dev.patchexplorer.core.attention.HeadFusion;
import dev.patchexplorer.core.color.ColorMap;
import dev.patchexplorer.core.color.HeatScale;
import dev.patchexplorer.core.grid.AspectMode;
import dev.patchexplorer.core.grid.EdgePolicy;
import dev.patchexplorer.core.physical.PhysicalScale;
import dev.patchexplorer.core.sweep.SweepMode;
import dev.patchexplorer.core.tradeoff.SwinPresets;
import dev.patchexplorer.core.tradeoff.VitPresets;
import dev.patchexplorer.core.vit.PatchMode;
import dev.patchexplorer.ui.ExplorerViewModel;
import dev.patchexplorer.ui.GridStyle;
import dev.patchexplorer.ui.PhysicalUnits;
import dev.patchexplorer.ui.choose.ChooseViewModel;
import dev.patchexplorer.ui.inference.AttentionJob;
import dev.patchexplorer.ui.inference.GradientMapKind;
import dev.patchexplorer.ui.inference.HeadChoice;
import dev.patchexplorer.ui.inference.MapKind;
import dev.patchexplorer.ui.inference.ReceptiveFieldJob;
import dev.patchexplorer.ui.inference.ReceptiveFieldViewModel;
import dev.patchexplorer.ui.views.concepts.ConceptsPane;
import javafx.scene.paint.Color;

import java.util.List;
import java.util.Locale;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Every setting a session holds, by owner, in the order they are applied (the patch after the working
 * size and the architecture, which both reset it). Adding a setting is one line in one of these lists;
 * a session file written before it simply lacks the key and the setting keeps its value.
 */
public final class SessionSettings {
    private SessionSettings() {}

    /**
     * Keys applied after every other setting: changing a map's colours or layer shows that map, so
     * whether it is shown must come after them.
     */
    public static final java.util.Set<String> APPLIED_LAST = java.util.Set.of("show");

    /** The value of "swin" when the readouts show the ViT. */
    static final String NO_SWIN = "none";

    /** The grid and its look; the {@link Setting#remembered() remembered} ones are also in the settings file. */
    public static final List<Setting<ExplorerViewModel>> GRID = List.of(
            new Setting<ExplorerViewModel>("architecture", false, m -> m.architectureProperty().get().name(),
                    (m, s) -> VitPresets.byName(s).map(a -> { m.architectureProperty().set(a); return true; }).orElse(false))
                    .alsoInSettingsFile(),
            new Setting<ExplorerViewModel>("swin", false, m -> m.swinProperty().get() == null ? NO_SWIN : m.swinProperty().get().name(),
                    (m, s) -> s.equals(NO_SWIN) ? set(m.swinProperty(), null)
                            : SwinPresets.byName(s).map(a -> set(m.swinProperty(), a)).orElse(false)),
            Setting.<ExplorerViewModel>ofInt("workingSize", ExplorerViewModel::workingSizeProperty,
                    PhysicalUnits.MIN_WORKING, PhysicalUnits.MAX_WORKING).alsoInSettingsFile(),
            Setting.ofEnum("aspect", AspectMode.class, ExplorerViewModel::aspectModeProperty).alsoInSettingsFile(),
            Setting.ofEnum("edge", EdgePolicy.class, ExplorerViewModel::edgePolicyProperty).alsoInSettingsFile(),
            Setting.<ExplorerViewModel>ofBoolean("snap", ExplorerViewModel::snapToDivisorsProperty).alsoInSettingsFile(),
            Setting.<ExplorerViewModel>ofBoolean("strideFollowsPatch", ExplorerViewModel::strideFollowsPatchProperty),
            Setting.<ExplorerViewModel>ofInt("stride", ExplorerViewModel::strideProperty, 1, 8192),
            Setting.<ExplorerViewModel>ofInt("offsetX", ExplorerViewModel::offsetXProperty, 0, 8192),
            Setting.<ExplorerViewModel>ofInt("offsetY", ExplorerViewModel::offsetYProperty, 0, 8192),
            new Setting<ExplorerViewModel>("patch", false, ExplorerViewModel::getPatch,
                    (m, s) -> { m.setPatch(Integer.parseInt(s)); return true; }).alsoInSettingsFile(),
            Setting.<ExplorerViewModel>ofInt("selectedPatch", ExplorerViewModel::selectedPatchProperty, -1, Integer.MAX_VALUE),
            style("gridVisible", s -> s.visible(), (s, v) -> s.withVisible(parseBoolean(v))),
            style("gridLabels", s -> s.labels(), (s, v) -> s.withLabels(parseBoolean(v))),
            style("gridColor", s -> colour(s.color()), (s, v) -> s.withColor(Color.web(v))),
            style("gridLineWidth", s -> s.lineWidth(), (s, v) -> s.withLineWidth(inRange(v, 0.1, 16))),
            style("gridOpacity", s -> s.opacity(), (s, v) -> s.withOpacity(inRange(v, 0, 1))));

    /** The Choose view: what a sweep runs over and the recommendation's thresholds (its results are not kept). */
    public static final List<Setting<ChooseViewModel>> CHOOSE = List.of(
            Setting.ofEnum("mode", SweepMode.class, ChooseViewModel::modeProperty),
            Setting.<ChooseViewModel>ofInt("from", ChooseViewModel::fromProperty, 1, 1024),
            Setting.<ChooseViewModel>ofInt("to", ChooseViewModel::toProperty, 1, 1024),
            Setting.<ChooseViewModel>ofInt("step", ChooseViewModel::stepProperty, 1, 1024),
            Setting.<ChooseViewModel>ofDouble("minAgreement", ChooseViewModel::minAgreementProperty, 0, 100),
            Setting.<ChooseViewModel>ofDouble("maxKl", ChooseViewModel::maxKlProperty, 0, 100));

    /** The Concepts view's page, by id; an unknown id is refused. */
    public static final List<Setting<ConceptsPane>> CONCEPTS = List.of(
            new Setting<ConceptsPane>("page", false, p -> p.selected().id(), (p, s) -> {
                p.select(s);
                return true;
            }));

    public static final List<Setting<AttentionJob>> ATTENTION = List.of(
            Setting.ofEnum("mode", PatchMode.class, AttentionJob::modeProperty),
            Setting.ofEnum("map", MapKind.class, AttentionJob::mapKindProperty),
            Setting.<AttentionJob>ofInt("layer", AttentionJob::layerProperty, 1, 1000),
            new Setting<AttentionJob>("head", false, j -> head(j.headProperty().get()), (j, s) -> {
                j.headProperty().set(head(s));
                return true;
            }),
            Setting.ofEnum("colorMap", ColorMap.class, AttentionJob::colorMapProperty),
            Setting.<AttentionJob>ofDouble("opacity", AttentionJob::opacityProperty, 0, 1),
            Setting.<AttentionJob>ofBoolean("show", AttentionJob::showHeatmapProperty),
            Setting.<AttentionJob>ofBoolean("massThreshold", AttentionJob::massThresholdProperty),
            Setting.<AttentionJob>ofInt("massPercent", AttentionJob::massPercentProperty, 1, 100),
            Setting.<AttentionJob>ofBoolean("markArtifacts", AttentionJob::markArtifactsProperty),
            Setting.<AttentionJob>ofBoolean("discountArtifacts", AttentionJob::discountArtifactsProperty),
            Setting.ofEnum("colorScale", HeatScale.Kind.class, AttentionJob::colorScaleProperty));

    public static final List<Setting<ReceptiveFieldJob>> GRADIENTS = List.of(
            Setting.ofEnum("map", GradientMapKind.class, ReceptiveFieldJob::mapKindProperty),
            Setting.ofEnum("colorMap", ColorMap.class, ReceptiveFieldJob::colorMapProperty),
            Setting.<ReceptiveFieldJob>ofDouble("opacity", ReceptiveFieldJob::opacityProperty, 0, 1),
            Setting.<ReceptiveFieldJob>ofBoolean("show", ReceptiveFieldJob::showMapProperty));

    /** The Receptive field view: the CNN block or ViT block looked at, and the probed point (original pixels). */
    public static final List<Setting<ReceptiveFieldViewModel>> RECEPTIVE_FIELD = List.of(
            new Setting<ReceptiveFieldViewModel>("block", false, f -> f.selectedBlockProperty().get(), (f, s) -> {
                f.selectedBlockProperty().set(s);
                return true;
            }),
            Setting.<ReceptiveFieldViewModel>ofInt("vitBlock", ReceptiveFieldViewModel::vitBlockProperty, 0, 1000),
            new Setting<ReceptiveFieldViewModel>("probe", false, f -> f.probeProperty().get() == null ? null
                    : String.format(Locale.ROOT, "%s,%s", f.probeProperty().get().x(), f.probeProperty().get().y()), (f, s) -> {
                String[] xy = s.split(",");
                if (xy.length != 2) return false;
                double x = Double.parseDouble(xy[0]), y = Double.parseDouble(xy[1]);
                if (!Double.isFinite(x) || !Double.isFinite(y)) return false;
                f.probeProperty().set(new ReceptiveFieldViewModel.ImagePoint(x, y));
                return true;
            }));

    /** The µm per pixel only when typed by hand: a file's own scale comes back with the file. */
    public static final List<Setting<PhysicalUnits>> PHYSICAL = List.of(
            new Setting<PhysicalUnits>("micronsPerPixel", false, u -> {
                PhysicalScale s = u.getScale();
                return s != null && s.source() == PhysicalScale.Source.HAND ? s.micronsPerPixel() : null;
            }, (u, s) -> {
                double v = Double.parseDouble(s);
                if (!PhysicalScale.isValid(v)) return false;
                u.setByHand(v);
                return true;
            }),
            Setting.<PhysicalUnits>ofBoolean("showMicrons", PhysicalUnits::showMicronsProperty),
            Setting.<PhysicalUnits>ofDouble("tissueMm2", PhysicalUnits::tissueMm2Property, 0, 1e9));

    private static <V> boolean set(javafx.beans.property.ObjectProperty<V> p, V v) {
        p.set(v);
        return true;
    }

    /** "mean", "max", "min", or a head's index from 0. */
    static String head(HeadChoice h) {
        return h.isSingle() ? String.valueOf(h.head()) : h.fusion().name().toLowerCase(Locale.ROOT);
    }

    static HeadChoice head(String s) {
        if (s.chars().allMatch(Character::isDigit) && !s.isEmpty()) return HeadChoice.single(Integer.parseInt(s));
        return new HeadChoice(HeadFusion.valueOf(s.toUpperCase(Locale.ROOT)), -1);
    }

    private static Setting<ExplorerViewModel> style(String key, Function<GridStyle, Object> read,
                                                    BiFunction<GridStyle, String, GridStyle> with) {
        return new Setting<>(key, false, m -> read.apply(m.gridStyleProperty().get()), (m, s) -> {
            m.gridStyleProperty().set(with.apply(m.gridStyleProperty().get(), s));
            return true;
        });
    }

    private static boolean parseBoolean(String s) {
        if (!s.equalsIgnoreCase("true") && !s.equalsIgnoreCase("false")) throw new IllegalArgumentException("not a boolean: " + s);
        return Boolean.parseBoolean(s);
    }

    private static double inRange(String s, double min, double max) {
        double v = Double.parseDouble(s);
        if (!(v >= min && v <= max)) throw new IllegalArgumentException("out of range: " + s);
        return v;
    }

    private static String colour(Color c) {
        return String.format(Locale.ROOT, "#%02x%02x%02x%02x", Math.round(c.getRed() * 255), Math.round(c.getGreen() * 255),
                Math.round(c.getBlue() * 255), Math.round(c.getOpacity() * 255));
    }
}
