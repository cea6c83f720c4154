package dev.patchexplorer.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.patchexplorer.core.tome.MergeSchedule;
import dev.patchexplorer.testing.TestAssets;
import dev.patchexplorer.testing.TinyCheckpoints;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** tokens, tome and permute on the tests' tiny ViT: their JSON against independent values, and bad input as exit 2. */
class ProbeCommandsTest {
    @TempDir
    static Path models;
    private static String vit;
    private static String image;

    @BeforeAll
    static void write() throws Exception {
        vit = TinyCheckpoints.vit(models.resolve("vit")).toString();
        image = TestAssets.sample("chelsea.png").toString();
    }

    private static JsonObject ok(String... args) {
        CliRun r = CliRun.standard(args);
        assertEquals(0, r.code(), r.toString());
        return JsonParser.parseString(r.out()).getAsJsonObject();
    }

    /** The lens after the last block is analyze's top-5 on the same picture: the same pixels reach the model. */
    @Test
    void tokensGivesTheSimilarityMapAndALensEndingOnAnalyzesAnswer() {
        JsonObject t = ok("tokens", "--model", vit, "--image", image, "--patch", "32", "--mode", "flexi", "--size", "224", "--block", "5",
                "--row", "2", "--col", "3");
        JsonArray sim = t.getAsJsonArray("similarity");
        assertEquals(7, sim.size());
        assertEquals(7, sim.get(0).getAsJsonArray().size());
        assertEquals(1.0, sim.get(2).getAsJsonArray().get(3).getAsDouble(), 1e-6);
        JsonArray lens = t.getAsJsonArray("logit_lens");
        assertEquals(12, lens.size());
        JsonObject a = ok("analyze", "--model", vit, "--image", image, "--patch", "32", "--mode", "flexi", "--size", "224");
        JsonArray last = lens.get(11).getAsJsonObject().getAsJsonArray("top5");
        for (int i = 0; i < 5; i++) {
            JsonObject ours = last.get(i).getAsJsonObject(), theirs = a.getAsJsonArray("top5").get(i).getAsJsonObject();
            assertEquals(theirs.get("index").getAsInt(), ours.get("index").getAsInt());
            assertEquals(theirs.get("probability").getAsDouble(), ours.get("probability").getAsDouble(), 1e-6);
        }
    }

    /**
     * 197 tokens at r 13: the schedule's counts down to 41, and the encoder's MACs worked by hand per block
     * (QKV and projection 4 n d^2, attention products 2 n^2 d, the MLP 2 n' d 4d on the merged n' tokens).
     */
    @Test
    void tomeFollowsTheScheduleAndItsMacs() {
        JsonObject t = ok("tome", "--model", vit, "--image", image, "--size", "224", "--r", "13");
        JsonArray counts = t.getAsJsonArray("tokens_per_block");
        int[] expected = MergeSchedule.of(197, 13, 12, 1).tokensIn();
        assertEquals(expected.length, counts.size());
        for (int i = 0; i < expected.length; i++) assertEquals(expected[i], counts.get(i).getAsInt());
        assertEquals(41, counts.get(12).getAsInt());
        long d = TinyCheckpoints.VIT_DIM;
        double macs = 0, plain = 0;
        for (int b = 0; b < 12; b++) {
            long n = counts.get(b).getAsInt(), after = counts.get(b + 1).getAsInt();
            macs += 4 * n * d * d + 2 * n * n * d + 2 * after * d * 4 * d;
            plain += 4 * 197 * d * d + 2 * 197L * 197 * d + 2 * 197 * d * 4 * d;
        }
        assertEquals(macs / 1e9, t.get("gmacs").getAsDouble(), 1e-12);
        assertEquals(plain / 1e9, t.get("gmacs_unmerged").getAsDouble(), 1e-12);
        Set<Integer> groups = new HashSet<>();
        for (JsonElement row : t.getAsJsonArray("groups")) for (JsonElement g : row.getAsJsonArray()) groups.add(g.getAsInt());
        assertEquals(40, groups.size(), "41 tokens are the class token and 40 groups of patches");
        assertEquals(5, t.getAsJsonArray("top5").size());
        assertEquals(5, t.getAsJsonArray("top5_unmerged").size());
    }

    @Test
    void permuteKeepsTheLogitsOnlyWithThePositionsAndShiftsOnRequest() {
        JsonObject t = ok("permute", "--model", vit, "--image", image, "--size", "224", "--seed", "7", "--shift", "8");
        assertTrue(t.get("max_abs_logit_difference_keeping_positions").getAsDouble() <= 1e-5, t.toString());
        assertTrue(t.get("max_abs_logit_difference_shuffling_pixels").getAsDouble() > 1e-3, t.toString());
        assertEquals(196, t.getAsJsonArray("order").size());
        JsonObject moved = t.getAsJsonObject("translation");
        assertEquals(8, moved.get("shift").getAsInt());
        assertTrue(moved.get("max_abs_logit_difference").getAsDouble() > 0);
        assertFalse(ok("permute", "--model", vit, "--image", image, "--size", "224").has("translation"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "tokens|--block|13", "tokens|--row|7|--patch|32", "tokens|--col|-1", "tome|--r|-1", "tome|--r|x",
            "permute|--seed|abc", "permute|--shift|224", "tokens|--patch|300"})
    void badInputIsOneLineAndExitTwo(String spec) {
        String[] extra = spec.split("\\|");
        String[] args = new String[extra.length + 6];
        args[0] = extra[0];
        System.arraycopy(new String[] {"--model", vit, "--image", image, "--size", "224"}, 0, args, 1, 6);
        System.arraycopy(extra, 1, args, 7, extra.length - 1);
        CliRun r = CliRun.standard(args);
        assertEquals(2, r.code(), r.toString());
        assertEquals(1, r.err().strip().lines().count(), r.toString());
        assertFalse(r.err().contains("Exception"), r.toString());
        assertTrue(r.out().isEmpty(), r.toString());
    }

    @Test
    void aModelThatIsNotAViTIsRefused() throws Exception {
        String cnn = TinyCheckpoints.mobileNetV2(models.resolve("cnn")).toString();
        CliRun r = CliRun.standard("tome", "--model", cnn, "--image", image, "--r", "4");
        assertEquals(2, r.code(), r.toString());
        assertTrue(r.err().contains("not one"), r.toString());
        assertEquals(2, CliRun.standard("tome", "--model", vit, "--image", image).code(), "--r is required");
    }
}
