package dev.patchexplorer.ui.viewer;

import dev.patchexplorer.core.grid.PatchGrid;
import dev.patchexplorer.core.grid.WorkingResolution;
import dev.patchexplorer.ui.ExplorerViewModel;
import dev.patchexplorer.ui.GridStyle;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.shape.FillRule;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;

/**
 * The patch grid, drawn in working-resolution pixels mapped onto the original image. Only visible
 * lines are drawn; when lines would be closer than a few screen pixels the grid's area is filled
 * instead, so a 2-px grid on a 4000-px image costs no more than a 128-px one.
 */
public final class GridOverlay implements Overlay {
    /** Below this spacing in screen pixels individual lines stop being readable. */
    static final double MIN_LINE_SPACING = 3;
    private static final double MIN_LABEL_CELL = 26;
    private static final int MAX_LABELS = 1500;
    private static final Color DROPPED_SHADE = Color.rgb(0, 0, 0, 0.45);
    private static final Color PADDING_FILL = Color.rgb(255, 0, 160, 0.22);
    private static final Color SELECTED = Color.web("#00e5ff");
    private static final Font LABEL_FONT = Font.font("System", FontWeight.BOLD, 10);

    private final ExplorerViewModel model;

    public GridOverlay(ExplorerViewModel model) {
        this.model = model;
    }

    @Override
    public void paint(GraphicsContext g, ViewTransform view) {
        PatchGrid grid = model.getGrid();
        WorkingResolution w = model.getWorking();
        GridStyle style = model.gridStyleProperty().get();
        if (grid == null || w == null) return;
        Mapping m = new Mapping(view, w);
        shadeDroppedAndPadded(g, grid, m);
        if (!style.visible() || grid.isEmpty()) return;

        g.setGlobalAlpha(style.opacity());
        double spacingX = grid.stride() * m.sx;
        double spacingY = grid.stride() * m.sy;
        if (Math.min(spacingX, spacingY) < MIN_LINE_SPACING) {
            g.setFill(style.color().deriveColor(0, 1, 1, 0.35));
            g.fillRect(m.x(grid.cellX(0)), m.y(grid.cellY(0)), extentW(grid) * m.sx, extentH(grid) * m.sy);
        } else {
            drawLines(g, grid, m, style);
            if (style.labels() && Math.min(grid.patch() * m.sx, grid.patch() * m.sy) >= MIN_LABEL_CELL) {
                drawLabels(g, grid, m);
            }
        }
        g.setGlobalAlpha(1);
        highlight(g, grid, m, model.hoverPatchProperty().get(), style.color(), 1.5, true);
        highlight(g, grid, m, model.selectedPatchProperty().get(), SELECTED, 2.5, false);
    }

    /** Screen mapping of working pixels: working -> original (scaleX/Y) -> screen (view transform). */
    private record Mapping(double ox, double oy, double sx, double sy, double viewW, double viewH) {
        Mapping(ViewTransform v, WorkingResolution w) {
            this(v.translateX(), v.translateY(), w.scaleX() * v.scale(), w.scaleY() * v.scale(), v.viewWidth(), v.viewHeight());
        }

        double x(double wx) {
            return ox + wx * sx;
        }

        double y(double wy) {
            return oy + wy * sy;
        }

        double workingX(double screenX) {
            return (screenX - ox) / sx;
        }

        double workingY(double screenY) {
            return (screenY - oy) / sy;
        }
    }

    private static double extentW(PatchGrid g) {
        return (g.cols() - 1) * (double) g.stride() + g.patch();
    }

    private static double extentH(PatchGrid g) {
        return (g.rows() - 1) * (double) g.stride() + g.patch();
    }

    /** Darkens image pixels the grid drops and tints padding the grid adds, so the cost is visible. */
    private void shadeDroppedAndPadded(GraphicsContext g, PatchGrid grid, Mapping m) {
        double imgX = m.x(0), imgY = m.y(0), imgW = grid.width() * m.sx, imgH = grid.height() * m.sy;
        g.setFillRule(FillRule.EVEN_ODD);
        if (grid.isEmpty()) {
            g.setFill(DROPPED_SHADE);
            g.fillRect(imgX, imgY, imgW, imgH);
            return;
        }
        double cx = m.x(grid.cellX(0)), cy = m.y(grid.cellY(0));
        double cw = Math.min(extentW(grid), grid.width() - grid.cellX(0)) * m.sx;
        double ch = Math.min(extentH(grid), grid.height() - grid.cellY(0)) * m.sy;
        g.setFill(DROPPED_SHADE);
        g.beginPath();
        g.rect(imgX, imgY, imgW, imgH);
        g.rect(cx, cy, cw, ch);
        g.fill();
        if (grid.paddedPixels() > 0) {
            g.setFill(PADDING_FILL);
            g.beginPath();
            g.rect(cx, cy, extentW(grid) * m.sx, extentH(grid) * m.sy);
            g.rect(cx, cy, cw, ch);
            g.fill();
        }
        g.setFillRule(FillRule.NON_ZERO);
    }

