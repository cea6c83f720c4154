package dev.patchexplorer.ui;

import dev.patchexplorer.ui.help.FirstRunTour;
import dev.patchexplorer.ui.inference.AttentionJob;
import dev.patchexplorer.ui.inference.GradientMapKind;
import dev.patchexplorer.ui.inference.HeatmapChoice;
import dev.patchexplorer.ui.inference.ModelViewModel;
import dev.patchexplorer.ui.inference.ReceptiveFieldJob;
import dev.patchexplorer.ui.inference.ReceptiveFieldViewModel;
import dev.patchexplorer.ui.io.Samples;
import dev.patchexplorer.ui.jobs.InferenceThread;
import dev.patchexplorer.model.catalog.ModelCache;
import dev.patchexplorer.model.catalog.ModelCatalog;
import dev.patchexplorer.model.catalog.ModelDownloader;
import dev.patchexplorer.ui.models.CatalogViewModel;
import dev.patchexplorer.ui.models.ModelOfferCard;
import dev.patchexplorer.ui.models.ModelSearch;
import dev.patchexplorer.ui.panels.AttentionPane;
import dev.patchexplorer.ui.panels.ChartsPane;
import dev.patchexplorer.ui.panels.PatchSizeBar;
import dev.patchexplorer.ui.shell.AppView;
import dev.patchexplorer.ui.shell.NavRail;
import dev.patchexplorer.ui.shell.Navigator;
import dev.patchexplorer.ui.shell.Views;
import dev.patchexplorer.ui.views.attention.AttentionView;
import dev.patchexplorer.ui.views.explore.ExploreView;
import dev.patchexplorer.ui.views.rf.ReceptiveFieldView;
import dev.patchexplorer.ui.panels.ReadoutPane;
import dev.patchexplorer.ui.panels.ReceptiveFieldPane;
import dev.patchexplorer.ui.panels.StatusBar;
import dev.patchexplorer.ui.viewer.GradientMapOverlay;
import dev.patchexplorer.ui.viewer.GridOverlay;
import dev.patchexplorer.ui.viewer.HeatmapCaption;
import dev.patchexplorer.ui.viewer.HeatmapOverlay;
import dev.patchexplorer.ui.viewer.ImageViewer;
import dev.patchexplorer.ui.viewer.ReceptiveFieldOverlay;
import dev.patchexplorer.ui.viewer.PointerHighlightOverlay;
import dev.patchexplorer.ui.present.PresentationBar;
import dev.patchexplorer.ui.present.PresentationCaption;
import dev.patchexplorer.ui.present.PresentationMode;
import javafx.animation.PauseTransition;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.MenuBar;
import javafx.scene.control.SplitPane;
import javafx.scene.input.Clipboard;
import javafx.scene.input.DragEvent;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import javafx.util.Duration;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;

/**
 * The main window's frame: menus | navigation rail · side panel of the active view · image viewer with
 * the patch-size slider under it | status bar. It lays out and shares (view model, jobs, overlays);
 * the side panels belong to the views of {@link Views#standard}, switched by the {@link Navigator}.
 * The attention heatmap and the gradient map stay over the image whatever view is active: each
 * follows its own "show" switch, so a user changing the patch size on Explore sees the map follow.
 */
public final class ExplorerView extends BorderPane {
    /**
     * The smallest window the app allows: the rail (92) and the side panel's minimum (350) leave the
     * image about 580 px; at 800 the readouts were pushed past the window's edge.
     */
    public static final double MIN_WIDTH = 1024;
    public static final double MIN_HEIGHT = 600;

