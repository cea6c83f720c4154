package dev.patchexplorer.app;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AppVersionTest {
    @Test
    void classesRunFromAFolderTakeTheFilteredResource() {
        // no jar manifest here, so this is the Maven-filtered version.properties
        String version = AppVersion.current();
        assertTrue(version.matches("\\d+\\.\\d+\\.\\d+.*"), version);
        assertEquals(version, AppVersion.fromResource());
    }

    @Test
    void launcherPrintsTheVersion() {
        PrintStream before = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            Launcher.main(new String[] {"--version"});
        } finally {
            System.setOut(before);
        }
        assertEquals("Patch Explorer " + AppVersion.current(), out.toString(StandardCharsets.UTF_8).strip());
    }
}
