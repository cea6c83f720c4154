package dev.patchexplorer.render;

import dev.patchexplorer.core.color.HeatScale;
import dev.patchexplorer.core.vit.PatchMode;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The settings line under an exported view: "chelsea.png · vit_tiny_patch16_224 · FlexiViT · patch 16 ·
 * rollout, mean of heads · input 224 px". Without a model only image and patch; the input size is the real
 * model input (resize mode at patch 32 feeds a 112-px image).
 *
 * @param model   the model's name, or null for none
 * @param mode    null without a model
 * @param map     null without a heatmap
 * @param inputW  model input width in pixels, 0 when there is no pass
 * @param scale   the heatmap's colour scale (named when not linear)
 * @param artifacts  how many artifact patches the pass has (named when more than 0)
 * @param discounted whether they were discounted (else only marked)
 */
public record Caption(String image, String model, PatchMode mode, int patch, MapLabel map, int inputW, int inputH,
                      HeatScale.Kind scale, int artifacts, boolean discounted) {

    /** A linear map, no artifact patches named. */
    public Caption(String image, String model, PatchMode mode, int patch, MapLabel map, int inputW, int inputH) {
        this(image, model, mode, patch, map, inputW, inputH, HeatScale.Kind.LINEAR, 0, false);
    }

    public String text(Locale locale) {
        List<String> parts = new ArrayList<>();
        parts.add(image);
        if (model != null) parts.add(model);
        if (mode != null) parts.add(CaptionWords.get(locale, "mode." + mode.name().toLowerCase(Locale.ROOT)));
        parts.add(CaptionWords.format(locale, "patch", patch));
        if (map != null) {
            parts.add(map.describe(locale));
            if (artifacts > 0) parts.add(CaptionWords.format(locale, discounted ? "artifacts.discounted" : "artifacts.marked", artifacts));
            if (scale != null && scale != HeatScale.Kind.LINEAR) parts.add(CaptionWords.get(locale, "scale." + scale.name().toLowerCase(Locale.ROOT)));
        }
        if (inputW > 0) {
            parts.add(inputW == inputH ? CaptionWords.format(locale, "input.square", inputW)
                    : CaptionWords.format(locale, "input", inputW, inputH));
        }
        return String.join(ViewLayout.SEPARATOR, parts);
    }
}
