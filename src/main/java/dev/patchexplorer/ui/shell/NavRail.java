package dev.patchexplorer.ui.shell;

import dev.patchexplorer.ui.Messages;
import javafx.geometry.Pos;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.Toggle;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.VBox;

/**
 * The narrow column of views on the left: one toggle per view (id "nav-" + view id), icon above
 * title. A click navigates; the selection follows the navigator, whoever changed the view.
 */
public final class NavRail extends VBox {
    public static final double WIDTH = 92;

    private final ToggleGroup group = new ToggleGroup();

    public NavRail(Navigator navigator) {
        setId("nav-rail");
        getStyleClass().add("nav-rail");
        setSpacing(4);
        setFillWidth(true);
        setMinWidth(WIDTH);
        setPrefWidth(WIDTH);
        setMaxWidth(WIDTH);
        int n = 1;
        for (AppView view : navigator.views()) {
            getChildren().add(button(view, navigator, n++));
        }
        navigator.activeProperty().addListener((o, was, now) -> select(now));
        select(navigator.getActive());
    }

    private ToggleButton button(AppView view, Navigator navigator, int position) {
        Label icon = new Label(view.icon());
        icon.getStyleClass().add("nav-icon");
        ToggleButton b = new ToggleButton(Messages.get(view.titleKey()), icon);
        b.setId("nav-" + view.id());
        b.setUserData(view);
        b.setToggleGroup(group);
        b.getStyleClass().add("nav-item");
        b.setContentDisplay(ContentDisplay.TOP);
        b.setWrapText(true);
        b.setAlignment(Pos.CENTER);
        b.setMaxWidth(Double.MAX_VALUE);
        b.setFocusTraversable(false);
        b.setTooltip(new Tooltip(Messages.get(view.titleKey()) + "  (Alt+" + position + ")"));
        b.setOnAction(e -> {
            navigator.navigate(view.id());
            select(navigator.getActive()); // a click on the active view must not leave it unselected
        });
        return b;
    }

    private void select(AppView view) {
        for (Toggle t : group.getToggles()) {
            t.setSelected(t.getUserData() == view);
        }
    }
}
