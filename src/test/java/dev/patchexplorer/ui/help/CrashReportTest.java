package dev.patchexplorer.ui.help;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CrashReportTest {
    private static String shortMessage(Throwable t) {
        return new CrashReport("1.0", "main", t, Path.of("logs")).shortMessage();
    }

    @Test
    void prefersTheMessageWrittenForThisSituation() {
        assertEquals("could not load the model",
                shortMessage(new IllegalStateException("could not load the model", new RuntimeException("io"))));
    }

    @Test
    void aWrapperWithoutItsOwnWordsGivesWayToItsCause() {
        // new RuntimeException(cause) copies cause.toString() as its message: not written for people
        assertEquals("disk full", shortMessage(new RuntimeException(new java.io.IOException("disk full"))));
    }

    @Test
    void noMessageAnywhereGivesTheType() {
        assertEquals("NullPointerException", shortMessage(new NullPointerException()));
    }
}
