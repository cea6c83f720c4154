package dev.patchexplorer.ui;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Executors;

import static dev.patchexplorer.ui.FxTestSupport.onFx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The menus show each shortcut as the keys a person presses, and those keys do what the menu says. */
@ExtendWith(ApplicationExtension.class)
class MenuShortcutsWindowTest {
    @TempDir
    static Path settingsDir;

    private Stage stage;
    private ExplorerView view;

    @Start
    void start(Stage stage) {
        Theme.LIGHT.apply();
        this.stage = stage;
        view = FxTestSupport.showMainWindow(stage, new ExplorerViewModel(Executors.newSingleThreadExecutor()), settingsDir,
                Executors.newSingleThreadExecutor());
    }

    @AfterEach
    void closeOthers(FxRobot robot) {
        robot.interact(() -> Window.getWindows().stream()
                .filter(w -> w != stage && w instanceof Stage).toList()
                .forEach(w -> ((Stage) w).close()));
    }

    private Menu menu(String textWithoutMnemonic) {
        MenuBar bar = (MenuBar) view.lookup("#menu-bar");
        return bar.getMenus().stream().filter(m -> m.getText().replace("_", "").equals(textWithoutMnemonic))
                .findFirst().orElseThrow();
    }

    /** The accelerator column of an open menu, as drawn in its popup, top to bottom. */
    private static List<String> shownAccelerators() {
        return Window.getWindows().stream().filter(w -> w.isShowing() && w.getScene() != null)
                .flatMap(w -> w.getScene().getRoot().lookupAll(".accelerator-text").stream())
                .filter(Node::isVisible).map(n -> ((Label) n).getText()).toList();
    }

    @Test
    void theGridMenuShowsTheBracketKeysAndTheyChangeThePatch(FxRobot robot) {
        onFx(() -> {
            menu("Grid").show();
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        List<String> shown = onFx(MenuShortcutsWindowTest::shownAccelerators);
        assertEquals(List.of("Ctrl+]", "Ctrl+[", "Ctrl+Shift+S", "Ctrl+Shift+A"), shown);
        onFx(() -> {
            menu("Grid").hide();
            return null;
        });

        int before = onFx(() -> view.model().getPatch());
        robot.targetWindow(stage).press(KeyCode.CONTROL, KeyCode.CLOSE_BRACKET).release(KeyCode.CLOSE_BRACKET, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(before + 1, onFx(() -> view.model().getPatch()), "Ctrl+] makes the patch larger");
        robot.press(KeyCode.CONTROL, KeyCode.OPEN_BRACKET).release(KeyCode.OPEN_BRACKET, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(before, onFx(() -> view.model().getPatch()), "Ctrl+[ makes it smaller again");
    }

    @Test
    void noMenuShowsAKeyConstantInsteadOfAKey() {
        MenuBar bar = onFx(() -> (MenuBar) view.lookup("#menu-bar"));
        for (Menu m : bar.getMenus()) {
            onFx(() -> {
                m.show();
                return null;
            });
            WaitForAsyncUtils.waitForFxEvents();
            for (String text : onFx(MenuShortcutsWindowTest::shownAccelerators)) {
                assertFalse(text.matches(".*[A-Z]{2,}_[A-Z]+.*"), m.getText() + " shows " + text);
            }
            onFx(() -> {
                m.hide();
                return null;
            });
        }
    }

    @Test
    void escapeClosesTheKeyboardShortcutsWindow(FxRobot robot) {
        robot.targetWindow(stage).type(KeyCode.F1);
        WaitForAsyncUtils.waitForFxEvents();
        Window shortcuts = onFx(() -> Window.getWindows().stream().filter(w -> w != stage && w.isShowing()).findFirst().orElseThrow());
        assertTrue(shortcuts.isShowing());
        robot.targetWindow(shortcuts).type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(shortcuts.isShowing(), "Esc closes Help > Keyboard Shortcuts");
    }
}
