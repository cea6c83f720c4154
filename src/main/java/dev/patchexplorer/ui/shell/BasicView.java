package dev.patchexplorer.ui.shell;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.layout.Region;

/** The bookkeeping every view shares: its descriptor fields, the active flag and the panel built once. */
public abstract class BasicView implements AppView {
    private final String id;
    private final String titleKey;
    private final String icon;
    private final BooleanProperty active = new SimpleBooleanProperty(this, "active");
    private Region panel;

    protected BasicView(String id, String titleKey, String icon) {
        this.id = id;
        this.titleKey = titleKey;
        this.icon = icon;
    }

    /** Builds the side panel; called once, on the view's first use. */
    protected abstract Region buildPanel();

    @Override public final String id() { return id; }
    @Override public final String titleKey() { return titleKey; }
    @Override public final String icon() { return icon; }
    @Override public final BooleanProperty activeProperty() { return active; }

    @Override
    public final Region panel() {
        if (panel == null) panel = buildPanel();
        return panel;
    }

    /** Whether the panel has been built yet (views not yet chosen cost nothing at startup). */
    public final boolean built() {
        return panel != null;
    }
}
