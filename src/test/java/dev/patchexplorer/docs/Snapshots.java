package dev.patchexplorer.docs;

import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Bounds;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.SnapshotParameters;
import javafx.scene.image.Image;
import javafx.scene.image.WritableImage;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Pictures of live nodes: snapshot, crop, lay out side by side, write as PNG. Call on the FX thread. */
final class Snapshots {
    private Snapshots() {}

    static WritableImage of(Node node) {
        return node.snapshot(new SnapshotParameters(), null);
    }

    /** The part of {@code node}'s snapshot covered by {@code part}, a node inside it (the image inside the viewer). */
    static WritableImage cropTo(Node node, Node part) {
        WritableImage whole = of(node);
        Bounds b = node.sceneToLocal(part.localToScene(part.getBoundsInLocal()));
        Bounds all = node.getBoundsInLocal(); // the snapshot's top-left corner
        int x = clamp((int) Math.round(b.getMinX() - all.getMinX()), (int) whole.getWidth());
        int y = clamp((int) Math.round(b.getMinY() - all.getMinY()), (int) whole.getHeight());
        int w = Math.min((int) Math.round(b.getWidth()), (int) whole.getWidth() - x);
        int h = Math.min((int) Math.round(b.getHeight()), (int) whole.getHeight() - y);
        return new WritableImage(whole.getPixelReader(), x, y, w, h);
    }

    /** Renders a node that is in no window yet, with the app's stylesheet, on a plain background. */
    static WritableImage ofDetached(Parent root, String stylesheet) {
        root.getStyleClass().add("guide-picture");
        if (root instanceof javafx.scene.layout.Region r) r.setPadding(new Insets(8));
        Scene scene = new Scene(root);
        scene.getStylesheets().add(stylesheet);
        root.applyCss();
        root.layout();
        return of(root);
    }

    /** As an 8-bit palette PNG: a third of the size of full colour, hardly different to the eye. */
    static void writePng(Image image, Path file) {
        BufferedImage rgb = new BufferedImage((int) image.getWidth(), (int) image.getHeight(), BufferedImage.TYPE_INT_RGB);
        SwingFXUtils.fromFXImage(image, rgb);
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            if (!ImageIO.write(MedianCutPalette.reduce(rgb), "png", file.toFile())) throw new IOException("no PNG writer");
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + file, e);
        }
    }

    private static int clamp(int v, int max) {
        return Math.max(0, Math.min(v, max - 1));
    }
}
