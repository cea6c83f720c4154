package dev.patchexplorer.ui.help;

import javafx.geometry.Bounds;
import javafx.scene.Node;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Clicks a tour callout's button once it can be seen: Popover shows its skin invisible, reveals it
 * a moment later from a timer thread that TestFX does not wait for, and the callout is placed
 * again once restyled.
 */
public final class CalloutRobot {
    private CalloutRobot() {}

    public static void click(FxRobot robot, String query) {
        try {
            WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup(query).tryQuery().map(CalloutRobot::onScreen).orElse(false));
        } catch (TimeoutException e) {
            throw new AssertionError(query + " did not appear", e);
        }
        robot.clickOn(query);
    }

    public static boolean revealed(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) return false;
        }
        return true;
    }

    private static boolean onScreen(Node node) {
        Bounds b = node.localToScreen(node.getBoundsInLocal());
        return revealed(node) && b != null && !Double.isNaN(b.getMinX()) && !Double.isNaN(b.getMinY());
    }
}
