package dev.patchexplorer.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.patchexplorer.core.physical.PatchPhysics;
import dev.patchexplorer.core.physical.PhysicalScale;
import dev.patchexplorer.core.physical.TilePreset;

import java.util.Locale;

/** The physical figures of {@code tradeoffs}: µm per pixel, magnification, patch side and area, tile presets. */
final class PhysicalJson {
    static final String NO_SCALE_NOTE = "no µm per pixel: the file states none (TIFF resolution in inch or cm, "
            + "PNG pHYs in metres, OME-TIFF PhysicalSize); pass --mpp to get physical sizes";

    private PhysicalJson() {}

    /**
     * Adds the figures to {@code o}. Without a scale no physical key is written (none would be true); a
     * picture without one gets a note saying so.
     */
    static void add(JsonObject o, PhysicalGeometry g, int patch, Double tissueMm2) throws UsageException {
        if (g.image() != null) o.add("image", ImageFiles.describeJson(g.image()));
        PhysicalScale s = g.scale();
        if (s == null) {
            if (g.image() != null) o.addProperty("physical_note", NO_SCALE_NOTE);
            if (tissueMm2 != null) throw new UsageException("--" + PhysicalGeometry.TISSUE + " needs a µm per pixel: pass --mpp");
            return;
        }
        PatchPhysics p = PatchPhysics.of(s, g.coveredWidth(), g.coveredHeight(), g.width(), g.height(), patch);
        o.addProperty("mpp", round(s.micronsPerPixel(), 6));
        o.addProperty("mpp_x", round(s.micronsPerPixelX(), 6));
        o.addProperty("mpp_y", round(s.micronsPerPixelY(), 6));
        o.addProperty("mpp_source", g.scaleOrigin());
        if (s.anisotropic()) {
            o.addProperty("physical_note", String.format(Locale.ROOT,
                    "the file's x and y pixel sizes differ by more than 1 %% (%.4g and %.4g µm); mpp is their mean",
                    s.micronsPerPixelX(), s.micronsPerPixelY()));
        }
        o.addProperty("magnification", round(s.magnification(), 4));
        o.addProperty("working_mpp", round((p.micronsPerWorkingPixelX() + p.micronsPerWorkingPixelY()) / 2, 6));
        o.addProperty("working_magnification", round(p.workingMagnification(), 4));
        o.addProperty("source_px_per_patch", round((p.sourcePixelsX() + p.sourcePixelsY()) / 2, 3));
        o.addProperty("patch_um", round((p.patchWidthMicrons() + p.patchHeightMicrons()) / 2, 4));
        o.addProperty("patch_um_x", round(p.patchWidthMicrons(), 4));
        o.addProperty("patch_um_y", round(p.patchHeightMicrons(), 4));
        o.addProperty("patch_area_um2", round(p.patchAreaMicrons2(), 3));
        o.addProperty("patches_per_mm2", round(p.patchesPerMm2(), 3));
        if (tissueMm2 != null) {
            o.addProperty("tissue_mm2", tissueMm2);
            o.addProperty("patches_for_tissue", p.patchesFor(tissueMm2));
        }
        o.add("tile_presets", presets(s.micronsPerPixel(), g.shorterOriginalSide()));
    }

    /** For each published tile convention: the working size that reads it at its magnification, and its source pixels. */
    private static JsonArray presets(double mpp, int shorterSide) {
        JsonArray a = new JsonArray();
        for (TilePreset t : TilePreset.values()) {
            JsonObject p = new JsonObject();
            p.addProperty("tile_px", t.tilePixels());
            p.addProperty("magnification", t.magnification());
            p.addProperty("tile_um", t.tileMicrons());
            p.addProperty("encoders", t.encoders());
            p.addProperty("source_px_per_tile", round(t.sourcePixelsPerTile(mpp), 2));
            p.addProperty("resampling", round(t.resampling(mpp), 4));
            p.addProperty("working_size", t.workingSize(shorterSide, mpp));
            a.add(p);
        }
        return a;
    }

    private static double round(double v, int places) {
        double f = Math.pow(10, places);
        return Math.round(v * f) / f;
    }
}
