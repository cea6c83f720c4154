package dev.patchexplorer.ui.models;

import dev.patchexplorer.core.format.Units;
import dev.patchexplorer.model.catalog.CatalogEntry;
import dev.patchexplorer.model.catalog.RemoteFile;
import dev.patchexplorer.ui.Messages;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import java.net.URI;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * The first-run offer when no model was found anywhere: one click downloads a small checkpoint from
 * the catalog (its size and licence as the catalog states them), through the same view model, cache
 * and progress as the catalog window, and loads it when it has arrived and been verified. Opening a
 * folder or the catalog stay offered beside it.
 */
public final class ModelOfferCard extends VBox {
    private final CatalogViewModel catalog;
    private final CatalogEntry entry;
    private final Consumer<Path> loader;
    /** Only a download started here loads itself; one started in the catalog window waits for Load there. */
    private boolean startedHere;

    public ModelOfferCard(CatalogViewModel catalog, CatalogEntry entry, Consumer<Path> loader,
                          Runnable openFolder, Runnable openCatalog) {
        super(6);
        this.catalog = catalog;
        this.entry = entry;
        this.loader = loader;
        setId("model-offer");
        getStyleClass().add("model-offer");
        setPadding(new Insets(8));

        Label text = new Label(Messages.format("offer.text", shortName(entry), size(entry), entry.licence(), source(entry)));
        text.setId("model-offer-text");
        text.setWrapText(true);

        Button download = new Button(Messages.get("offer.download"));
        download.setId("model-offer-download");
        download.getStyleClass().add("accent"); // the one suggested action; the others are the usual ways
        download.disableProperty().bind(catalog.busyProperty());
        download.setOnAction(e -> {
            startedHere = true;
            catalog.download(entry);
        });

        ProgressBar bar = new ProgressBar(0);
        bar.setId("model-offer-progress");
        bar.setMaxWidth(Double.MAX_VALUE);
        bar.progressProperty().bind(catalog.progressProperty());
        HBox.setHgrow(bar, Priority.ALWAYS);
        Button cancel = new Button(Messages.get("catalog.cancel"));
        cancel.setId("model-offer-cancel");
        cancel.setOnAction(e -> catalog.cancel());
        HBox progressRow = new HBox(6, bar, cancel);
        progressRow.setId("model-offer-progress-row");
        progressRow.setAlignment(Pos.CENTER_LEFT);
        // progress only for this entry's download; the catalog window may be fetching another
        var mine = Bindings.equal(catalog.downloadingProperty(), entry);
        progressRow.visibleProperty().bind(mine);
        progressRow.managedProperty().bind(mine);
        Label progressText = new Label();
        progressText.setId("model-offer-progress-text");
        progressText.setWrapText(true);
        progressText.getStyleClass().add("hint");
        progressText.textProperty().bind(Bindings.when(mine).then(catalog.progressTextProperty()).otherwise(""));
        progressText.managedProperty().bind(mine);

        // why it failed, in the catalog's words, or that it was cancelled
        Label problem = new Label();
        problem.setId("model-offer-problem");
        problem.setWrapText(true);
        problem.getStyleClass().add("catalog-failed");
        problem.visibleProperty().bind(problem.textProperty().isNotEmpty());
        problem.managedProperty().bind(problem.visibleProperty());
        catalog.downloadingProperty().addListener((o, was, now) -> { if (entry.equals(now)) problem.setText(""); });
        catalog.outcomeProperty().addListener((o, was, now) -> finished(now, problem));

        Button folder = new Button(Messages.get("menu.model.open"));
        folder.setId("model-offer-open-folder");
        folder.setOnAction(e -> openFolder.run());
        Button more = new Button(Messages.get("menu.model.catalog"));
        more.setId("model-offer-catalog");
        more.setOnAction(e -> openCatalog.run());
        FlowPane actions = new FlowPane(6, 6, download, folder, more);

        getChildren().addAll(text, actions, progressRow, progressText, problem);
    }

    private void finished(CatalogViewModel.Outcome outcome, Label problem) {
        if (!startedHere || outcome == CatalogViewModel.Outcome.NONE) return;
        startedHere = false;
        switch (outcome) {
            case DONE -> loader.accept(catalog.cache().folderFor(entry));
            // the row's reason is set before the outcome changes; the message line only after it
            case FAILED -> problem.setText(catalog.row(entry.id()).map(CatalogViewModel.Row::getProblem).orElse(""));
            case CANCELLED -> problem.setText(Messages.format("catalog.cancelled", entry.id()));
            default -> { }
        }
    }

    /** "ViT-Ti/16": the catalog's descriptions begin with the model's usual short name. */
    static String shortName(CatalogEntry e) {
        String d = e.description() == null ? "" : e.description().strip();
        int space = d.indexOf(' ');
        return space > 0 ? d.substring(0, space) : e.id();
    }

    /** As the catalog window writes it: exact, or "≈" where the catalog only knows it roughly. */
    static String size(CatalogEntry e) {
        return (e.weightsSizeExact() ? "" : "\u2248 ") + Units.bytes(e.weightsBytes());
    }

    /** The Hugging Face Hub, or the mirror's host where HF_ENDPOINT points elsewhere. */
    static String source(CatalogEntry e) {
        URI uri = e.file(RemoteFile.WEIGHTS).map(RemoteFile::uri).orElse(null);
        if (uri == null || uri.getHost() == null || uri.getHost().equals("huggingface.co")) return Messages.get("offer.hub");
        return uri.getPort() >= 0 ? uri.getHost() + ":" + uri.getPort() : uri.getHost();
    }

    public CatalogEntry entry() {
        return entry;
    }
}
