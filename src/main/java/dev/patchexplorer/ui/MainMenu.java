package dev.patchexplorer.ui;

import dev.patchexplorer.ui.help.AboutDialog;
import dev.patchexplorer.ui.help.HelpText;
import dev.patchexplorer.ui.help.LogFolder;
import dev.patchexplorer.ui.help.UserGuideWindow;
import dev.patchexplorer.ui.io.Samples;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.KeyCombination;

import java.nio.file.Path;
import java.util.List;

/** The menu bar. Every frequent action has an accelerator; the plain-key twins live in {@link PlainKeyShortcuts}. */
final class MainMenu {
    private final ExplorerView view;
    private final Menu recent = new Menu(Messages.get("menu.file.recent"));
    private final Menu recentSessions = new Menu(Messages.get("menu.file.recentSessions"));
    private final Menu help = new Menu(Messages.get("menu.help"));

    MainMenu(ExplorerView view) {
        this.view = view;
    }

    MenuBar build() {
        MenuBar bar = new MenuBar(file(), viewMenu(), grid(), new ModelMenu(view).build(), help());
        bar.setId("menu-bar");
        return bar;
    }

    private static MenuItem item(String key, String accelerator, Runnable action) {
        MenuItem i = new MenuItem(Messages.get(key));
        i.setId(key.replace('.', '-'));
        if (accelerator != null) i.setAccelerator(KeyCombination.keyCombination(accelerator));
        i.setOnAction(e -> action.run());
        return i;
    }

    private Menu file() {
        Menu samples = new Menu(Messages.get("menu.file.samples"));
        samples.setId("menu-samples");
        for (Samples.Sample s : Samples.ALL) {
            MenuItem i = new MenuItem(Messages.get(s.titleKey()));
            i.setId("sample-" + s.file().replaceAll("\\..*", ""));
            i.setOnAction(e -> view.openSample(s));
            samples.getItems().add(i);
        }
        recent.setId("menu-recent");
        Menu m = new Menu(Messages.get("menu.file"));
        recentSessions.setId("menu-recent-sessions");
        m.setOnShowing(e -> {
            fillRecent();
            fillRecentSessions();
        });
        fillRecent();
        fillRecentSessions();
        m.getItems().addAll(
                item("menu.file.open", "Shortcut+O", view::chooseAndOpen),
                recent, samples,
                item("menu.file.paste", "Shortcut+V", view::paste),
                new SeparatorMenuItem(),
                item("menu.file.openSession", "Shortcut+Shift+O", () -> view.sessions().chooseAndOpen()),
                recentSessions,
                item("menu.file.saveSession", "Shortcut+S", () -> view.sessions().chooseAndSave()),
                new SeparatorMenuItem(),
                item("menu.file.exportView", "Shortcut+E", () -> view.exports().exportView()),
                item("menu.file.exportGrid", null, () -> view.exports().exportGridSvg()),
                item("menu.file.exportReadouts", null, () -> view.exports().exportReadouts()),
                item("menu.file.copyView", "Shortcut+Shift+C", () -> view.exports().copyView()),
                new SeparatorMenuItem(),
                item("menu.file.quit", "Shortcut+Q", () -> view.getScene().getWindow().hide()));
        return m;
    }

    private void fillRecent() {
        recent.getItems().clear();
        List<Path> files = view.session().settings().recentFiles();
        for (Path p : files) {
            MenuItem i = new MenuItem(p.getFileName() + "  —  " + p.getParent());
            i.setMnemonicParsing(false);
            i.setOnAction(e -> view.open(p));
            recent.getItems().add(i);
        }
        recent.setDisable(files.isEmpty());
    }

    private void fillRecentSessions() {
        recentSessions.getItems().clear();
        List<Path> files = view.sessions().recent().list();
        for (Path p : files) {
            MenuItem i = new MenuItem(p.getFileName() + "  \u2014  " + p.getParent());
            i.setMnemonicParsing(false);
            i.setOnAction(e -> view.sessions().open(p));
            recentSessions.getItems().add(i);
        }
        recentSessions.setDisable(files.isEmpty());
    }

