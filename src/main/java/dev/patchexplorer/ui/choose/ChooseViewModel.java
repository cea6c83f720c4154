package dev.patchexplorer.ui.choose;

import dev.patchexplorer.core.sweep.PatchAggregate;
import dev.patchexplorer.core.sweep.Recommendation;
import dev.patchexplorer.core.sweep.SweepMode;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.nio.file.Path;

/**
 * The "Choose a patch size" view's state: what to sweep (the shown image, or several files), the
 * thresholds of the recommendation, and what the sweep has found so far: rows of the shown
 * (image, model, mode, size), or means over the files. Properties only; {@link ChooseSweep}
 * fills them. FX thread only.
 */
public final class ChooseViewModel {
    /** The default range: every size from 8 to 32 that the working size allows. */
    public static final int DEFAULT_FROM = 8;
    public static final int DEFAULT_TO = 32;

    private final ObjectProperty<SweepMode> mode = new SimpleObjectProperty<>(this, "mode", SweepMode.FLEXI);
    private final IntegerProperty from = new SimpleIntegerProperty(this, "from", DEFAULT_FROM);
    private final IntegerProperty to = new SimpleIntegerProperty(this, "to", DEFAULT_TO);
    private final IntegerProperty step = new SimpleIntegerProperty(this, "step", 1);
    /** Percent, 0..100. */
    private final DoubleProperty minAgreement = new SimpleDoubleProperty(this, "minAgreement", 90);
    /** Nats. */
    private final DoubleProperty maxKl = new SimpleDoubleProperty(this, "maxKl", 0.1);
    private final ObjectProperty<SweepMetric> metric = new SimpleObjectProperty<>(this, "metric", SweepMetric.KL);
    private final BooleanProperty running = new SimpleBooleanProperty(this, "running");
    /** 0..1 of the passes this run; -1 while the first pass is under way. */
    private final DoubleProperty progress = new SimpleDoubleProperty(this, "progress", 0);
    private final StringProperty status = new SimpleStringProperty(this, "status", "");
    private final ObservableList<PatchResult> results = FXCollections.observableArrayList();
    private final ObjectProperty<Recommendation> recommendation = new SimpleObjectProperty<>(this, "recommendation");
    private final StringProperty recommendationText = new SimpleStringProperty(this, "recommendationText", "");
    /** Which images a sweep runs on. */
    private final ObjectProperty<ChooseImages> images = new SimpleObjectProperty<>(this, "images", ChooseImages.SHOWN);
    /** The pictures of a sweep over several images (a folder's, or files picked), in order. */
    private final ObservableList<Path> files = FXCollections.observableArrayList();
    /** True when {@link #files} came from a folder laid out as ImageNet class folders, which give each its true class. */
    private final BooleanProperty classFolders = new SimpleBooleanProperty(this, "classFolders");
    /** A CSV of file,label lines giving true classes; null for none. */
    private final ObjectProperty<Path> labelsFile = new SimpleObjectProperty<>(this, "labelsFile");
    /** Per patch size, the means over the images of the last sweep over several images, ascending by patch. */
    private final ObservableList<PatchAggregate> aggregates = FXCollections.observableArrayList();
    /** One line on the files chosen: how many, how many with a true class, or what is wrong with the labels. */
    private final StringProperty filesSummary = new SimpleStringProperty(this, "filesSummary", "");
    /** The patch every row is compared with: the loaded model's own, 0 when none is loaded. */
    private final IntegerProperty referencePatch = new SimpleIntegerProperty(this, "referencePatch", 0);

    public ObjectProperty<SweepMode> modeProperty() { return mode; }
    public IntegerProperty fromProperty() { return from; }
    public IntegerProperty toProperty() { return to; }
    public IntegerProperty stepProperty() { return step; }
    public DoubleProperty minAgreementProperty() { return minAgreement; }
    public DoubleProperty maxKlProperty() { return maxKl; }
    public ObjectProperty<SweepMetric> metricProperty() { return metric; }
    public BooleanProperty runningProperty() { return running; }
    public DoubleProperty progressProperty() { return progress; }
    public StringProperty statusProperty() { return status; }
    /** The results of the shown (image, model, mode, size) within the range, ascending by patch. */
    public ObservableList<PatchResult> results() { return results; }
    public ObjectProperty<Recommendation> recommendationProperty() { return recommendation; }
    public StringProperty recommendationTextProperty() { return recommendationText; }
    public IntegerProperty referencePatchProperty() { return referencePatch; }
    public ObjectProperty<ChooseImages> imagesProperty() { return images; }
    public ObservableList<Path> files() { return files; }
    public BooleanProperty classFoldersProperty() { return classFolders; }
    public ObjectProperty<Path> labelsFileProperty() { return labelsFile; }
    public ObservableList<PatchAggregate> aggregates() { return aggregates; }
    public StringProperty filesSummaryProperty() { return filesSummary; }
}
