package dev.patchexplorer.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.patchexplorer.core.rf.EffectiveReceptiveField;
import dev.patchexplorer.core.rf.EffectiveReceptiveField.ErfSummary;
import dev.patchexplorer.core.rf.PixelBox;

/**
 * One effective receptive field, on the grid of the model input (which is the working image for a CNN
 * and for a ViT in FLEXI mode; RESIZE mode resizes it so that {@code scale} working pixels make one
 * input pixel).
 *
 * @param mass      per input pixel, sum over R, G, B of |d unit / d pixel|; rows of {@code width}
 * @param centreY   the unit's centre in input pixels (pixel i is centred at i, as in core.rf)
 * @param field     the theoretical receptive field in input pixels, padding included
 * @param unit      how the clicked point was turned into a unit, for the JSON
 * @param fieldInfo extra facts about the theoretical field (stride, padding), for the JSON
 */
record ErfResult(String layer, int height, int width, double scale, float[] mass, double centreY, double centreX,
                 PixelBox field, int theoreticalSize, JsonObject unit, JsonObject fieldInfo) {

    PixelBox fieldInsideImage() {
        return field.intersect(PixelBox.image(height, width));
    }

    ErfSummary summary() {
        return EffectiveReceptiveField.summarize(mass, height, width, centreY, centreX, theoreticalSize);
    }

    /** Share of the gradient mass on pixels inside the theoretical field (1 for a CNN: no path reaches outside). */
    double massInsideField() {
        PixelBox in = fieldInsideImage();
        double inside = 0, total = 0;
        for (int i = 0; i < mass.length; i++) {
            int y = i / width, x = i % width;
            total += mass[i];
            if (x >= in.x0() && x < in.x1() && y >= in.y0() && y < in.y1()) inside += mass[i];
        }
        return total == 0 ? 0 : inside / total;
    }

    JsonObject toJson() {
        JsonObject o = new JsonObject();
        o.addProperty("layer", layer);
        o.add("input", pair(height, width));
        o.addProperty("scale", scale);
        o.add("unit", unit);
        JsonObject rf = fieldInfo.deepCopy();
        rf.addProperty("size", theoreticalSize);
        rf.add("box", box(field));
        rf.add("inside_image", box(fieldInsideImage()));
        o.add("theoretical_rf", rf);
        ErfSummary s = summary();
        JsonObject erf = new JsonObject();
        erf.addProperty("radius50", s.radius50());
        erf.addProperty("radius90", s.radius90());
        erf.addProperty("fraction50", s.fraction50());
        erf.addProperty("fraction90", s.fraction90());
        erf.addProperty("mass_inside_theoretical_rf", massInsideField());
        erf.addProperty("definition", "radius of the smallest disc around the unit's centre holding 50 % / 90 % of the gradient"
                + " mass, in input pixels; fraction = radius / (theoretical size / 2)");
        o.add("erf", erf);
        o.addProperty("gradient_definition", "gradient[y][x] = sum over R, G, B of |d (sum over channels of the unit) / d input"
                + " pixel (x, y)|, on the model-input grid");
        JsonArray rows = new JsonArray();
        for (int y = 0; y < height; y++) {
            JsonArray row = new JsonArray();
            for (int x = 0; x < width; x++) row.add(mass[y * width + x]);
            rows.add(row);
        }
        o.add("gradient", rows);
        return o;
    }

    static JsonObject box(PixelBox b) {
        JsonObject o = new JsonObject();
        o.addProperty("x0", b.x0());
        o.addProperty("y0", b.y0());
        o.addProperty("x1", b.x1());
        o.addProperty("y1", b.y1());
        return o;
    }

    static JsonArray pair(int h, int w) {
        JsonArray a = new JsonArray();
        a.add(h);
        a.add(w);
        return a;
    }
}
