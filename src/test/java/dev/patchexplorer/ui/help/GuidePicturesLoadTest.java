package dev.patchexplorer.ui.help;

import javafx.scene.Node;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every picture a bundled guide names is in the build, loads, stays small, and the guide window shows it. */
@ExtendWith(ApplicationExtension.class)
class GuidePicturesLoadTest {
    private static final long MAX_BYTES = 200 * 1024;

    @Start
    void start(Stage stage) {
        // the toolkit is all these tests need
    }

    @Test
    void everyPictureOfEveryGuideExistsLoadsAndIsSmall() throws Exception {
        List<String> guides = bundledGuides();
        assertTrue(guides.contains("guide.md"), guides.toString());
        for (String guide : guides) {
            List<String> files = pictures(read(guide));
            assertFalse(files.isEmpty(), guide + " names no pictures");
            for (String file : files) {
                try (InputStream in = GuideView.class.getResourceAsStream(GuideView.PICTURES + file)) {
                    assertNotNull(in, guide + " names " + file + ", which is not in the build");
                    byte[] bytes = in.readAllBytes();
                    assertTrue(bytes.length <= MAX_BYTES, file + " is " + bytes.length / 1024 + " KB");
                    Image image = new Image(new java.io.ByteArrayInputStream(bytes));
                    assertFalse(image.isError(), file + ": " + image.getException());
                    assertTrue(image.getWidth() >= 200 && image.getHeight() >= 100, file + " is too small to read");
                }
            }
        }
    }

    @Test
    void theGuideWindowShowsThePicturesNotPlaceholders() throws Exception {
        List<String> expected = pictures(UserGuideWindow.loadGuide(Locale.ENGLISH));
        GuideView view = WaitForAsyncUtils.asyncFx(() -> new GuideView(GuideDocument.parse(UserGuideWindow.loadGuide(Locale.ENGLISH))))
                .get(10, TimeUnit.SECONDS);
        List<ImageView> shown = new ArrayList<>();
        collect(view.page(), shown);
        assertEquals(expected.size(), shown.size(), "one picture per ![..](..) line");
        for (ImageView v : shown) {
            assertFalse(v.getImage().isError());
            assertTrue(v.getFitWidth() > 0 && v.getFitWidth() <= 720, "fits the page: " + v.getFitWidth());
        }
        assertTrue(view.page().lookupAll(".guide-picture-missing").isEmpty(), "no 'picture to come' placeholders");
    }

    private static void collect(Node node, List<ImageView> out) {
        if (node instanceof ImageView v) out.add(v);
        if (node instanceof javafx.scene.Parent p) p.getChildrenUnmodifiable().forEach(c -> collect(c, out));
    }

    private static List<String> pictures(String markdown) {
        return GuideDocument.parse(markdown).stream().filter(b -> b instanceof GuideDocument.Picture)
                .map(b -> ((GuideDocument.Picture) b).file()).toList();
    }

    /** guide.md and its translations (guide_zh_CN.md ...), from the built resources folder. */
    private static List<String> bundledGuides() throws IOException, URISyntaxException {
        Path folder = Path.of(GuideView.class.getResource(GuideView.PICTURES).toURI());
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.matches("guide(_\\w+)?\\.md")).sorted().toList();
        }
    }

    private static String read(String name) throws IOException {
        try (InputStream in = GuideView.class.getResourceAsStream(GuideView.PICTURES + name)) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }
}
