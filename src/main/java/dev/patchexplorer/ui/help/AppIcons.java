package dev.patchexplorer.ui.help;

import javafx.scene.image.Image;
import javafx.stage.Stage;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/** The app icon in the sizes window managers pick from (rendered from assets/icons). */
public final class AppIcons {
    private static final int[] SIZES = {16, 24, 32, 48, 64, 128, 256};
    private static List<Image> images;

    private AppIcons() {}

    public static synchronized List<Image> images() {
        if (images == null) {
            List<Image> loaded = new ArrayList<>();
            for (int size : SIZES) loaded.add(load("patch-explorer-" + size + ".png"));
            images = List.copyOf(loaded);
        }
        return images;
    }

    /** The largest icon, for dialogs that show it as a picture. */
    public static Image large() {
        return load("patch-explorer-128.png");
    }

    public static void applyTo(Stage stage) {
        stage.getIcons().setAll(images());
    }

    private static Image load(String name) {
        InputStream in = AppIcons.class.getResourceAsStream("/dev/patchexplorer/icons/" + name);
        // fail fast: a missing icon is a packaging mistake, not something to run without
        if (in == null) throw new IllegalStateException("icon missing from the build: " + name);
        return new Image(in);
    }
}
