package dev.patchexplorer.cli;

import dev.patchexplorer.testing.TestAssets;
import dev.patchexplorer.testing.TinyCheckpoints;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A checkpoint with a NaN weight: analyze prints no "probability": NaN, but one line and a non-zero exit. */
class NonFiniteAnalyzeTest {
    @TempDir
    Path tmp;

    @Test
    void nanWeightEndsWithOneLineAndANonZeroExit() throws Exception {
        Path model = TinyCheckpoints.vitDraft().set("head.weight", 7, Float.NaN).write(tmp.resolve("vit"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Cli.standard().run(new String[] {"analyze", "--model", model.toString(), "--image",
                TestAssets.sample("chelsea.png").toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        String stderr = err.toString(StandardCharsets.UTF_8);
        assertNotEquals(0, code, stderr);
        assertFalse(out.toString(StandardCharsets.UTF_8).contains("NaN"));
        assertEquals(1, stderr.lines().count(), stderr);
        assertTrue(stderr.contains("the model's output is not a number: its weights hold NaN (first in tensor head.weight)"), stderr);
    }
}
