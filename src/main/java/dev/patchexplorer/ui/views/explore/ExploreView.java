package dev.patchexplorer.ui.views.explore;

import dev.patchexplorer.ui.ExplorerView;
import dev.patchexplorer.ui.Messages;
import dev.patchexplorer.ui.objects.ObjectsPane;
import dev.patchexplorer.ui.panels.ChartsPane;
import dev.patchexplorer.ui.panels.ControlsPane;
import dev.patchexplorer.ui.panels.ReadoutPane;
import dev.patchexplorer.ui.panels.ReceptiveFieldReadouts;
import dev.patchexplorer.ui.shell.BasicView;
import javafx.geometry.Orientation;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/** "Explore": the grid's inputs, the cost readouts and the cost charts for the patch size chosen. */
public final class ExploreView extends BasicView {
    public static final String ID = "explore";

    private final ExplorerView frame;
    private ControlsPane controls;
    private ReadoutPane readouts;
    private ChartsPane charts;

    public ExploreView(ExplorerView frame) {
        super(ID, "view.explore", "▦");
        this.frame = frame;
    }

    @Override
    protected Region buildPanel() {
        controls = new ControlsPane(frame.model());
        TitledPane readoutSection = new TitledPane(Messages.get("readout.title"), readouts());
        readoutSection.setCollapsible(false);
        // the readouts first: they are what changes as the slider under the image moves
        TitledPane objectsSection = new TitledPane(Messages.get("objects.title"), new ObjectsPane(frame.boxes()));
        objectsSection.setId("objects-section");
        ScrollPane top = new ScrollPane(new VBox(readoutSection, controls, objectsSection));
        top.setId("controls-scroll");
        top.setFitToWidth(true);
        // The charts' axes, series and CSS cost some 350 ms of CPU: in the app they arrive a frame later.
        StackPane chartsSlot = new StackPane();
        chartsSlot.setId("charts-slot");
        frame.afterFirstFrame(() -> chartsSlot.getChildren().setAll(charts()));
        SplitPane split = new SplitPane(top, chartsSlot);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.62);
        frame.models().cnnProperty().addListener(x -> describeLoadedCnn());
        frame.model().architectureProperty().addListener(x -> describeLoadedCnn());
        describeLoadedCnn();
        return split;
    }

    /** While a CNN is loaded, the cost readouts say whose costs they are. */
    private void describeLoadedCnn() {
        var cnn = frame.models().getCnn();
        readouts().showModelNote(cnn == null ? null
                : Messages.format("readout.cnnNote", ReceptiveFieldReadouts.cnnModel(cnn),
                        frame.model().architectureProperty().get().name()));
    }

    public ControlsPane controls() {
        panel();
        return controls;
    }

    public ReadoutPane readouts() {
        if (readouts == null) {
            readouts = new ReadoutPane(frame.model());
            readouts.followModelInput(frame.attention());
        }
        return readouts;
    }

    public ChartsPane charts() {
        if (charts == null) charts = new ChartsPane(frame.model());
        return charts;
    }
}
