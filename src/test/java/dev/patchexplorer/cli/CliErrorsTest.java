package dev.patchexplorer.cli;

import dev.patchexplorer.core.format.Json;
import dev.patchexplorer.testing.TestAssets;
import dev.patchexplorer.testing.TinyCheckpoints;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintStream;
import java.nio.file.Files;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CliErrorsTest {
    /** A Java class name (dev.patchexplorer.cli.Foo) or an exception's name has no place in a user's error line. */
    private static final Pattern CLASS_NAME = Pattern.compile("\\b[a-z]+\\.[a-z]+\\.[A-Z]\\w*|Exception|Error\\b");

    @TempDir
    Path tmp;

    private static String chelsea() {
        return TestAssets.sample("chelsea.png").toString();
    }

    /** Exit 2, nothing on stdout, one line on stderr that names the command and holds {@code expected}. */
    private static String assertBadInput(String command, String expected, String... args) {
        CliRun r = CliRun.standard(args);
        assertEquals(2, r.code(), String.join(" ", args) + "\n" + r);
        assertEquals("", r.out(), r.toString());
        assertTrue(r.err().endsWith("\n") && r.err().strip().lines().count() == 1, r.toString());
        assertTrue(r.err().startsWith("patch-explorer" + (command.isEmpty() ? ": " : " " + command + ": ")), r.err());
        assertTrue(r.err().contains(expected), "expected '" + expected + "' in " + r.err());
        assertFalse(CLASS_NAME.matcher(r.err()).find(), r.err());
        return r.err().substring(r.err().indexOf(": ") + 2).strip();
    }

    @Test
    void optionMistakesAreOneLineForEveryCommand() {
        assertBadInput("tradeoffs", "unknown option --bogus", "tradeoffs", "--bogus", "1");
        assertBadInput("tradeoffs", "option --patch needs a value", "tradeoffs", "--patch");
        assertBadInput("rf", "option --verbose takes no value", "rf", "--arch", "resnet18", "--verbose=yes");
        assertBadInput("analyze", "unexpected argument 'cat.png'", "analyze", "cat.png");
        assertBadInput("erf", "missing required option --model", "erf");
        assertBadInput("", "unknown command 'analyse'", "analyse", "--model", "x");
    }

    @Test
    void modeHasOneParserAndOneMessage() throws Exception {
        // an existing folder passes --model without being loaded, so no checkpoint is needed to reach --mode
        Path folder = Files.createDirectories(tmp.resolve("some_model"));
        String analyze = assertBadInput("analyze", "--mode must be resize or flexi", "analyze", "--model", folder.toString(),
                "--image", chelsea(), "--mode", "zoom");
        String erf = assertBadInput("erf", "--mode must be resize or flexi", "erf", "--model", folder.toString(), "--image", chelsea(),
                "--layer", "1", "--at", "5,5", "--out", tmp.toString(), "--mode", "zoom");
        assertEquals("--mode must be resize or flexi, got 'zoom'", analyze);
        assertEquals(analyze, erf);
    }

    @Test
    void sizeHasOneLimitEverywhere() throws Exception {
        Path folder = Files.createDirectories(tmp.resolve("some_model"));
        String expected = "--size must be between 16 and 4096, got 5000";
        assertEquals(expected, assertBadInput("analyze", expected, "analyze", "--model", folder.toString(), "--image", chelsea(),
                "--size", "5000"));
        assertEquals(expected, assertBadInput("erf", expected, "erf", "--model", folder.toString(), "--image", chelsea(),
                "--layer", "1", "--at", "5,5", "--out", tmp.toString(), "--size", "5000"));
        assertEquals(expected, assertBadInput("rf", expected, "rf", "--arch", "resnet18", "--size", "5000"));
        assertEquals(expected, assertBadInput("tradeoffs", expected, "tradeoffs", "--size", "5000"));
        assertBadInput("analyze", "--size must be between 16 and 4096, got 15", "analyze", "--model", folder.toString(),
                "--image", chelsea(), "--size", "15");
        assertEquals(0, CliRun.standard("rf", "--arch", "resnet18", "--size", "16").code(), "16 is the smallest allowed");
        assertEquals(0, CliRun.standard("tradeoffs", "--size", "4096", "--patch", "64").code(), "4096 is the largest allowed");
    }

    @Test
    void erfResolvesModelNamesLikeEveryOtherCommand() throws Exception {
        Path models = Files.createDirectories(tmp.resolve("models"));
        for (String command : List.of("analyze", "erf", "rf")) {
            String[] args = switch (command) {
                case "erf" -> new String[] {"erf", "--models", models.toString(), "--model", "vit_nothing", "--image", chelsea(),
                        "--layer", "1", "--at", "5,5", "--out", tmp.toString()};
                case "analyze" -> new String[] {"analyze", "--models", models.toString(), "--model", "vit_nothing", "--image", chelsea()};
                default -> new String[] {"rf", "--models", models.toString(), "--model", "vit_nothing"};
            };
            assertBadInput(command, "no model folder named vit_nothing in " + models, args);
            assertBadInput(command, "model folder not found: " + tmp.resolve("gone"),
                    replace(args, "vit_nothing", tmp.resolve("gone").toString()));
        }
    }

    @Test
    void aModelTheLoaderRefusesIsBadInput() throws Exception {
        Path broken = Files.createDirectories(tmp.resolve("vit_broken"));
        Files.writeString(broken.resolve("config.json"), "{\"architecture\": \"vit_tiny_patch16_224\"}");
        assertBadInput("analyze", "has no model.safetensors", "analyze", "--model", broken.toString(), "--image", chelsea());
        assertBadInput("erf", "has no model.safetensors", "erf", "--model", broken.toString(), "--image", chelsea(),
                "--layer", "1", "--at", "5,5", "--out", tmp.resolve("out").toString());
        assertFalse(Files.exists(tmp.resolve("out")), "nothing created for a model that did not load");
    }

    @Test
    void outMustBeAWritableFolder() throws Exception {
        Path file = Files.writeString(tmp.resolve("taken"), "x");
        Path folder = Files.createDirectories(tmp.resolve("some_model"));
        assertBadInput("analyze", "--out " + file + " is a file, not a folder", "analyze", "--model", folder.toString(),
                "--image", chelsea(), "--out", file.toString());
        assertBadInput("erf", "cannot write to --out " + file.resolve("below"), "erf", "--model", folder.toString(),
                "--image", chelsea(), "--layer", "1", "--at", "5,5", "--out", file.resolve("below").toString());
    }

    @Test
    void patchLimitsReadTheSameInEveryCommand() throws IOException {
        String vit = TinyCheckpoints.vit(tmp.resolve("vit")).toString();
        String expected = "--patch 300 is larger than the 224x224 image";
        assertEquals(expected, assertBadInput("tradeoffs", expected, "tradeoffs", "--size", "224", "--patch", "300"));
        assertEquals(expected, assertBadInput("analyze", expected, "analyze", "--model", vit, "--image", chelsea(), "--patch", "300"));
        assertEquals(expected, assertBadInput("erf", expected, "erf", "--model", vit, "--image", chelsea(), "--layer", "1",
                "--at", "5,5", "--out", tmp.toString(), "--patch", "300"));
        assertEquals("--patch must be at least 1, got 0",
                assertBadInput("analyze", "at least 1", "analyze", "--model", vit, "--image", chelsea(), "--patch", "0"));
        assertFalse(Files.exists(tmp.resolve("erf.json")), "nothing written for bad input");
    }

    @Test
    void anInternalFailureIsOneLineThatPointsAtTheLog() {
        Cli cli = new Cli(List.of(failing("boom", new IllegalStateException("the grid lost a row"))));
        CliRun plain = CliRun.of(cli, "boom");
        assertEquals(1, plain.code(), plain.toString());
        assertEquals("patch-explorer boom: failed: the grid lost a row; run again with --verbose for details\n", plain.err());

        Path log = tmp.resolve("patch-explorer-0.log");
        CliRun logged = CliRun.of(cli.withLogFile(log), "boom");
        assertEquals(1, logged.code(), logged.toString());
        assertEquals("patch-explorer boom: failed: the grid lost a row; details in " + log + "\n", logged.err());
        assertEquals("", logged.out());

        CliRun silent = CliRun.of(new Cli(List.of(failing("npe", new NullPointerException()))), "npe");
        assertEquals(1, silent.code());
        assertEquals("patch-explorer npe: failed unexpectedly; run again with --verbose for details\n", silent.err());
    }

    @Test
    void aResultWithNaNIsRefusedNotPrinted() {
        Cli cli = new Cli(List.of(printing("nan", Map.of("radius50", Double.NaN))));
        CliRun r = CliRun.of(cli, "nan");
        assertEquals(1, r.code(), r.toString());
        assertEquals("", r.out(), "no invalid JSON on stdout");
        assertTrue(r.err().startsWith("patch-explorer nan: failed: the result is not valid JSON: radius50 is NaN"), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
    }

    private static String[] replace(String[] args, String from, String to) {
        return java.util.Arrays.stream(args).map(a -> a.equals(from) ? to : a).toArray(String[]::new);
    }

    private static Command failing(String name, RuntimeException e) {
        return new TestCommand(name, out -> {
            throw e;
        });
    }

    private static Command printing(String name, Object json) {
        return new TestCommand(name, out -> Json.print(out, json));
    }

    private record TestCommand(String name, java.util.function.Consumer<PrintStream> body) implements Command {
        @Override
        public String summary() {
            return "test";
        }

        @Override
        public List<OptionSpec> options() {
            return List.of();
        }

        @Override
        public int run(Options options, PrintStream out) {
            body.accept(out);
            return 0;
        }
    }
}