    private Menu viewMenu() {
        CheckMenuItem dark = new CheckMenuItem(Messages.get("menu.view.dark"));
        dark.setId("menu-view-dark");
        dark.setAccelerator(KeyCombination.keyCombination("Shortcut+Shift+D"));
        dark.setSelected(view.themeProperty().get() == Theme.DARK);
        view.themeProperty().addListener((o, was, now) -> dark.setSelected(now == Theme.DARK));
        dark.setOnAction(e -> view.themeProperty().set(dark.isSelected() ? Theme.DARK : Theme.LIGHT));
        Menu m = new Menu(Messages.get("menu.view"));
        // one item per view, in rail order, on Alt+1..9 (plain and Shortcut+0/1 are already zoom)
        int n = 1;
        for (var v : view.navigator().views()) {
            MenuItem go = new MenuItem(Messages.get(v.titleKey()));
            go.setId("menu-view-go-" + v.id());
            if (n <= 9) go.setAccelerator(KeyCombination.keyCombination("Alt+" + n++));
            go.setOnAction(e -> view.navigator().navigate(v.id()));
            m.getItems().add(go);
        }
        m.getItems().add(new SeparatorMenuItem());
        m.getItems().addAll(
                item("menu.view.zoomIn", "Shortcut+Equals", () -> view.zoomTarget().zoomIn()),
                item("menu.view.zoomOut", "Shortcut+Minus", () -> view.zoomTarget().zoomOut()),
                item("menu.view.fit", "Shortcut+0", () -> view.zoomTarget().fitToWindow()),
                item("menu.view.actual", "Shortcut+1", () -> view.zoomTarget().actualSize()),
                new SeparatorMenuItem(),
                item("menu.view.grid", "Shortcut+G", view::toggleGrid),
                item("menu.view.labels", "Shortcut+L", view::toggleLabels),
                dark,
                presentationItem());
        return m;
    }

    /** View > Presentation mode on F5; Esc leaves it (a menu bar hidden by full screen still fires F5). */
    private CheckMenuItem presentationItem() {
        CheckMenuItem present = new CheckMenuItem(Messages.get("menu.view.presentation"));
        present.setId("menu-view-presentation");
        present.setAccelerator(KeyCombination.keyCombination("F5"));
        present.setSelected(view.presentation().isActive());
        view.presentation().activeProperty().addListener((o, was, now) -> present.setSelected(now));
        present.setOnAction(e -> {
            if (present.isSelected()) view.presentation().enter();
            else view.presentation().leave();
        });
        return present;
    }

    private Menu grid() {
        ExplorerViewModel model = view.model();
        CheckMenuItem snap = new CheckMenuItem(Messages.get("menu.grid.snap"));
        snap.setId("menu-grid-snap");
        snap.selectedProperty().bindBidirectional(model.snapToDivisorsProperty());
        snap.setAccelerator(KeyCombination.keyCombination("Shortcut+Shift+S"));
        Menu m = new Menu(Messages.get("menu.grid"));
        m.getItems().addAll(
                // key names, not KeyCode constants: "Shortcut+CLOSE_BRACKET" parses as the character
                // string "CLOSE_BRACKET", which no key types and the menu shows verbatim
                item("menu.grid.larger", "Shortcut+Close Bracket", () -> model.stepPatch(1)),
                item("menu.grid.smaller", "Shortcut+Open Bracket", () -> model.stepPatch(-1)),
                snap,
                item("menu.grid.clearSelection", "Shortcut+Shift+A", () -> model.selectedPatchProperty().set(-1)));
        return m;
    }

    private Menu help() {
        AppInfo info = view.appInfo();
        help.getItems().addAll(
                item("menu.help.shortcuts", "F1", () -> ShortcutsDialog.show(window())),
                helpItem("menu.help.guide", () -> UserGuideWindow.show(window())),
                helpItem("menu.help.tour", view::startTour),
                helpItem("menu.help.logs", () -> LogFolder.open(window(), info.logFolder())),
                new SeparatorMenuItem(),
                helpItem("menu.help.about", () -> AboutDialog.show(window(), info.version(),
                        dev.patchexplorer.ui.models.DownloadedModels.notices(view.modelSearch().cache()))));
        return help;
    }

    private static MenuItem helpItem(String key, Runnable action) {
        MenuItem i = new MenuItem(HelpText.text(key));
        i.setId(key.replace('.', '-'));
        i.setOnAction(e -> action.run());
        return i;
    }

    private javafx.stage.Window window() {
        return view.getScene().getWindow();
    }

    /** Where later features (About, user guide) add their items. */
    Menu helpMenu() {
        return help;
    }
}
