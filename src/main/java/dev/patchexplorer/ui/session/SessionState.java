package dev.patchexplorer.ui.session;

import dev.patchexplorer.ui.ExplorerView;
import dev.patchexplorer.ui.choose.ChooseViewModel;
import dev.patchexplorer.ui.viewer.ImageViewer;
import dev.patchexplorer.ui.views.choose.ChooseView;
import dev.patchexplorer.ui.views.concepts.ConceptsPane;
import dev.patchexplorer.ui.views.concepts.ConceptsView;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

/**
 * Takes the window's state as a {@link Session}, and puts the settings, boxes and view of one back.
 * Both walk the same lists of {@link SessionSettings}, so what is saved is what is restored. FX thread.
 */
public final class SessionState {
    private static final Logger LOG = Logger.getLogger(SessionState.class.getName());
    static final String GRID = "grid";
    static final String ATTENTION = "attention";
    static final String GRADIENTS = "gradients";
    static final String PHYSICAL = "physical";
    static final String RECEPTIVE_FIELD = "receptiveField";
    static final String CHOOSE = "choose";
    static final String CONCEPTS = "concepts";

    private SessionState() {}

    public static Session capture(ExplorerView view) {
        var image = view.model().getImage();
        Path model = view.models().loadedFolderProperty().get();
        Map<String, Map<String, Object>> sections = new LinkedHashMap<>();
        sections.put(GRID, read(SessionSettings.GRID, view.model()));
        sections.put(ATTENTION, read(SessionSettings.ATTENTION, view.attention()));
        sections.put(GRADIENTS, read(SessionSettings.GRADIENTS, view.gradients()));
        sections.put(PHYSICAL, read(SessionSettings.PHYSICAL, view.model().physicalUnits()));
        sections.put(RECEPTIVE_FIELD, read(SessionSettings.RECEPTIVE_FIELD, view.fields()));
        sections.put(CHOOSE, read(SessionSettings.CHOOSE, choose(view)));
        sections.put(CONCEPTS, read(SessionSettings.CONCEPTS, concepts(view)));
        ImageViewer v = view.viewer();
        Session.Place place = v.isFitted() || image == null ? Session.Place.FITTED
                : new Session.Place(false, v.scaleProperty().get(), v.toImageX(v.getWidth() / 2), v.toImageY(v.getHeight() / 2));
        return new Session(image == null || image.source() == null ? null : image.source().toAbsolutePath().normalize().toString(),
                model == null ? null : model.toString(), sections, view.navigator().getActive().id(), place,
                List.copyOf(view.boxes().boxes()));
    }

    /**
     * Applies every setting the session holds (those it lacks keep their values), then the boxes, the
     * view and its zoom. Returns the keys whose values were refused.
     */
    public static List<String> apply(Session s, ExplorerView view) {
        List<String> refused = new ArrayList<>();
        // Touching a map's settings shows that map (HeatmapChoice): which one is shown goes last.
        for (boolean late : new boolean[] {false, true}) {
            write(SessionSettings.GRID, view.model(), s.section(GRID), GRID, late, refused);
            write(SessionSettings.ATTENTION, view.attention(), s.section(ATTENTION), ATTENTION, late, refused);
            write(SessionSettings.GRADIENTS, view.gradients(), s.section(GRADIENTS), GRADIENTS, late, refused);
            write(SessionSettings.PHYSICAL, view.model().physicalUnits(), s.section(PHYSICAL), PHYSICAL, late, refused);
            write(SessionSettings.RECEPTIVE_FIELD, view.fields(), s.section(RECEPTIVE_FIELD), RECEPTIVE_FIELD, late, refused);
            write(SessionSettings.CHOOSE, choose(view), s.section(CHOOSE), CHOOSE, late, refused);
            write(SessionSettings.CONCEPTS, concepts(view), s.section(CONCEPTS), CONCEPTS, late, refused);
        }
        view.boxes().boxes().setAll(s.boxes());
        if (s.viewId() != null && view.navigator().find(s.viewId()).isPresent()) view.navigator().navigate(s.viewId());
        Session.Place p = s.place();
        if (p.fitted()) view.viewer().fitToWindow();
        else view.viewer().showAt(p.scale(), p.centreX(), p.centreY());
        if (!refused.isEmpty()) LOG.info(() -> "Session values refused: " + refused);
        return refused;
    }

    /** The Choose view's state; its pane is built on first use, here if it has not been shown yet. */
    private static ChooseViewModel choose(ExplorerView view) {
        return view.view(ChooseView.ID, ChooseView.class).pane().viewModel();
    }

    private static ConceptsPane concepts(ExplorerView view) {
        return view.view(ConceptsView.ID, ConceptsView.class).pane();
    }

    private static <T> Map<String, Object> read(List<Setting<T>> settings, T owner) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Setting<T> s : settings) {
            Object v = s.read().apply(owner);
            if (v != null) out.put(s.key(), v);
        }
        return out;
    }

    private static <T> void write(List<Setting<T>> settings, T owner, Map<String, Object> values, String section,
                                  boolean late, List<String> refused) {
        for (Setting<T> s : settings) {
            if (SessionSettings.APPLIED_LAST.contains(s.key()) != late) continue;
            Object v = values.get(s.key());
            if (v != null && !s.apply(owner, String.valueOf(v))) refused.add(section + "." + s.key());
        }
    }
}
