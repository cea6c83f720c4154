package dev.patchexplorer.cli;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.patchexplorer.model.catalog.ModelCache;
import dev.patchexplorer.testing.TinyCheckpoints;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** --model as a path or as a name found through --models, the environment variable and the cache, in that order. */
class ModelArgumentTest {
    private static final String VIT = "vit_tiny_patch16_224.augreg_in21k_ft_in1k";

    @TempDir
    Path tmp;

    private Path model(String root, String name) throws IOException {
        Path dir = Files.createDirectories(tmp.resolve(root).resolve(name));
        Files.writeString(dir.resolve("config.json"), "{}");
        Files.write(dir.resolve("model.safetensors"), new byte[8]);
        return dir;
    }

    @Test
    void aBareNameIsFoundInModelsThenEnvironmentThenCache() throws Exception {
        Path fromOption = model("option", VIT);
        Path fromEnv = model("env", VIT);
        Path fromCache = model("cache", VIT);
        ModelCache cache = new ModelCache(tmp.resolve("cache"));
        String env = tmp.resolve("env").toString();

        assertEquals(fromOption, ModelArgument.resolve(VIT, tmp.resolve("option").toString(), env, cache));
        assertEquals(fromEnv, ModelArgument.resolve(VIT, null, env, cache));
        assertEquals(fromCache, ModelArgument.resolve(VIT, null, null, cache));
        // without its tag, and through a list of folders
        String both = tmp.resolve("nothing-here") + File.pathSeparator + tmp.resolve("option");
        Files.createDirectories(tmp.resolve("nothing-here"));
        assertEquals(fromOption, ModelArgument.resolve("vit_tiny_patch16_224", both, null, cache));
    }

    @Test
    void aPathIsTakenAsItIsAndUnknownNamesOrFoldersAreUsageErrors() throws Exception {
        Path dir = model("anywhere", "mine");
        ModelCache cache = new ModelCache(tmp.resolve("cache"));
        assertEquals(dir, ModelArgument.resolve(dir.toString(), null, null, cache));
        UsageException unknown = assertThrows(UsageException.class,
                () -> ModelArgument.resolve("vit_huge", tmp.resolve("anywhere").toString(), null, cache));
        assertTrue(unknown.getMessage().contains("no model folder named vit_huge"), unknown.getMessage());
        UsageException missing = assertThrows(UsageException.class,
                () -> ModelArgument.resolve("mine", tmp.resolve("typo").toString(), null, cache));
        assertTrue(missing.getMessage().contains("models folder not found"), missing.getMessage());
    }

    @Test
    void commandsResolveNamesAgainstAModelsFolder() throws Exception {
        // a models folder laid out as the shared one, holding the tests' tiny MobileNetV2
        TinyCheckpoints.mobileNetV2(tmp.resolve("shared").resolve("mobilenetv2_100.dequant_in1k"));
        String shared = tmp.resolve("shared").toString();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Cli cli = Cli.standard();
        int code = cli.run(new String[] {"rf", "--models", shared, "--model", "mobilenetv2_100"},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(0, code, err.toString());
        JsonObject json = JsonParser.parseString(out.toString(StandardCharsets.UTF_8)).getAsJsonObject();
        assertEquals("mobilenetv2_100", json.get("architecture").getAsString());

        err.reset();
        code = cli.run(new String[] {"analyze", "--models", tmp.resolve("typo").toString(), "--model", "x", "--image", "y"},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(2, code);
        assertEquals(1, err.toString().strip().lines().count(), err.toString());
    }
}
