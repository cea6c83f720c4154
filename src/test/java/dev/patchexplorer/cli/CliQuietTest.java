package dev.patchexplorer.cli;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.patchexplorer.testing.TestAssets;
import dev.patchexplorer.testing.TinyCheckpoints;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a user's terminal shows, seen from outside: the launcher in its own JVM, as
 * {@code java -jar} runs it, so java.util.logging's console and the native engine write
 * where they would for a user.
 */
class CliQuietTest {
    private static final String ENGINE_LINE = "Number of intra-op threads";

    @TempDir
    Path tmp;

    private record Process(int code, String out, String err) {}

    private Process launch(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g", "-Dai.djl.pytorch.num_threads=1", "-Djava.awt.headless=true",
                "-Dpatchexplorer.logs=" + tmp.resolve("logs"), "-Dpatchexplorer.cache=" + tmp.resolve("cache"),
                "-cp", System.getProperty("java.class.path"), "dev.patchexplorer.app.Launcher"));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectOutput(tmp.resolve("out.txt").toFile())
                .redirectError(tmp.resolve("err.txt").toFile());
        pb.environment().remove("PATCHEXPLORER_MODELS");
        java.lang.Process p = pb.start();
        if (!p.waitFor(180, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("patch-explorer " + String.join(" ", args) + " did not finish in 180 s");
        }
        return new Process(p.exitValue(), Files.readString(tmp.resolve("out.txt"), StandardCharsets.UTF_8),
                Files.readString(tmp.resolve("err.txt"), StandardCharsets.UTF_8));
    }

    private String log() throws IOException {
        return Files.readString(tmp.resolve("logs").resolve("patch-explorer-0.log"), StandardCharsets.UTF_8);
    }

    @Test
    void aModelRunPrintsJsonAndNothingElseUnlessVerbose() throws Exception {
        Path vit = TinyCheckpoints.vit(tmp.resolve("vit"));
        String image = TestAssets.sample("chelsea.png").toAbsolutePath().toString();

        Process quiet = launch("analyze", "--model", vit.toAbsolutePath().toString(), "--image", image);
        assertEquals(0, quiet.code(), quiet.err());
        assertEquals("", quiet.err(), "DJL and PyTorch lines stay off the terminal");
        JsonObject json = JsonParser.parseString(quiet.out()).getAsJsonObject();
        assertEquals(5, json.getAsJsonArray("top5").size(), quiet.out());
        assertTrue(log().contains("ai.djl.pytorch.engine.PtEngine: " + ENGINE_LINE), "the log file keeps them:\n" + log());

        Process verbose = launch("--verbose", "analyze", "--model", vit.toAbsolutePath().toString(), "--image", image);
        assertEquals(0, verbose.code(), verbose.err());
        assertTrue(verbose.err().contains(ENGINE_LINE), verbose.err());
        assertEquals(json, JsonParser.parseString(verbose.out()), "stdout is the same JSON either way");
    }

    @Test
    void badInputIsExactlyOneLineOnStderr() throws Exception {
        Process p = launch("analyze", "--model", tmp.resolve("missing").toString(), "--image", "cat.png");
        assertEquals(2, p.code(), p.err());
        assertEquals("patch-explorer analyze: model folder not found: " + tmp.resolve("missing") + System.lineSeparator(), p.err());
        assertEquals("", p.out());

        Process typo = launch("tradeofs", "--patch", "16");
        assertEquals(2, typo.code(), typo.err());
        assertEquals(1, typo.err().lines().count(), typo.err());
        assertFalse(typo.err().contains("Exception"), typo.err());
    }

    @Test
    void helpNamesTheLogFile() throws Exception {
        Process p = launch("erf", "--help");
        assertEquals(0, p.code(), p.err());
        assertEquals("", p.err());
        assertTrue(p.out().contains("Log file: " + tmp.resolve("logs").resolve("patch-explorer-0.log")), p.out());
    }
}
