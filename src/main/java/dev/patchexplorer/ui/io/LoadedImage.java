package dev.patchexplorer.ui.io;

import javafx.scene.image.Image;

import java.nio.file.Path;

/** A decoded image ready to show, and where it came from (null for a pasted image). */
public record LoadedImage(Image image, String name, Path source) {
    public int width() {
        return (int) image.getWidth();
    }

    public int height() {
        return (int) image.getHeight();
    }
}
