package dev.patchexplorer.ui.export;

import dev.patchexplorer.core.attention.HeadFusion;
import dev.patchexplorer.core.grid.PatchGrid;
import dev.patchexplorer.core.grid.WorkingResolution;
import dev.patchexplorer.core.image.RgbImage;
import dev.patchexplorer.core.image.WorkingImage;
import dev.patchexplorer.model.ViTModel;
import dev.patchexplorer.render.Caption;
import dev.patchexplorer.render.GridLook;
import dev.patchexplorer.render.HeatLayer;
import dev.patchexplorer.render.MapLabel;
import dev.patchexplorer.render.ViewScene;
import dev.patchexplorer.ui.ExplorerView;
import dev.patchexplorer.ui.ExplorerViewModel;
import dev.patchexplorer.ui.GridStyle;
import dev.patchexplorer.ui.Messages;
import dev.patchexplorer.ui.inference.AttentionJob;
import dev.patchexplorer.ui.inference.HeadChoice;
import dev.patchexplorer.ui.inference.Heatmap;
import dev.patchexplorer.ui.io.LoadedImage;
import javafx.scene.paint.Color;

import dev.patchexplorer.core.objects.Box;
import dev.patchexplorer.core.objects.BoxMeasure;
import dev.patchexplorer.core.objects.BoxWarning;
import dev.patchexplorer.render.SceneBox;
import dev.patchexplorer.ui.objects.ObjectBoxes;
import dev.patchexplorer.ui.objects.ObjectText;
import dev.patchexplorer.ui.viewer.BoxOverlay;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What the window shows, taken on the FX thread (references and small values only), turned into a
 * {@link ViewScene} off it: the working image is resized there, since at 4000 px that takes a while.
 */
record ViewCapture(RgbImage original, WorkingResolution working, PatchGrid grid, GridLook look, HeatLayer heat, String caption,
                   List<SceneBox> boxes) {

    /** Why there is nothing to export yet: a message for the problem banner. */
    static final class NotReady extends Exception {
        NotReady(String message) {
            super(message);
        }
    }

    /** FX thread. */
    static ViewCapture of(ExplorerView view) throws NotReady {
        ExplorerViewModel model = view.model();
        LoadedImage image = model.getImage();
        PatchGrid grid = model.getGrid();
        WorkingResolution w = model.getWorking();
        if (image == null || grid == null || w == null) throw new NotReady(Messages.get("export.error.noImage"));
        AttentionJob job = view.attention();
        ViTModel vit = view.models().getModel();
        Heatmap h = job.getHeatmap();
        Locale locale = Messages.bundle().getLocale();
        HeatLayer heat = null;
        MapLabel label = null;
        Caption caption;
        if (vit != null && h != null && job.showHeatmapProperty().get()) {
            if (job.staleProperty().get() || job.busyProperty().get() || !h.grid().equals(grid)) {
                throw new NotReady(Messages.get("export.error.busy"));
            }
            label = label(view, vit, h);
            boolean[] shown = new boolean[h.values().length];
            for (int i = 0; i < shown.length; i++) shown[i] = h.shown(i);
            boolean[] outlined = job.markArtifactsProperty().get() && h.artifacts() != null ? h.artifacts().clone() : null;
            heat = new HeatLayer(h.values(), h.grid(), h.scale(), shown, outlined, job.colorMapProperty().get(),
                    Math.max(0, Math.min(1, job.opacityProperty().get())), label.name(locale));
            caption = new Caption(image.name(), vit.config().architecture(), job.modeProperty().get(), grid.patch(), label,
                    h.plan().inputW(), h.plan().inputH(), h.scale().kind(), h.artifactCount(), h.discounted());
        } else {
            caption = new Caption(image.name(), null, null, grid.patch(), null, 0, 0);
        }
        return new ViewCapture(image.pixels(), w, grid, look(model.gridStyleProperty().get()), heat, caption.text(locale),
                boxes(view.boxes(), w));
    }

    /** Any thread: the scene to draw. */
    ViewScene scene() {
        return new ViewScene(WorkingImage.of(original, working), grid, look, heat, caption, boxes);
    }

    /** The objects' boxes in working pixels, labelled and coloured as on screen. FX thread. */
    static List<SceneBox> boxes(ObjectBoxes boxes, WorkingResolution w) {
        List<SceneBox> out = new ArrayList<>();
        for (Box b : boxes.boxes()) {
            BoxMeasure m = boxes.measure(b);
            out.add(new SceneBox(ObjectText.label(b, m), b.x() / w.scaleX(), b.y() / w.scaleY(), b.width() / w.scaleX(),
                    b.height() / w.scaleY(), BoxOverlay.rgb(m == null ? BoxWarning.NONE : m.warning())));
        }
        return out;
    }

    /** The window's grid style as the renderer's: the same colour, width and opacity. */
    static GridLook look(GridStyle style) {
        Color c = style.color();
        int rgb = channel(c.getRed()) << 16 | channel(c.getGreen()) << 8 | channel(c.getBlue());
        return new GridLook(style.visible(), rgb, style.lineWidth(), Math.max(0, Math.min(1, style.opacity())));
    }

    private static int channel(double unit) {
        return (int) Math.round(unit * 255);
    }

    /** The map the attention view's settings name, clamped as the map maker clamps them. */
    private static MapLabel label(ExplorerView view, ViTModel vit, Heatmap h) {
        AttentionJob job = view.attention();
        int layer = Math.max(1, Math.min(vit.spec().depth(), job.layerProperty().get()));
        HeadChoice head = job.headProperty().get();
        if (head.isSingle() && head.head() >= vit.spec().heads()) head = HeadChoice.MEAN;
        HeadFusion fusion = head.isSingle() ? null : head.fusion();
        int index = head.isSingle() ? head.head() : -1;
        return switch (job.mapKindProperty().get()) {
            case ROLLOUT -> new MapLabel(MapLabel.ROLLOUT, vit.spec().depth(), fusion, index, -1, -1);
            case CLASS_TOKEN -> new MapLabel(MapLabel.CLASS_TOKEN, layer, fusion, index, -1, -1);
            case SELECTED_PATCH -> {
                int selected = view.model().selectedPatchProperty().get();
                yield new MapLabel(MapLabel.PATCH, layer, fusion, index, h.grid().row(selected), h.grid().column(selected));
            }
        };
    }
}
