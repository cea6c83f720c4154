package dev.patchexplorer.ui;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Settings are written in the background, saves coalesce (the last wins), and a flush puts them on disk. */
class SettingsTest {
    @TempDir
    Path dir;

    @Test
    void manySavesQueueOneWriteThatHoldsTheLast() {
        Path file = dir.resolve("s.properties");
        Queue<Runnable> queued = new ArrayDeque<>();
        Settings settings = new Settings(file, queued::add);
        for (int i = 0; i < 100; i++) {
            settings.put("patch", i);
            settings.save();
        }
        assertFalse(Files.exists(file), "nothing is written on the thread that saves");
        assertEquals(1, queued.size(), "100 saves before the writer ran coalesce into one write");
        queued.poll().run();
        assertEquals(99, new Settings(file).getInt("patch", -1));

        settings.put("patch", 7);   // a save after the write queues a new one
        settings.save();
        assertEquals(1, queued.size());
        settings.put("patch", 8);   // a change without a save is not written
        queued.poll().run();
        assertEquals(7, new Settings(file).getInt("patch", -1));
    }

    @Test
    void savesLandAndSurviveAFlush() {
        Path file = dir.resolve("nested/s.properties");
        Settings settings = new Settings(file);
        for (int i = 0; i < 500; i++) {
            settings.put("workingSize", 16 + i);
            settings.put("recent." + (i % 10), "file-" + i);
            settings.save();
        }
        assertTrue(settings.flush(Duration.ofSeconds(10)));
        Settings reread = new Settings(file);
        assertEquals(16 + 499, reread.getInt("workingSize", -1));
        assertEquals("file-499", reread.get("recent.9", ""));
        assertEquals("file-490", reread.get("recent.0", ""));

        settings.put("theme", "DARK");
        settings.save();
        assertTrue(settings.flush(Duration.ofSeconds(10)));
        assertEquals("DARK", new Settings(file).get("theme", ""));
    }
}