    private final ExplorerViewModel model;
    private final SessionPersistence session;
    private final ImageViewer viewer = new ImageViewer();
    private final ModelViewModel models;
    private final InferenceThread inference;
    private dev.patchexplorer.ui.export.ExportActions exports;
    /** The view the window opened on; the download offer does not take the user away from another. */
    private final AppView openedView;
    private final ModelSearch modelSearch;
    /** The side panel's width: room for the readouts' and the charts' columns, the rest for the image. */
    static final double SIDE_MIN_WIDTH = 350;
    static final double SIDE_PREF_WIDTH = 390;
    private final AttentionJob attention;
    private final HeatmapOverlay heatmapOverlay;
    private final ReceptiveFieldViewModel fields;
    private final ReceptiveFieldJob gradients;
    private final GradientMapOverlay gradientOverlay;
    private final ReceptiveFieldOverlay rfOverlay;
    private final PatchSizeBar patchBar;
    private final PresentationMode presentation;
    private final javafx.beans.property.BooleanProperty presentationActive;
    private final PointerHighlightOverlay pointerHighlight;
    /** Holds the presentation bar: under the image, over the slider, taking no room unless presenting. */
    private final VBox presentationBarSlot = new VBox();
    private final StackPane sideHost = new StackPane();
    private final Navigator navigator;
    /** In the app, false until the window has drawn once: work that can wait runs after that. */
    private boolean firstFrameDrawn;
    private final List<Runnable> waitingForFirstFrame = new java.util.ArrayList<>();
    /**
     * True in the app: panes that can wait join the scene after the window's first frame, and the
     * model search starts then. Tests' windows build everything at once, as they always did.
     */
    private final boolean deferred;
    private final StatusBar status;
    private final Label problemText = new Label();
    private final HBox problemBanner;
    private final AppInfo appInfo;
    private static final Duration TOUR_DELAY = Duration.millis(400);
    private FirstRunTour tour;
    /** The checkpoint the first-run offer downloads: the catalog's smallest ViT. */
    static final String OFFERED_MODEL = "vit_tiny_patch16_224.augreg_in21k_ft_in1k";
    private CatalogViewModel catalog;
    private final MenuBar menuBar;
    private final ObjectProperty<Theme> theme = new SimpleObjectProperty<>(this, "theme", Theme.LIGHT);
    private final dev.patchexplorer.ui.objects.ObjectBoxes boxes;
    private dev.patchexplorer.ui.session.SessionActions sessions;

    public ExplorerView(ExplorerViewModel model, SessionPersistence session) {
        this(model, session, AppInfo.unknown());
    }

    /** The application's window: loads and runs models on its own inference thread, and loads the default model if found. */
    public ExplorerView(ExplorerViewModel model, SessionPersistence session, AppInfo appInfo) {
        this(model, session, appInfo, List.of());
    }

    /** As above, also searching the {@code --models} folders of this run (see {@link ModelSearch}). */
    public ExplorerView(ExplorerViewModel model, SessionPersistence session, AppInfo appInfo, List<Path> modelFolders) {
        this(model, session, appInfo, inferenceThread(), true, modelFolders);
    }

    /**
     * With the executor that loads models and runs inference; it must run one task at a time (the
     * window puts its {@link InferenceThread} lanes over it). Nothing is loaded automatically: call
     * {@code models().loadModel(folder)}.
     */
    public ExplorerView(ExplorerViewModel model, SessionPersistence session, Executor inference) {
        this(model, session, AppInfo.unknown(), lanesOver(inference), false, List.of());
    }

    private static InferenceThread lanesOver(Executor oneAtATime) {
        InferenceThread given = InferenceThread.of(oneAtATime);
        return given != null ? given : new InferenceThread(oneAtATime);
    }

