package dev.patchexplorer.ui;

import dev.patchexplorer.core.grid.AspectMode;
import dev.patchexplorer.core.grid.WorkingResolution;
import dev.patchexplorer.core.physical.PatchPhysics;
import dev.patchexplorer.core.physical.PhysicalScale;
import dev.patchexplorer.core.physical.TilePreset;
import dev.patchexplorer.imagefile.PixelSize;
import dev.patchexplorer.ui.io.LoadedImage;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * The image's physical scale in the window: µm per original pixel (from the file when it states one,
 * or typed by hand), whether the readouts show µm, a tissue area to count patches for, and the tile
 * presets that set the working size from the scale. FX thread.
 */
public final class PhysicalUnits {
    /** The working sizes the size box accepts. */
    public static final int MIN_WORKING = 16;
    public static final int MAX_WORKING = 4096;

    private final ExplorerViewModel model;
    private final ObjectProperty<PhysicalScale> scale = new SimpleObjectProperty<>(this, "scale");
    private final ObjectProperty<PixelSize.Origin> fileOrigin = new SimpleObjectProperty<>(this, "fileOrigin");
    private final BooleanProperty showMicrons = new SimpleBooleanProperty(this, "showMicrons", false);
    /** mm² of tissue; 0 for none. */
    private final DoubleProperty tissueMm2 = new SimpleDoubleProperty(this, "tissueMm2", 0);

    /** What choosing a preset did: the working size set, or why none was. */
    public record PresetOutcome(TilePreset preset, int workingSize, double sourcePixelsPerTile, boolean applied) {}

    PhysicalUnits(ExplorerViewModel model) {
        this.model = model;
        model.imageProperty().addListener((o, was, now) -> takeFromFile(now));
    }

    /** A new image brings its own scale, or none: a hand value belongs to the image it was typed for. */
    private void takeFromFile(LoadedImage img) {
        PixelSize s = img == null ? null : img.pixelSize();
        fileOrigin.set(s == null ? null : s.origin());
        scale.set(s == null ? null : s.toScale());
    }

    /** µm per pixel typed by the user; null goes back to the file's (or none). */
    public void setByHand(Double micronsPerPixel) {
        if (micronsPerPixel == null) {
            takeFromFile(model.getImage());
            return;
        }
        scale.set(PhysicalScale.square(micronsPerPixel, PhysicalScale.Source.HAND));
    }

    /**
     * The patch under the current grid on the slide, or null without a scale. The scale is per pixel
     * of the file; the working image is resized from the (possibly subsampled) decoded one, which
     * stands for the file's full {@code originalWidth}.
     */
    public PatchPhysics patch() {
        PhysicalScale s = scale.get();
        WorkingResolution w = model.getWorking();
        if (s == null || w == null) return null;
        LoadedImage img = model.getImage();
        int ow = img == null ? w.originalWidth() : img.originalWidth();
        int oh = img == null ? w.originalHeight() : img.originalHeight();
        return PatchPhysics.of(s, ow, oh, w.width(), w.height(), model.getPatch());
    }

    /**
     * Sets the working size (aspect kept, so both axes share one scale) that reads the image at the
     * preset's magnification. Not applied without a scale or when the size falls outside the box's range.
     */
    public PresetOutcome apply(TilePreset preset) {
        PhysicalScale s = scale.get();
        if (s == null) return new PresetOutcome(preset, 0, Double.NaN, false);
        LoadedImage img = model.getImage();
        WorkingResolution w = model.getWorking();
        int shorter = img == null ? Math.min(w.originalWidth(), w.originalHeight()) : Math.min(img.originalWidth(), img.originalHeight());
        int size = preset.workingSize(shorter, s.micronsPerPixel());
        double source = preset.sourcePixelsPerTile(s.micronsPerPixel());
        if (size < MIN_WORKING || size > MAX_WORKING) return new PresetOutcome(preset, size, source, false);
        model.aspectModeProperty().set(AspectMode.KEEP);
        model.workingSizeProperty().set(size);
        return new PresetOutcome(preset, size, source, true);
    }

    public ObjectProperty<PhysicalScale> scaleProperty() { return scale; }
    public PhysicalScale getScale() { return scale.get(); }
    public ObjectProperty<PixelSize.Origin> fileOriginProperty() { return fileOrigin; }
    public BooleanProperty showMicronsProperty() { return showMicrons; }
    public DoubleProperty tissueMm2Property() { return tissueMm2; }
}
