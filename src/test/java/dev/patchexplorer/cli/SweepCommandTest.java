package dev.patchexplorer.cli;

import dev.patchexplorer.model.sweep.SweepCsv;
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

    /** Two pictures in ImageNet class folders: chelsea under tench's WordNet id, coffee under "goldfish". */
    private static Path classFolders() throws Exception {
        Path root = dir.resolve("classes");
        if (!Files.isDirectory(root)) {
            Files.createDirectories(root.resolve("n01440764"));
            Files.createDirectories(root.resolve("goldfish"));
            Files.copy(TestAssets.sample("chelsea.png"), root.resolve("n01440764").resolve("chelsea.png"));
            Files.copy(TestAssets.sample("coffee.png"), root.resolve("goldfish").resolve("coffee.png"));
        }
        return root;
    }

    @Test
    void classFoldersJudgeEveryRowAndTheSummaryHasAccuracyWithIntervals() throws Exception {
        Path root = classFolders();
        Path out = dir.resolve("judged.csv");
        CliRun run = CliRun.of(Cli.standard(), "sweep", "--model", model.toString(), "--images", root.toString(),
                "--patch", "8,16,32", "--size", "64", "--out", out.toString());
        assertEquals(0, run.code(), run::toString);
        List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
        assertTrue(lines.get(0).endsWith(",correct_top1,correct_top5"), lines.get(0));
        assertEquals(6, lines.size() - 1);
        int c1 = SweepCsv.COLUMNS.indexOf("correct_top1");
        Map<Integer, int[]> correctByPatch = new TreeMap<>();
        Map<Integer, double[]> klByPatch = new TreeMap<>();
        for (String line : lines.subList(1, lines.size())) {
            List<String> f = SweepCsv.fields(line);
            int truth = f.get(0).contains("n01440764") ? 0 : 1;
            int top1 = Integer.parseInt(f.get(SweepCsv.COLUMNS.indexOf("top1_index")));
            boolean inTop5 = List.of(f.get(SweepCsv.COLUMNS.indexOf("top5_indices")).split(" ")).contains(Integer.toString(truth));
            assertEquals(top1 == truth ? "1" : "0", f.get(c1), line);
            assertEquals(inTop5 ? "1" : "0", f.get(c1 + 1), line);
            int patch = Integer.parseInt(f.get(1));
            correctByPatch.computeIfAbsent(patch, k -> new int[2])[0] += top1 == truth ? 1 : 0;
            correctByPatch.get(patch)[1]++;
            double[] kl = klByPatch.computeIfAbsent(patch, k -> new double[] {Double.NaN, Double.NaN});
            kl[Double.isNaN(kl[0]) ? 0 : 1] = Double.parseDouble(f.get(SweepCsv.COLUMNS.indexOf("kl")));
        }
        JsonObject summary = JsonParser.parseString(run.out()).getAsJsonObject();
        assertEquals(2, summary.get("labelled_images").getAsInt());
        for (var e : summary.getAsJsonArray("patches")) {
            JsonObject p = e.getAsJsonObject();
            int patch = p.get("patch").getAsInt();
            int k = correctByPatch.get(patch)[0];
            assertEquals(2, p.get("labelled_images").getAsInt());
            assertEquals(k / 2.0, p.get("accuracy_top1").getAsDouble(), 1e-12);
            // Wilson's interval of k out of 2, worked from its formula
            double z = 1.959963984540054;
            double ph = k / 2.0;
            double centre = (ph + z * z / 4) / (1 + z * z / 2);
            double half = z * Math.sqrt(ph * (1 - ph) / 2 + z * z / 16) / (1 + z * z / 2);
            var acc = p.getAsJsonObject("ci95").getAsJsonArray("accuracy_top1");
            assertEquals(Math.max(0, centre - half), acc.get(0).getAsDouble(), 1e-12);
            assertEquals(Math.min(1, centre + half), acc.get(1).getAsDouble(), 1e-12);
            // two KL values: mean +- t(0.975, 1) s / sqrt 2 with s = |a - b| / sqrt 2, so half-width 12.7062 |a - b| / 2
            double[] kl = klByPatch.get(patch);
            double mean = (kl[0] + kl[1]) / 2;
            assertEquals(mean, p.get("kl").getAsDouble(), 1e-12);
            var ci = p.getAsJsonObject("ci95").getAsJsonArray("kl");
            assertEquals(mean - 12.7062047 * Math.abs(kl[0] - kl[1]) / 2, ci.get(0).getAsDouble(), 1e-6 * Math.max(1, mean));
        }
    }

    @Test
    void aLabelsCsvGivesTrueClassesByIndexOrNameAndClassesRenamesThem() throws Exception {
        Path csv = dir.resolve("truth.csv");
        Files.writeString(csv, "file,label\nchelsea.png,281\ncoffee.png,\"tabby, tabby cat\"\n", StandardCharsets.UTF_8);
        Path names = dir.resolve("names.csv");
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 1000; i++) b.append("kind ").append(i).append('\n');
        Files.writeString(names, b.toString(), StandardCharsets.UTF_8);
        Path out = dir.resolve("labelled.csv");
        CliRun run = sweep(Cli.standard(), out, "--labels", csv.toString(), "--classes", names.toString());
        // names.csv renames the classes, so the labels file can no longer say "tabby, tabby cat"
        assertEquals(2, run.code(), run::toString);
        assertTrue(run.err().contains("--labels") && run.err().contains("line 3"), run.err());
        Files.writeString(csv, "file,label\nchelsea.png,281\ncoffee.png,kind 281\n", StandardCharsets.UTF_8);
        run = sweep(Cli.standard(), out, "--labels", csv.toString(), "--classes", names.toString());
        assertEquals(0, run.code(), run::toString);
        for (String line : Files.readAllLines(out).subList(1, 7)) {
            var r = SweepCsv.parse(line);
            assertEquals("kind " + r.top1Index(), r.top1Label());
            assertEquals(r.top1Index() == 281 ? 1 : 0, r.correctTop1(), line);
        }
        JsonObject summary = JsonParser.parseString(run.out()).getAsJsonObject();
        assertEquals(2, summary.get("labelled_images").getAsInt());
    }

    @Test
    void rowsOfAnEarlierRunAreJudgedByTheTrueClassesOfTheResumedOne() throws Exception {
        Path out = dir.resolve("resumed-labelled.csv");
        assertEquals(1, sweep(new Cli(List.of(new SweepCommand(rows -> rows >= 2))), out, "--jobs", "1").code());
        Path csv = dir.resolve("cats.csv");
        Files.writeString(csv, "chelsea.png,281\ncoffee.png,281\n", StandardCharsets.UTF_8);
        CliRun run = sweep(Cli.standard(), out, "--labels", csv.toString());
        assertEquals(0, run.code(), run::toString);
        List<String> lines = Files.readAllLines(out).subList(1, 7);
        assertTrue(lines.get(0).endsWith(",,"), "the earlier run's rows stay as written: " + lines.get(0));
        int correct = 0;
        for (String line : lines) if (SweepCsv.parse(line).top1Index() == 281 && SweepCsv.parse(line).patch() == 8) correct++;
        JsonObject p8 = JsonParser.parseString(run.out()).getAsJsonObject().getAsJsonArray("patches").get(0).getAsJsonObject();
        assertEquals(2, p8.get("labelled_images").getAsInt(), "every row of P8 counts, the earlier run's too");
        assertEquals(correct / 2.0, p8.get("accuracy_top1").getAsDouble(), 1e-12);
    }

    @Test
    void withoutTrueClassesTheNewColumnsAreEmptyAndTheSummaryHasNoAccuracy() throws Exception {
        Path out = dir.resolve("unlabelled.csv");
        CliRun run = sweep(Cli.standard(), out);
        assertEquals(0, run.code(), run::toString);
        for (String line : Files.readAllLines(out).subList(1, 7)) assertTrue(line.endsWith(",,"), line);
        JsonObject p = JsonParser.parseString(run.out()).getAsJsonObject().getAsJsonArray("patches").get(0).getAsJsonObject();
        assertFalse(p.has("accuracy_top1"));
        assertTrue(p.getAsJsonObject("ci95").has("agree_top1"));
    }

    @Test
    void aTableOfAnOlderVersionIsRefusedWithASentence() throws Exception {
        Path out = dir.resolve("old.csv");
        String old = String.join(",", SweepCsv.COLUMNS.subList(0, SweepCsv.COLUMNS.size() - 2));
        Files.writeString(out, old + "\n");
        CliRun run = sweep(Cli.standard(), out);
        assertEquals(2, run.code(), run::toString);
        assertTrue(run.err().contains("older version"), run.err());
    }

    @Test
    void labelsWithCommasAreQuoted() {
        assertEquals("\"tabby, tabby cat\"", SweepCsv.quote("tabby, tabby cat"));
        assertEquals(List.of("a", "tabby, \"tabby\" cat", "3"), SweepCsv.fields("a,\"tabby, \"\"tabby\"\" cat\",3"));
    }
}
