package dev.patchexplorer.ui.shell;

import dev.patchexplorer.ui.Settings;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.layout.StackPane;

import java.util.List;
import java.util.Optional;

/**
 * The one way to change the view: rail, View menu, Alt+n, startup and links from other views all
 * call {@link #navigate(String)}, and everything that shows the current view follows
 * {@link #activeProperty()}. The chosen id is saved in the settings under {@value #SETTING}.
 */
public final class Navigator {
    public static final String SETTING = "view";
    public static final String DEFAULT = "explore";

    private final List<AppView> views;
    private final StackPane sideHost;
    private final Settings settings;
    private final ReadOnlyObjectWrapper<AppView> active = new ReadOnlyObjectWrapper<>(this, "active");

    public Navigator(List<AppView> views, StackPane sideHost, Settings settings) {
        if (views.isEmpty()) throw new IllegalArgumentException("a window needs at least one view");
        this.views = List.copyOf(views);
        this.sideHost = sideHost;
        this.settings = settings;
    }

    /** Opens the view saved last time, or the first one when none was saved or it is no longer offered. */
    public void restore() {
        String saved = settings.get(SETTING).orElse(DEFAULT);
        AppView start = find(saved).or(() -> find(DEFAULT)).orElse(views.get(0));
        show(start);
    }

    /** Shows the view with this id; an unknown id is refused, so a typo fails a test rather than silently. */
    public void navigate(String id) {
        AppView next = find(id).orElseThrow(() -> new IllegalArgumentException("no view with id " + id));
        if (next == active.get()) return;
        show(next);
        settings.put(SETTING, next.id());
    }

    private void show(AppView next) {
        AppView was = active.get();
        if (was != null) was.activeProperty().set(false);
        sideHost.getChildren().setAll(next.panel());
        // skins now, not at the next pulse: a scroll pane's content joins the scene with its skin, and
        // whoever navigated (the tour, a link) may look for a node in the panel straight away
        if (sideHost.getScene() != null) sideHost.applyCss();
        active.set(next);
        next.activeProperty().set(true);
    }

    public Optional<AppView> find(String id) {
        return views.stream().filter(v -> v.id().equals(id)).findFirst();
    }

    public List<AppView> views() {
        return views;
    }

    public ReadOnlyObjectProperty<AppView> activeProperty() {
        return active.getReadOnlyProperty();
    }

    public AppView getActive() {
        return active.get();
    }
}
