package dev.patchexplorer.ui.viewer;

import dev.patchexplorer.core.objects.Box;
import dev.patchexplorer.core.objects.BoxMeasure;
import dev.patchexplorer.core.objects.BoxWarning;
import dev.patchexplorer.ui.objects.ObjectBoxes;
import dev.patchexplorer.ui.objects.ObjectText;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.Text;

/**
 * The objects of interest: each box outlined (amber when it is under two patches on its short side, red
 * under one) with a label of its name and the patches it touches at the current patch size; the box
 * being drawn dashed.
 */
public final class BoxOverlay implements Overlay {
    static final Color BOX = Color.web("#00e5ff");
    static final Color SMALL = Color.web("#ffb000");
    static final Color TOO_SMALL = Color.web("#ff4040");
    private static final Color HALO = Color.rgb(0, 0, 0, 0.65);
    private static final Color LABEL_BACK = Color.rgb(0, 0, 0, 0.7);
    private static final Font FONT = Font.font("System", 12);
    private final ObjectBoxes boxes;

    public BoxOverlay(ObjectBoxes boxes) {
        this.boxes = boxes;
    }

    @Override
    public void paint(GraphicsContext g, ViewTransform view) {
        for (Box b : boxes.boxes()) {
            BoxMeasure m = boxes.measure(b);
            Color c = colour(m == null ? BoxWarning.NONE : m.warning());
            double x = view.toScreenX(b.x()), y = view.toScreenY(b.y());
            double w = b.width() * view.scale(), h = b.height() * view.scale();
            outline(g, x, y, w, h, c);
            label(g, x, y, ObjectText.label(b, m), c);
        }
        Box draft = boxes.draftProperty().get();
        if (draft != null) {
            g.setLineDashes(6, 4);
            outline(g, view.toScreenX(draft.x()), view.toScreenY(draft.y()), draft.width() * view.scale(),
                    draft.height() * view.scale(), BOX);
            g.setLineDashes((double[]) null);
        }
    }

    static Color colour(BoxWarning w) {
        return switch (w) {
            case UNDER_ONE_PATCH -> TOO_SMALL;
            case UNDER_TWO_PATCHES -> SMALL;
            case NONE -> BOX;
        };
    }

    /** The outline colour as 0xRRGGBB, for the exported picture and SVG. */
    public static int rgb(BoxWarning w) {
        Color c = colour(w);
        return (int) Math.round(c.getRed() * 255) << 16 | (int) Math.round(c.getGreen() * 255) << 8
                | (int) Math.round(c.getBlue() * 255);
    }

    private static void outline(GraphicsContext g, double x, double y, double w, double h, Color c) {
        g.setStroke(HALO);
        g.setLineWidth(4);
        g.strokeRect(x, y, w, h);
        g.setStroke(c);
        g.setLineWidth(2);
        g.strokeRect(x, y, w, h);
    }

    /** Above the box's top-left corner, or inside it when the box touches the top of the view. */
    private static void label(GraphicsContext g, double x, double y, String text, Color c) {
        Text measure = new Text(text);
        measure.setFont(FONT);
        double tw = measure.getLayoutBounds().getWidth() + 8, th = measure.getLayoutBounds().getHeight() + 4;
        double ty = y - th - 1 < 0 ? y + 2 : y - th - 1;
        g.setFill(LABEL_BACK);
        g.fillRect(x, ty, tw, th);
        g.setFill(c);
        g.setFont(FONT);
        g.setTextBaseline(VPos.TOP);
        g.fillText(text, x + 4, ty + 2);
    }
}
