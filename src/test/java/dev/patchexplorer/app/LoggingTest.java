package dev.patchexplorer.app;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.logging.ConsoleHandler;
import java.util.logging.FileHandler;
import java.util.logging.Logger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LoggingTest {
    @TempDir Path temp;

    @AfterEach
    void stopLogging() {
        Logging.uninstall();
    }

    @Test
    void writesJulAndSlf4jRecordsToTheLogFile() throws IOException {
        Path folder = Logging.install(temp.resolve("logs"));

        Logger.getLogger("dev.patchexplorer.test").info("hello from java.util.logging");
        // DJL logs through slf4j; slf4j-jdk14 must bring those lines into the same file
        LoggerFactory.getLogger("ai.djl.test").warn("hello from slf4j");

        String log = Files.readString(folder.resolve("patch-explorer-0.log"), StandardCharsets.UTF_8);
        assertTrue(log.contains("INFO") && log.contains("hello from java.util.logging"), log);
        assertTrue(log.contains("WARNING") && log.contains("hello from slf4j"), log);
    }

    @Test
    void stackTracesFollowTheirLine() throws IOException {
        Path folder = Logging.install(temp);
        Logger.getLogger("dev.patchexplorer.test").log(java.util.logging.Level.SEVERE, "it broke",
                new IllegalStateException("the cause"));

        String log = Files.readString(folder.resolve("patch-explorer-0.log"), StandardCharsets.UTF_8);
        assertTrue(log.contains("it broke"), log);
        assertTrue(log.contains("java.lang.IllegalStateException: the cause"), log);
    }

    @Test
    void theConsoleIsQuietUnlessVerbose() {
        Logger root = Logger.getLogger("");
        Logging.install(temp);
        assertEquals(0, consoleHandlers(root), "JUL's default console handler is gone, so DJL lines reach only the file");
        Logging.setVerbose(true);
        Logging.setVerbose(true);
        assertEquals(1, consoleHandlers(root), "--verbose adds one stderr handler, however often it is asked");
        Logging.setVerbose(false);
        assertEquals(0, consoleHandlers(root));
    }

    @Test
    void fileNamesTheOneThisProcessWrites() throws IOException {
        Path folder = Logging.install(temp);
        assertEquals(Optional.of(folder.resolve("patch-explorer-0.log")), Logging.file());
        Logging.uninstall();
        // another holder of patch-explorer-0.log (the window, a second command): FileHandler moves to ".1"
        FileHandler other = new FileHandler(temp.resolve(Logging.FILE_PATTERN).toString(), Logging.FILE_LIMIT_BYTES,
                Logging.FILE_COUNT, true);
        try {
            Logging.install(temp);
            Path file = Logging.file().orElseThrow();
            assertEquals(temp.resolve("patch-explorer-0.log.1"), file);
            Logger.getLogger("dev.patchexplorer.test").warning("written where file() says");
            assertTrue(Files.readString(file, StandardCharsets.UTF_8).contains("written where file() says"));
        } finally {
            other.close();
        }
    }

    private static long consoleHandlers(Logger root) {
        return Arrays.stream(root.getHandlers()).filter(h -> h instanceof ConsoleHandler).count();
    }

    @Test
    void systemPropertyOverridesTheFolder() {
        String before = System.getProperty(Logging.FOLDER_PROPERTY);
        try {
            System.setProperty(Logging.FOLDER_PROPERTY, temp.toString());
            assertEquals(temp, Logging.folder());
        } finally {
            if (before == null) System.clearProperty(Logging.FOLDER_PROPERTY);
            else System.setProperty(Logging.FOLDER_PROPERTY, before);
        }
    }

    @Test
    void eachOsHasItsConventionalFolder() {
        Path home = Path.of("/home/ada");
        assertEquals(home.resolve(".local/state/patch-explorer/logs"),
                Logging.defaultFolder("Linux", Map.of(), home));
        assertEquals(Path.of("/xdg/state/patch-explorer/logs"),
                Logging.defaultFolder("Linux", Map.of("XDG_STATE_HOME", "/xdg/state"), home));
        assertEquals(home.resolve(".local/state/patch-explorer/logs"),
                Logging.defaultFolder("Linux", Map.of("XDG_STATE_HOME", "relative/ignored"), home),
                "the XDG spec says to ignore a relative path");
        assertEquals(home.resolve("Library/Logs/PatchExplorer"),
                Logging.defaultFolder("Mac OS X", Map.of(), home));
        assertEquals(Path.of("C:/Users/ada/AppData/Local").resolve("PatchExplorer").resolve("logs"),
                Logging.defaultFolder("Windows 11", Map.of("LOCALAPPDATA", "C:/Users/ada/AppData/Local"), home));
    }
}
