package dev.patchexplorer.ui.views.concepts;

import dev.patchexplorer.ui.Messages;
import dev.patchexplorer.ui.jobs.LatestJob;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.layout.Region;
import javafx.util.Duration;

import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * One concept: a stable id, its texts from the bundle ({@code concept.<id>.title}, {@code .explain},
 * {@code .try}) and a body (picture and readouts) built on first use. A page works only while it is
 * shown: inputs that change while it is hidden mark it stale, and it refreshes once when shown again.
 */
public abstract class ConceptPage {
    private final String id;
    private final BooleanProperty shown = new SimpleBooleanProperty(this, "shown");
    private Region body;
    private boolean stale = true;

    protected ConceptPage(String id) {
        this.id = id;
        shown.addListener((o, was, now) -> {
            if (now && stale) refreshNow();
        });
    }

    /** Stable: used in node ids ({@code concept-<id>-...}) and the bundle keys. */
    public final String id() { return id; }

    public final String title() { return Messages.get("concept." + id + ".title"); }

    public final String explanation() { return Messages.get("concept." + id + ".explain"); }

    public final String tryThis() { return Messages.get("concept." + id + ".try"); }

    /** The picture and readouts; the first call builds them and (if shown) fills them. */
    public final Region body() {
        if (body == null) {
            body = buildBody();
            body.setId("concept-" + id + "-body");
            if (shown.get()) refreshNow(); // shown before its body existed: fill it now
        }
        return body;
    }

    /** Set by the pane: true while this page is selected and the Concepts view is on screen. */
    public final BooleanProperty shownProperty() { return shown; }

    protected abstract Region buildBody();

    /** Brings the picture and readouts up to date with the frame's state; FX thread, only while shown. */
    protected abstract void refresh();

    /** Refreshes on every change of {@code inputs} while shown; later, once, when shown again otherwise. */
    protected final void follow(Observable... inputs) {
        for (Observable input : inputs) input.addListener(x -> changed());
    }

    /** Something the page shows has changed. */
    protected final void changed() {
        if (shown.get() && body != null) refreshNow();
        else stale = true;
    }

    /**
     * A latest-wins job for this page's background work, started with {@link LatestJob#runNow}: no
     * debounce (a page asks only on a change it shows) and no viewers of its own, because the page
     * itself asks only while shown. {@code onFailure} gets the latest request's failure on the FX thread.
     */
    protected final LatestJob backgroundJob(Executor executor, Consumer<Throwable> onFailure) {
        LatestJob job = new LatestJob("concept " + id, executor, Duration.ZERO, () -> { });
        job.onFailure(onFailure);
        return job;
    }

    private void refreshNow() {
        if (body == null) return;
        stale = false;
        refresh();
    }
}
