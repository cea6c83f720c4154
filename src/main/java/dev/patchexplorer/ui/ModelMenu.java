package dev.patchexplorer.ui;

import dev.patchexplorer.ui.inference.ModelViewModel;
import dev.patchexplorer.ui.models.CatalogDialog;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.stage.DirectoryChooser;

import java.io.File;
import java.util.concurrent.ForkJoinPool;

/**
 * Model: open a checkpoint folder (loaded in the background), pick or download one from the
 * catalog, close the loaded model, and choose the folder searched for models.
 */
final class ModelMenu {
    private final ExplorerView view;
    private CatalogDialog catalog;

    ModelMenu(ExplorerView view) {
        this.view = view;
    }

    Menu build() {
        ModelViewModel models = view.models();
        MenuItem open = new MenuItem(Messages.get("menu.model.open"));
        open.setId("menu-model-open");
        open.setOnAction(e -> chooseFolder());
        MenuItem close = new MenuItem(Messages.get("menu.model.close"));
        close.setId("menu-model-close");
        close.disableProperty().bind(models.loadedProperty().isNull());
        close.setOnAction(e -> models.closeModel());
        MenuItem catalog = new MenuItem(Messages.get("menu.model.catalog"));
        catalog.setId("menu-model-catalog");
        catalog.setOnAction(e -> showCatalog());
        MenuItem folder = new MenuItem(Messages.get("menu.model.folder"));
        folder.setId("menu-model-folder");
        folder.setOnAction(e -> chooseModelsFolder());
        MenuItem forget = new MenuItem(Messages.get("menu.model.folder.clear"));
        forget.setId("menu-model-folder-clear");
        forget.setOnAction(e -> view.modelSearch().setSettingFolder(null));
        Menu m = new Menu(Messages.get("menu.model"));
        m.setId("menu-model");
        m.setOnShowing(e -> forget.setDisable(view.modelSearch().settingFolder().isEmpty()));
        m.getItems().addAll(open, catalog, close, new SeparatorMenuItem(), folder, forget);
        return m;
    }

    /** Remembers the folder searched for models; with no model loaded yet, loads the default one from it. */
    private void chooseModelsFolder() {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle(Messages.get("menu.model.folder"));
        view.modelSearch().settingFolder().map(java.nio.file.Path::toFile).filter(File::isDirectory)
                .ifPresent(chooser::setInitialDirectory);
        File dir = chooser.showDialog(window());
        if (dir == null) return;
        view.modelSearch().setSettingFolder(dir.toPath());
        if (view.models().getModel() == null && !view.models().loadingProperty().get()) {
            view.modelSearch().findStartupModel(ForkJoinPool.commonPool(), found -> {
                if (view.models().getModel() == null) view.models().loadModel(found);
            });
        }
    }

    /** One catalog window per main window, so there is one download queue. */
    private void showCatalog() {
        // the view's catalog model, so the dialog and the first-run offer share one download
        if (catalog == null) catalog = new CatalogDialog(window(), view.catalog());
        catalog.stage().show();
        catalog.stage().toFront();
    }

    private javafx.stage.Window window() {
        return view.getScene() == null ? null : view.getScene().getWindow();
    }

    private void chooseFolder() {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle(Messages.get("menu.model.open"));
        view.session().settings().get("lastModelFolder").map(File::new).filter(File::isDirectory)
                .ifPresent(chooser::setInitialDirectory);
        File dir = chooser.showDialog(view.getScene() == null ? null : view.getScene().getWindow());
        if (dir == null) return;
        if (dir.getParent() != null) view.session().settings().put("lastModelFolder", dir.getParent());
        view.models().loadModel(dir.toPath());
    }
}
