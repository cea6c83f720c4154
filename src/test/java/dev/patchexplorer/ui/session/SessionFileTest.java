package dev.patchexplorer.ui.session;

import dev.patchexplorer.core.objects.Box;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The session JSON: written and read back equal (values as text), tolerant of unknown and missing keys, strict on the format. */
class SessionFileTest {
    @Test
    void writtenAndReadBack(@TempDir Path dir) throws Exception {
        Map<String, Map<String, Object>> sections = new LinkedHashMap<>();
        sections.put("grid", Map.of("workingSize", 320, "aspect", "KEEP", "snap", true, "gridOpacity", 0.4));
        Session s = new Session("/img/a b.png", "/models/vit", sections, "rf", new Session.Place(false, 2.5, 100.25, 80),
                List.of(new Box("Cat", 1.5, 2, 30, 40), new Box("耳朵", 3, 4, 5, 6)));
        Path file = dir.resolve("s.json");
        SessionFile.write(s, file);
        String text = Files.readString(file);
        assertTrue(text.contains("\"format\": \"patch-explorer-session\""), text);
        assertTrue(text.contains("\"version\": 1"), text);
        assertTrue(text.contains("\"workingSize\": 320"), "numbers stay numbers: " + text);
        Session back = SessionFile.read(file);
        assertEquals(s.image(), back.image());
        assertEquals(s.model(), back.model());
        assertEquals(Map.of("workingSize", "320", "aspect", "KEEP", "snap", "true", "gridOpacity", "0.4"), back.section("grid"));
        assertEquals("rf", back.viewId());
        assertEquals(s.place(), back.place());
        assertEquals(s.boxes(), back.boxes());
    }

    @Test
    void unknownKeysAreIgnoredAndMissingOnesLeftOut() throws Exception {
        Session s = SessionFile.parse("""
                {"format": "patch-explorer-session", "version": 1, "comment": "from a later version",
                 "grid": {"patch": 24, "nested": {"x": 1}},
                 "view": {"zoom": "big"},
                 "boxes": [1, {"name": "ok", "x": 0, "y": 0, "width": 2, "height": 2}, {"name": "no size", "x": 0, "y": 0}]}
                """, "t.json");
        assertNull(s.image());
        assertNull(s.model());
        assertEquals(Map.of("patch", "24"), s.section("grid"));
        assertEquals(Map.of(), s.section("attention"));
        assertEquals(Session.Place.FITTED, s.place(), "a zoom that is not a number leaves the image fitted");
        assertEquals(List.of(new Box("ok", 0, 0, 2, 2)), s.boxes());
    }

    @Test
    void textThatIsNotJsonOrNotASessionIsRefusedWithOneSentence() {
        var notJson = assertThrows(SessionFileException.class, () -> SessionFile.parse("{\"format\": ", "a.json"));
        assertTrue(notJson.getMessage().startsWith("The session a.json is not valid JSON (line 1, column "), notJson.getMessage());
        var other = assertThrows(SessionFileException.class, () -> SessionFile.parse("{\"format\": \"x\", \"version\": 1}", "b.json"));
        assertEquals("The file b.json is not a Patch Explorer session; nothing was changed.", other.getMessage());
        assertThrows(SessionFileException.class, () -> SessionFile.parse("[1, 2]", "c.json"));
        assertThrows(SessionFileException.class, () -> SessionFile.parse("{\"format\": \"patch-explorer-session\"}", "d.json"),
                "a session states its version");
    }

    @Test
    void aMissingFileSaysSo(@TempDir Path dir) {
        var e = assertThrows(SessionFileException.class, () -> SessionFile.read(dir.resolve("gone.json")));
        assertEquals("Could not read the session gone.json: the file does not exist", e.getMessage());
    }

    @Test
    void aMovedImageIsFoundBesideTheSession(@TempDir Path dir) throws Exception {
        Path image = Files.writeString(dir.resolve("cat.png"), "x");
        Path model = Files.createDirectories(dir.resolve("vit"));
        String elsewhere = dir.resolve("old").resolve("place").toString();
        assertEquals(image, SessionOpener.locate(image.toString(), null, false), "where it was saved");
        assertEquals(image, SessionOpener.locate(elsewhere + "/cat.png", dir, false), "beside the session file");
        assertEquals(model, SessionOpener.locate(elsewhere + "/vit", dir, true));
        assertNull(SessionOpener.locate(elsewhere + "/vit", dir, false), "a folder is not an image");
        assertNull(SessionOpener.locate(elsewhere + "/dog.png", dir, false));
        assertNull(SessionOpener.locate(null, dir, false));
    }

    @Test
    void headChoicesAsText() {
        assertEquals("mean", SessionSettings.head(dev.patchexplorer.ui.inference.HeadChoice.MEAN));
        assertEquals("2", SessionSettings.head(dev.patchexplorer.ui.inference.HeadChoice.single(2)));
        assertEquals(dev.patchexplorer.ui.inference.HeadChoice.MAX, SessionSettings.head("max"));
        assertEquals(dev.patchexplorer.ui.inference.HeadChoice.single(3), SessionSettings.head("3"));
    }
}