    private ExplorerView(ExplorerViewModel model, SessionPersistence session, AppInfo appInfo, InferenceThread inference,
                         boolean autoLoad, List<Path> modelFolders) {
        this.model = model;
        this.modelSearch = ModelSearch.standard(modelFolders, session.settings());
        this.inference = inference;
        // loads and closes in order; the maps the user waits for go before them and before any sweep
        this.models = new ModelViewModel(model, inference);
        this.attention = new AttentionJob(model, models, inference.interactive());
        this.fields = new ReceptiveFieldViewModel(model, models);
        this.gradients = new ReceptiveFieldJob(model, models, fields, attention.modeProperty(), inference.interactive());
        HeatmapChoice.link(attention, gradients);
        this.session = session;
        this.appInfo = appInfo;
        this.deferred = autoLoad;
        setId("explorer");
        getStyleClass().add("explorer");
        status = new StatusBar(model);
        problemBanner = problemBanner();

        viewer.setId("viewer");
        heatmapOverlay = new HeatmapOverlay(model, attention);
        viewer.addOverlay(heatmapOverlay); // under the grid
        gradientOverlay = new GradientMapOverlay(model, gradients);
        viewer.addOverlay(gradientOverlay);
        viewer.addOverlay(new GridOverlay(model));
        // The box over the grid, so the grid cannot hide it; a ViT's token only while its effective RF is asked for.
        rfOverlay = new ReceptiveFieldOverlay(fields,
                gradients.showMapProperty().and(gradients.mapKindProperty().isEqualTo(GradientMapKind.ERF)));
        viewer.addOverlay(rfOverlay);
        viewer.addOverlay(new HeatmapCaption(attention, gradients));
        boxes = new dev.patchexplorer.ui.objects.ObjectBoxes(model);
        viewer.addOverlay(new dev.patchexplorer.ui.viewer.BoxOverlay(boxes));
        viewer.setDragTool(new dev.patchexplorer.ui.objects.BoxDrawing(boxes));
        boxes.boxes().addListener((javafx.beans.InvalidationListener) x -> viewer.requestRepaint());
        boxes.draftProperty().addListener(x -> viewer.requestRepaint());
        presentationActive = new javafx.beans.property.SimpleBooleanProperty(this, "presenting");
        pointerHighlight = new PointerHighlightOverlay(model, presentationActive);
        viewer.addOverlay(pointerHighlight);
        viewer.imageProperty().bind(javafx.beans.binding.Bindings.createObjectBinding(
                () -> model.getImage() == null ? null : model.getImage().image(), model.imageProperty()));
        viewer.setOnImageHover((x, y) -> {
            status.showPointer(x, y);
            model.hoverPatchProperty().set(Double.isNaN(x) ? -1 : model.patchAtImagePoint(x, y));
        });
        viewer.setOnImageClick((x, y) -> {
            model.selectedPatchProperty().set(model.patchAtImagePoint(x, y));
            fields.click(x, y);
        });
        viewer.scaleProperty().addListener((o, was, now) -> status.showZoom(now.doubleValue()));
        status.showZoom(1);
        for (var p : List.of(model.gridProperty(), model.gridStyleProperty(), model.hoverPatchProperty(),
                model.selectedPatchProperty(), model.workingProperty())) {
            p.addListener(x -> viewer.requestRepaint());
        }
        for (var p : List.of(attention.heatmapProperty(), attention.staleProperty(), attention.opacityProperty(),
                attention.showHeatmapProperty(), attention.colorMapProperty(), gradients.mapProperty(), gradients.staleProperty(),
                gradients.opacityProperty(), gradients.showMapProperty(), gradients.colorMapProperty(), gradients.mapKindProperty(),
                fields.unitProperty(), fields.selectedLayerProperty(), fields.tokenProperty())) {
            p.addListener(x -> viewer.requestRepaint());
        }

        patchBar = new PatchSizeBar(model);
        StackPane viewerBox = new StackPane(viewer);
        viewerBox.getStyleClass().add("viewer-box");
        VBox.setVgrow(viewerBox, Priority.ALWAYS);
        // the slider stays under the image whatever view is chosen: every view reacts to it
        VBox centre = new VBox(viewerBox, presentationBarSlot, patchBar);
        centre.setMinWidth(240);
        sideHost.setId("side-host");
        sideHost.setMinWidth(SIDE_MIN_WIDTH);
        sideHost.setPrefWidth(SIDE_PREF_WIDTH);
        if (deferred) afterFirstPulse(() -> {
            firstFrameDrawn = true;
            List<Runnable> due = List.copyOf(waitingForFirstFrame);
            waitingForFirstFrame.clear();
            due.forEach(Runnable::run);
        });
        navigator = new Navigator(Views.standard(this), sideHost, session.settings());
        // a view with its own image area (Compare) swaps it in while active; the others share the viewer
        navigator.activeProperty().addListener((o, was, now) ->
                viewerBox.getChildren().setAll(now.centre().orElse(viewer)));
        navigator.restore();
        openedView = navigator.getActive();
        SplitPane main = new SplitPane(sideHost, centre);
        SplitPane.setResizableWithParent(sideHost, false);
        main.setDividerPositions(0.3);
        main.setId("main-split");
        NavRail rail = new NavRail(navigator);
        HBox body = new HBox(rail, main);
        presentation = new PresentationMode(this, model, rail, main, sideHost);
        presentationActive.bind(presentation.activeProperty());
        presentationActive.addListener(x -> viewer.requestRepaint());
        presentationBarSlot.getChildren().add(new PresentationBar(presentation, new PresentationCaption(model, models)));
        HBox.setHgrow(main, Priority.ALWAYS);
        models.cnnProperty().addListener((o, was, now) -> {
            if (now != null) navigator.navigate("rf"); // a CNN has no attention and no ViT costs of its own
        });
        // A map is seen over the image while shown, and the rest of a job's results in its view's panel;
        // while neither is on screen the job runs no passes (the heads window adds itself).
        attention.seenWhile(attention.showHeatmapProperty());
        attention.seenWhile(navigator.find(AttentionView.ID).orElseThrow().activeProperty());
        gradients.seenWhile(gradients.showMapProperty());
        gradients.seenWhile(navigator.find(ReceptiveFieldView.ID).orElseThrow().activeProperty());

        menuBar = new MainMenu(this).build();
        // The banner spans the window under the menus: over the image alone it was squeezed to a column.
        setTop(new VBox(menuBar, problemBanner));
        setCenter(body);
        setBottom(status);
        installDragAndDrop();
        addEventFilter(KeyEvent.KEY_PRESSED, presentation::handle); // before the plain keys: Esc leaves presenting
        addEventFilter(KeyEvent.KEY_PRESSED, new PlainKeyShortcuts(this)::handle);
        theme.addListener((o, was, now) -> now.apply());
        // the search walks folders and a find starts DJL: both wait for the window's first frame
        if (autoLoad) afterFirstFrame(() -> modelSearch.findStartupModel(inference, models::loadModel, this::offerDownload));
    }

