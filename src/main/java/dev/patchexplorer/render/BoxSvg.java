package dev.patchexplorer.render;

import java.util.List;
import java.util.Locale;

/**
 * The objects' boxes as SVG over the grid, in working pixels: one {@code <rect>} per box in layer
 * "boxes", and its label just above it in layer "box-labels". Boxes of one colour share a layer
 * ("boxes", "boxes-2", ...) because a layer carries the stroke.
 */
public final class BoxSvg {
    public static final String LAYER = "boxes";
    public static final String LABELS = "box-labels";

    private BoxSvg() {}

    public static void add(SvgDocument doc, List<SceneBox> boxes) {
        List<Integer> colours = boxes.stream().map(SceneBox::rgb).distinct().toList();
        for (SceneBox b : boxes) {
            int i = colours.indexOf(b.rgb());
            String id = i == 0 ? LAYER : LAYER + "-" + (i + 1);
            doc.layer(id, String.format(Locale.ROOT, "fill=\"none\" stroke=\"#%06x\" stroke-width=\"2\"", b.rgb() & 0xffffff))
                    .rect(b.x(), b.y(), b.width(), b.height());
        }
        for (SceneBox b : boxes) {
            if (b.label().isEmpty()) continue;
            doc.layer(LABELS, "font-family=\"sans-serif\" font-size=\"11\" fill=\"#ffffff\" stroke=\"#000000\" "
                    + "stroke-width=\"0.6\" paint-order=\"stroke\"").text(b.x() + 2, Math.max(11, b.y() - 3), b.label());
        }
    }
}
