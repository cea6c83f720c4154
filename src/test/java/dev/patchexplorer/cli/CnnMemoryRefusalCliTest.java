package dev.patchexplorer.cli;

import dev.patchexplorer.testing.TestAssets;
import dev.patchexplorer.testing.TinyCheckpoints;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A CNN pass too large for the memory it may use is refused before it runs: exit 2, one line naming the
 * largest working size that fits, and that size does run while one pixel more is refused.
 */
class CnnMemoryRefusalCliTest {
    private static final Pattern FITS = Pattern.compile("a working size of (\\d+) px or less fits");

    @TempDir
    Path tmp;

    @AfterEach
    void noLimit() {
        System.clearProperty("patchexplorer.memoryLimit");
    }

    private String sample() {
        return TestAssets.sample("chelsea.png").toString();
    }

    @Test
    void analyzeNamesTheLargestSizeThatFitsAndThatSizeRuns() throws IOException {
        String cnn = TinyCheckpoints.mobileNetV2(tmp.resolve("mobilenetv2")).toString();
        System.setProperty("patchexplorer.memoryLimit", "4m");

        CliRun refused = CliRun.standard("analyze", "--model", cnn, "--image", sample(), "--size", "1024");
        assertEquals(2, refused.code(), refused.err());
        assertEquals("", refused.out());
        assertEquals(1, refused.err().lines().count(), refused.err());
        Matcher m = FITS.matcher(refused.err());
        assertTrue(m.find(), refused.err());
        int fits = Integer.parseInt(m.group(1));
        assertTrue(fits >= 16 && fits < 1024, refused.err());

        assertEquals(0, CliRun.standard("analyze", "--model", cnn, "--image", sample(), "--size", String.valueOf(fits)).code());
        assertEquals(2, CliRun.standard("analyze", "--model", cnn, "--image", sample(), "--size", String.valueOf(fits + 1)).code());
    }

    @Test
    void erfCountsTheBackwardPassToo() throws IOException {
        String cnn = TinyCheckpoints.mobileNetV2(tmp.resolve("mobilenetv2")).toString();
        System.setProperty("patchexplorer.memoryLimit", "4m");
        int forwardFits = sizeThatFits(CliRun.standard("analyze", "--model", cnn, "--image", sample(), "--size", "1024"));

        CliRun refused = CliRun.standard("erf", "--model", cnn, "--image", sample(), "--size", String.valueOf(forwardFits),
                "--layer", "conv_head", "--at", "5,5", "--out", tmp.resolve("erf").toString());
        assertEquals(2, refused.code(), refused.err());
        assertTrue(sizeThatFits(refused) < forwardFits, "a gradient pass holds more: " + refused.err());
    }

    private static int sizeThatFits(CliRun run) {
        Matcher m = FITS.matcher(run.err());
        assertTrue(m.find(), run.err());
        return Integer.parseInt(m.group(1));
    }
}
