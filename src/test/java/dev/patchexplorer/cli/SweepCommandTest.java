package dev.patchexplorer.cli;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.patchexplorer.testing.TestAssets;
import dev.patchexplorer.testing.TinyCheckpoints;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The sweep command's plumbing on the tiny seeded ViT, so it runs on a fresh clone. */
class SweepCommandTest {
    @TempDir
    static Path dir;
    private static Path model;
    private static String images;

    @BeforeAll
    static void setUp() throws Exception {
        model = TinyCheckpoints.vit(dir.resolve("tiny"));
        images = TestAssets.sample("chelsea.png") + File.pathSeparator + TestAssets.sample("coffee.png");
    }

    private static CliRun sweep(Cli cli, Path out, String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("sweep", "--model", model.toString(), "--images", images,
                "--patch", "8,16,32", "--size", "64", "--out", out.toString()));
        args.addAll(List.of(more));
        return CliRun.of(cli, args.toArray(String[]::new));
    }

    /** Rows keyed by (image, patch), the ms column blanked. */
    private static Map<String, String> rows(Path csv) throws Exception {
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        assertEquals(SweepCsv.HEADER, lines.get(0));
        int ms = SweepCsv.COLUMNS.indexOf("ms");
        Map<String, String> out = new TreeMap<>();
        for (String line : lines.subList(1, lines.size())) {
            List<String> f = new java.util.ArrayList<>(SweepCsv.fields(line));
            f.set(ms, "");
            String key = f.get(0) + "@" + f.get(1);
            assertFalse(out.containsKey(key), "row written twice: " + key);
            out.put(key, String.join("|", f));
        }
        return out;
    }

    @Test
    void oneRowPerImageAndPatchAndTheReferenceAgreesWithItself() throws Exception {
        Path out = dir.resolve("plain.csv");
        CliRun run = sweep(Cli.standard(), out);
        assertEquals(0, run.code(), run::toString);
        Map<String, String> rows = rows(out);
        assertEquals(6, rows.size());
        for (String line : Files.readAllLines(out).subList(1, 7)) {
            var r = SweepCsv.parse(line);
            assertEquals(1 + (64 / r.patch()) * (64 / r.patch()), r.tokens());
            assertTrue(r.gmacs() > 0 && r.ms() > 0, line);
            assertTrue(r.attentionEntropy() > 0 && r.attentionEntropy() <= 1, line);
            if (r.patch() == 16) {
                assertEquals(1, r.agreeTop1());
                assertEquals(0.0, r.kl(), 0.0);
                assertEquals(1.0, r.heatmapIou60(), 0.0);
            }
        }
        JsonObject summary = JsonParser.parseString(run.out()).getAsJsonObject();
        assertEquals(3, summary.getAsJsonArray("patches").size());
        assertEquals(2, summary.getAsJsonArray("patches").get(1).getAsJsonObject().get("images").getAsInt());
        assertEquals(1.0, summary.getAsJsonArray("patches").get(1).getAsJsonObject().get("agree_top1").getAsDouble(), 0.0);
        assertTrue(summary.getAsJsonObject("recommendation").get("text").getAsString().contains("P16"), run.out());
        assertTrue(Files.exists(dir.resolve("plain.summary.json")));
    }

    @Test
    void aKilledSweepResumesWithoutRepeatingRowsAndMatchesAnUninterruptedOne() throws Exception {
        Path whole = dir.resolve("whole.csv");
        assertEquals(0, sweep(Cli.standard(), whole, "--jobs", "1").code());
        Path resumed = dir.resolve("resumed.csv");
        CliRun stopped = sweep(new Cli(List.of(new SweepCommand(rows -> rows >= 2))), resumed, "--jobs", "1");
        assertEquals(1, stopped.code(), stopped::toString);
        assertEquals(2, Files.readAllLines(resumed).size() - 1);
        // and as if killed while writing the third row
        Files.writeString(resumed, "assets/samples/coffee.png,8,flexi,64,6", StandardOpenOption.APPEND);
        CliRun again = sweep(Cli.standard(), resumed, "--jobs", "2");
        assertEquals(0, again.code(), again::toString);
        assertEquals(rows(whole), rows(resumed));
        // a finished table runs nothing more
        CliRun third = sweep(Cli.standard(), resumed);
        assertEquals(0, third.code(), third::toString);
        assertEquals(6, rows(resumed).size());
    }

    @Test
    void tokensModeHoldsTheTokenCount() throws Exception {
        Path out = dir.resolve("tokens.csv");
        CliRun run = sweep(Cli.standard(), out, "--mode", "tokens");
        assertEquals(0, run.code(), run::toString);
        for (String line : Files.readAllLines(out).subList(1, 7)) {
            var r = SweepCsv.parse(line);
            assertEquals(17, r.tokens(), line);
            assertEquals(4 * r.patch(), r.size(), line);
        }
    }

    @Test
    void badInputIsOneLineAndExitTwo() throws Exception {
        Path out = dir.resolve("bad.csv");
        for (String[] extra : new String[][] {{"--mode", "warp"}, {"--patch", "32:8"}, {"--patch", "128"}, {"--jobs", "0"},
                {"--min-agreement", "120"}}) {
            List<String> args = new java.util.ArrayList<>(List.of("sweep", "--model", model.toString(), "--images", images,
                    "--patch", "8,16", "--size", "64", "--out", out.toString()));
            for (int i = 0; i < extra.length; i += 2) {
                int at = args.indexOf(extra[i]);
                if (at >= 0) args.set(at + 1, extra[i + 1]);
                else args.addAll(List.of(extra[i], extra[i + 1]));
            }
            CliRun run = CliRun.of(Cli.standard(), args.toArray(String[]::new));
            assertEquals(2, run.code(), run::toString);
            assertEquals(1, run.err().strip().lines().count(), run::toString);
            assertFalse(run.err().contains("Exception"), run::toString);
        }
        Files.writeString(out, "not,a,sweep\n");
        assertEquals(2, sweep(Cli.standard(), out).code());
    }

    @Test
    void labelsWithCommasAreQuoted() {
        assertEquals("\"tabby, tabby cat\"", SweepCsv.quote("tabby, tabby cat"));
        assertEquals(List.of("a", "tabby, \"tabby\" cat", "3"), SweepCsv.fields("a,\"tabby, \"\"tabby\"\" cat\",3"));
    }
}