    private void drawLines(GraphicsContext g, PatchGrid grid, Mapping m, GridStyle style) {
        g.setStroke(style.color());
        g.setLineWidth(style.lineWidth());
        boolean separateEnds = grid.stride() != grid.patch();
        int c0 = firstVisible(m.workingX(0), grid.cellX(0), grid.stride(), grid.patch(), grid.cols());
        int c1 = lastVisible(m.workingX(m.viewW), grid.cellX(0), grid.stride(), grid.cols());
        int r0 = firstVisible(m.workingY(0), grid.cellY(0), grid.stride(), grid.patch(), grid.rows());
        int r1 = lastVisible(m.workingY(m.viewH), grid.cellY(0), grid.stride(), grid.rows());
        double top = Math.max(0, m.y(grid.cellY(0)));
        double bottom = Math.min(m.viewH, m.y(grid.cellY(0) + extentH(grid)));
        double left = Math.max(0, m.x(grid.cellX(0)));
        double right = Math.min(m.viewW, m.x(grid.cellX(0) + extentW(grid)));
        for (int c = c0; c <= c1; c++) {
            vertical(g, crisp(m.x(grid.cellX(c)), style.lineWidth()), top, bottom);
            if (separateEnds || c == grid.cols() - 1) {
                vertical(g, crisp(m.x(grid.cellX(c) + grid.patch()), style.lineWidth()), top, bottom);
            }
        }
        for (int r = r0; r <= r1; r++) {
            horizontal(g, crisp(m.y(grid.cellY(r)), style.lineWidth()), left, right);
            if (separateEnds || r == grid.rows() - 1) {
                horizontal(g, crisp(m.y(grid.cellY(r) + grid.patch()), style.lineWidth()), left, right);
            }
        }
    }

    /** First cell whose far edge is right of {@code from} (working pixels). */
    static int firstVisible(double from, int origin, int stride, int patch, int count) {
        return (int) Math.max(0, Math.min(count - 1, Math.floor((from - origin - patch) / stride) + 1));
    }

    static int lastVisible(double to, int origin, int stride, int count) {
        return (int) Math.max(-1, Math.min(count - 1, Math.floor((to - origin) / stride)));
    }

    private static void vertical(GraphicsContext g, double x, double top, double bottom) {
        g.strokeLine(x, top, x, bottom);
    }

    private static void horizontal(GraphicsContext g, double y, double left, double right) {
        g.strokeLine(left, y, right, y);
    }

    /** Odd-width lines on half pixels, so a 1-px line is one crisp pixel, not two grey ones. */
    private static double crisp(double v, double width) {
        return Math.round(width) % 2 == 1 ? Math.floor(v) + 0.5 : Math.round(v);
    }

    private void drawLabels(GraphicsContext g, PatchGrid grid, Mapping m) {
        int c0 = firstVisible(m.workingX(0), grid.cellX(0), grid.stride(), grid.patch(), grid.cols());
        int c1 = lastVisible(m.workingX(m.viewW), grid.cellX(0), grid.stride(), grid.cols());
        int r0 = firstVisible(m.workingY(0), grid.cellY(0), grid.stride(), grid.patch(), grid.rows());
        int r1 = lastVisible(m.workingY(m.viewH), grid.cellY(0), grid.stride(), grid.rows());
        if ((long) (c1 - c0 + 1) * (r1 - r0 + 1) > MAX_LABELS) return;
        g.setFont(LABEL_FONT);
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        for (int r = r0; r <= r1; r++) {
            for (int c = c0; c <= c1; c++) {
                String text = Integer.toString(r * grid.cols() + c);
                double x = m.x(grid.cellX(c)) + 3;
                double y = m.y(grid.cellY(r)) + 2;
                g.setFill(Color.rgb(0, 0, 0, 0.55));
                g.fillRect(x - 1, y, text.length() * 6.2 + 2, 12);
                g.setFill(Color.WHITE);
                g.fillText(text, x, y);
            }
        }
    }

    private void highlight(GraphicsContext g, PatchGrid grid, Mapping m, int index, Color color, double width, boolean fill) {
        if (index < 0 || index >= grid.patchCount()) return;
        double x = m.x(grid.cellX(grid.column(index)));
        double y = m.y(grid.cellY(grid.row(index)));
        double w = grid.patch() * m.sx;
        double h = grid.patch() * m.sy;
        if (fill) {
            g.setFill(color.deriveColor(0, 1, 1, 0.28));
            g.fillRect(x, y, w, h);
        }
        g.setStroke(color);
        g.setLineWidth(width);
        g.strokeRect(x, y, w, h);
    }
}