    /**
     * No model anywhere: the attention panel offers the catalog's smallest ViT for download, until a
     * model is loading or loaded.
     */
    public void offerDownload() {
        if (models.getLoaded() != null || models.loadingProperty().get()) return;
        catalog().catalog().find(OFFERED_MODEL).ifPresent(entry -> {
            ModelOfferCard card = new ModelOfferCard(catalog(), entry, models::loadModel,
                    () -> fireMenuItem("menu-model-open"), () -> fireMenuItem("menu-model-catalog"));
            attentionPane().showOffer(card);
            // The offer lives in the attention panel: show it, unless the user has already chosen a view.
            if (navigator.getActive() == openedView) navigator.navigate(AttentionView.ID);
            javafx.beans.InvalidationListener[] gone = new javafx.beans.InvalidationListener[1];
            gone[0] = x -> {
                if (models.getLoaded() == null && !models.loadingProperty().get()) return;
                attentionPane().showOffer(null);
                models.loadedProperty().removeListener(gone[0]);
                models.loadingProperty().removeListener(gone[0]);
            };
            models.loadedProperty().addListener(gone[0]);
            models.loadingProperty().addListener(gone[0]);
        });
    }

    /** The catalog's state (rows, the one download under way), shared by the catalog window and the offer. */
    public CatalogViewModel catalog() {
        if (catalog == null) {
            ModelCache cache = modelSearch.cache();
            Executor downloads = Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "model-download");
                t.setDaemon(true);
                return t;
            });
            catalog = new CatalogViewModel(ModelCatalog.standard(), cache, new ModelDownloader(cache), downloads,
                    () -> modelSearch.locations().findModelFolders(), models::loadModel);
        }
        return catalog;
    }

    /** For tests: a catalog served from elsewhere, used by the offer and the catalog window. */
    public void useCatalog(CatalogViewModel catalog) {
        this.catalog = catalog;
    }

    private void fireMenuItem(String id) {
        menuBar.getMenus().stream().flatMap(m -> m.getItems().stream())
                .filter(i -> id.equals(i.getId())).findFirst().ifPresent(javafx.scene.control.MenuItem::fire);
    }

    /**
     * Work that need not hold up the window's first frame: in the app it runs in the pulse after the
     * one that first draws this view (at once if that has passed); tests' windows run it at once.
     */
    public void afterFirstFrame(Runnable task) {
        if (!deferred || firstFrameDrawn) task.run();
        else waitingForFirstFrame.add(task);
    }

    private void afterFirstPulse(Runnable task) {
        sceneProperty().addListener(new javafx.beans.InvalidationListener() {
            @Override public void invalidated(javafx.beans.Observable o) {
                javafx.scene.Scene scene = getScene();
                if (scene == null) return;
                sceneProperty().removeListener(this);
                Runnable[] once = new Runnable[1];
                once[0] = () -> {
                    scene.removePostLayoutPulseListener(once[0]);
                    javafx.application.Platform.runLater(task);
                };
                scene.addPostLayoutPulseListener(once[0]);
            }
        });
    }

    /** One daemon thread: passes and model loads run one at a time, never on the FX thread. */
    private static InferenceThread inferenceThread() {
        return InferenceThread.daemon("inference");
    }

    private HBox problemBanner() {
        problemText.setId("problem-message");
        problemText.setWrapText(true);
        problemText.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(problemText, Priority.ALWAYS);
        Button close = new Button(Messages.get("problem.dismiss"));
        close.setId("problem-dismiss");
        close.setOnAction(e -> model.clearProblem());
        close.setMinWidth(Region.USE_PREF_SIZE); // a long message must not squeeze the button to "..."
        HBox banner = new HBox(10, problemText, close);
        banner.setId("problem-banner");
        banner.getStyleClass().add("problem-banner");
        banner.setAlignment(Pos.CENTER_LEFT);
        banner.setPadding(new Insets(6, 10, 6, 10));
        banner.setMinHeight(Region.USE_PREF_SIZE);
        banner.setVisible(false);
        banner.setManaged(false);
        model.problemProperty().addListener((o, was, now) -> {
            problemText.setText(now == null ? "" : now.message());
            banner.setVisible(now != null);
            banner.setManaged(now != null);
        });
        return banner;
    }

    private void installDragAndDrop() {
        addEventHandler(DragEvent.DRAG_OVER, e -> {
            if (e.getDragboard().hasFiles() || e.getDragboard().hasImage()) e.acceptTransferModes(TransferMode.COPY);
            e.consume();
        });
        addEventHandler(DragEvent.DRAG_DROPPED, e -> {
            var board = e.getDragboard();
            boolean done = false;
            if (board.hasFiles() && !board.getFiles().isEmpty()) {
                open(board.getFiles().get(0).toPath());
                done = true;
            } else if (board.hasImage()) {
                model.openPasted(board.getImage());
                done = true;
            }
            e.setDropCompleted(done);
            e.consume();
        });
    }

    // --- actions (used by menus, key shortcuts and tests) ---

    public void open(Path file) {
        model.open(file);
    }

    public void chooseAndOpen() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(Messages.get("menu.file.open"));
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter(Messages.get("file.filter.images"), "*.png", "*.jpg", "*.jpeg", "*.tif", "*.tiff",
                        "*.webp", "*.bmp", "*.gif", "*.PNG", "*.JPG", "*.JPEG", "*.TIF", "*.TIFF", "*.WEBP", "*.BMP", "*.GIF"),
                new FileChooser.ExtensionFilter(Messages.get("file.filter.all"), "*"));
        session.settings().get("lastFolder").map(File::new).filter(File::isDirectory).ifPresent(chooser::setInitialDirectory);
        File f = chooser.showOpenDialog(window());
        if (f != null) {
            session.settings().put("lastFolder", f.getParent());
            open(f.toPath());
        }
    }

    public void openSample(Samples.Sample sample) {
        model.openSample(sample);
    }

    public void paste() {
        Clipboard cb = Clipboard.getSystemClipboard();
        if (cb.hasFiles() && !cb.getFiles().isEmpty()) {
            open(cb.getFiles().get(0).toPath());
        } else if (cb.hasImage()) {
            model.openPasted(cb.getImage());
        } else if (cb.hasString() && new File(cb.getString().trim()).isFile()) {
            open(Path.of(cb.getString().trim()));
        } else {
            model.reportProblem(Messages.get("problem.clipboardEmpty"));
        }
    }

    public void toggleGrid() {
        model.gridStyleProperty().set(model.gridStyleProperty().get().withVisible(!model.gridStyleProperty().get().visible()));
    }

    public void toggleLabels() {
        model.gridStyleProperty().set(model.gridStyleProperty().get().withLabels(!model.gridStyleProperty().get().labels()));
    }

    public void toggleTheme() {
        theme.set(theme.get().other());
    }

    /**
     * The short tour of the main controls. Built on first use, once the window is showing, because
     * the Model menu's button in the menu bar only exists after the menu bar has its skin.
     */
    public FirstRunTour tour() {
        if (tour == null) {
            Node modelMenu = menuBar.lookup("#menu-model");
            AttentionPane attentionPane = attentionPane();
            Node heatmapPicker = attentionPane.lookup("#attention-kind");
            tour = FirstRunTour.standard(patchBar.patchSlider(),
                    FirstRunTour.step(readouts(), "tour.readouts", () -> navigator.navigate(ExploreView.ID)),
                    modelMenu != null ? modelMenu : menuBar,
                    FirstRunTour.step(heatmapPicker != null ? heatmapPicker : attentionPane, "tour.heatmap",
                            () -> navigator.navigate(AttentionView.ID)),
                    FirstRunTour.step(viewer, "tour.clickPatch"),
                    FirstRunTour.step(rfPane(), "tour.receptiveField", () -> navigator.navigate(ReceptiveFieldView.ID)));
        }
        return tour;
    }

    public void startTour() {
        tour().start();
    }

    /**
     * Shows the tour unless this settings folder says it has been seen; finishing or skipping it is
     * remembered there. Returns whether it will show. It starts a moment after the window has drawn:
     * a callout opened in the same pulse as the window gets its CSS before the theme's colour
     * variables can be resolved, and shows an unstyled "Next" button.
     */
    public boolean startTourIfFirstRun() {
        if (session.tourMemory().seen()) return false;
        PauseTransition afterFirstFrame = new PauseTransition(TOUR_DELAY);
        afterFirstFrame.setOnFinished(e -> tour().startIfFirstRun(session.tourMemory()));
        afterFirstFrame.play();
        return true;
    }

    private Window window() {
        return getScene() == null ? null : getScene().getWindow();
    }

    public ExplorerViewModel model() { return model; }
    /** File > Export's actions (created on first use). */
    public dev.patchexplorer.ui.export.ExportActions exports() {
        if (exports == null) exports = new dev.patchexplorer.ui.export.ExportActions(this);
        return exports;
    }
    /** File > Save / Open Session's actions (created on first use). */
    public dev.patchexplorer.ui.session.SessionActions sessions() {
        if (sessions == null) sessions = new dev.patchexplorer.ui.session.SessionActions(this);
        return sessions;
    }
    /** The objects of interest drawn on the image. */
    public dev.patchexplorer.ui.objects.ObjectBoxes boxes() { return boxes; }
    public AppInfo appInfo() { return appInfo; }
    public SessionPersistence session() { return session; }
    public ImageViewer viewer() { return viewer; }
    /** The viewer the View menu's zoom acts on: the active view's own when it shows one (Compare), else the shared one. */
    public ImageViewer zoomTarget() { return navigator.getActive().zoomTarget().orElse(viewer); }
    public ModelViewModel models() { return models; }
    /** The one thread that loads models and runs passes; views queue their jobs on its lanes. */
    public InferenceThread inference() { return inference; }
    public ModelSearch modelSearch() { return modelSearch; }
    public AttentionJob attention() { return attention; }
    public HeatmapOverlay heatmapOverlay() { return heatmapOverlay; }
    public ReceptiveFieldViewModel fields() { return fields; }
    public ReceptiveFieldJob gradients() { return gradients; }
    public GradientMapOverlay gradientOverlay() { return gradientOverlay; }
    public ReceptiveFieldOverlay rfOverlay() { return rfOverlay; }
    public Navigator navigator() { return navigator; }
    public PatchSizeBar patchBar() { return patchBar; }
    /** View > Presentation mode: full screen, large type, presets on the arrow keys. */
    public PresentationMode presentation() { return presentation; }
    public PointerHighlightOverlay pointerHighlight() { return pointerHighlight; }

    /** The view with this id, typed; tests and the tour reach a view's panes through it. */
    public <T extends AppView> T view(String id, Class<T> type) {
        return type.cast(navigator.find(id).orElseThrow(() -> new IllegalArgumentException("no view " + id)));
    }

    public AttentionPane attentionPane() { return view(AttentionView.ID, AttentionView.class).pane(); }
    public ReceptiveFieldPane rfPane() { return view(ReceptiveFieldView.ID, ReceptiveFieldView.class).pane(); }
    public ReadoutPane readouts() { return view(ExploreView.ID, ExploreView.class).readouts(); }
    public ChartsPane charts() { return view(ExploreView.ID, ExploreView.class).charts(); }
    public StatusBar status() { return status; }
    public ObjectProperty<Theme> themeProperty() { return theme; }
}
