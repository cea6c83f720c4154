package dev.patchexplorer.ui;

import dev.patchexplorer.ui.inference.ModelViewModel;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.stage.DirectoryChooser;

import java.io.File;

/** Model: open a checkpoint folder (loaded in the background) or close the loaded model. */
final class ModelMenu {
    private final ExplorerView view;

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
        Menu m = new Menu(Messages.get("menu.model"));
        m.setId("menu-model");
        m.getItems().addAll(open, close);
        return m;
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
