package dev.patchexplorer.ui;

import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.chart.Chart;
import javafx.scene.control.Control;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableView;

import java.util.ArrayList;
import java.util.List;

/** What in the Choose panel reaches past its scroll pane's viewport sideways; FX thread, after a layout. */
final class ChoosePanelFit {
    private ChoosePanelFit() {}

    /** Each shown control, and the chart, that does not lie within the viewport's width; empty when all fit. */
    static List<String> overflowing(ScrollPane scroll) {
        scroll.getScene().getRoot().applyCss();
        scroll.getScene().getRoot().layout();
        Node content = scroll.getContent();
        double width = scroll.getViewportBounds().getWidth();
        List<String> out = new ArrayList<>();
        if (width < 200) out.add("viewport only " + Math.round(width) + " px wide");
        if (content.getLayoutBounds().getWidth() > width + 0.5) {
            out.add("content " + Math.round(content.getLayoutBounds().getWidth()) + " px in a " + Math.round(width) + " px viewport");
        }
        collect(content, content, width, out);
        return out;
    }

    private static void collect(Node node, Node content, double width, List<String> out) {
        if (!node.isVisible() || !node.isManaged() && node != content) return;
        if (node instanceof Control || node instanceof Chart) {
            Bounds b = content.sceneToLocal(node.localToScene(node.getLayoutBounds()));
            if (b.getMinX() < -0.5 || b.getMaxX() > width + 0.5) {
                out.add(describe(node) + " spans x " + Math.round(b.getMinX()) + ".." + Math.round(b.getMaxX()) + " of " + Math.round(width));
            }
        }
        // a table scrolls its own columns, and a control's inner parts are its own business once it fits
        if (node instanceof TableView<?> || node instanceof Control) return;
        if (node instanceof Parent p) {
            for (Node child : p.getChildrenUnmodifiable()) collect(child, content, width, out);
        }
    }

    private static String describe(Node n) {
        String text = n instanceof javafx.scene.control.Labeled l ? " '" + l.getText() + "'" : "";
        return n.getClass().getSimpleName() + (n.getId() == null ? "" : " #" + n.getId()) + text;
    }
}
