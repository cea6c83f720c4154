package dev.patchexplorer.ui.shell;

import dev.patchexplorer.ui.viewer.ImageViewer;
import javafx.beans.property.BooleanProperty;
import javafx.scene.Node;
import javafx.scene.layout.Region;

import java.util.Optional;

/**
 * One view of the window (Explore, Attention, Receptive field, ...): a descriptor with a stable id
 * whose side panel is built on first use and then kept. The image viewer, the patch-size slider and
 * the status bar belong to the frame and are shared by every view.
 */
public interface AppView {
    /** Stable, saved in the settings and used in node ids ("nav-" + id): never rename one. */
    String id();

    /** The resource-bundle key of the title shown in the rail and the View menu. */
    String titleKey();

    /** A short glyph shown above the title in the rail. */
    String icon();

    /** The side panel; the first call builds it, later calls return the same node. */
    Region panel();

    /** Set by the {@link Navigator}: true while this view's panel is the one shown. */
    BooleanProperty activeProperty();

    /**
     * What the image area shows while this view is active, in place of the shared viewer (Compare
     * shows two linked viewers); empty for the shared viewer. Built once and kept, like the panel.
     */
    default Optional<Node> centre() {
        return Optional.empty();
    }

    /** The viewer in {@link #centre()} that the View menu's zoom and the zoom keys act on; empty for the shared one. */
    default Optional<ImageViewer> zoomTarget() {
        return Optional.empty();
    }
}
