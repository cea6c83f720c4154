package dev.patchexplorer.ui;

import javafx.stage.Stage;
import org.testfx.framework.junit5.Start;

import java.util.Locale;

/** The same checks with the window in Simplified Chinese: the caption's words come from the Chinese bundle. */
class ArtifactWindowChineseTest extends ArtifactWindowTest {
    @Override
    Locale locale() {
        return Locale.SIMPLIFIED_CHINESE;
    }

    @Start
    @Override
    void start(Stage stage) { // TestFX looks for @Start on the test class itself
        super.start(stage);
    }
}
