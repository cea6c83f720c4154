package dev.patchexplorer.ui.models;

import dev.patchexplorer.model.catalog.ModelCache;
import dev.patchexplorer.ui.Settings;
import dev.patchexplorer.ui.inference.ModelViewModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which copy of the default checkpoint the window loads at startup when several places hold one. */
class ModelSearchTest {
    @TempDir
    Path tmp;

    private Path withDefaultModel(String place) throws IOException {
        Path root = tmp.resolve(place);
        Path dir = Files.createDirectories(root.resolve(ModelViewModel.DEFAULT_FOLDER));
        Files.writeString(dir.resolve("config.json"), "{}");
        Files.write(dir.resolve("model.safetensors"), new byte[8]);
        return root;
    }

    @Test
    void commandLineBeatsSettingBeatsEnvironmentBeatsCache() throws IOException {
        Path cli = withDefaultModel("cli");
        Path setting = withDefaultModel("setting");
        Path env = withDefaultModel("env");
        Path cacheRoot = withDefaultModel("cache");
        Settings settings = new Settings(tmp.resolve("settings.properties"));
        settings.put(ModelSearch.SETTING, setting.toString());
        ModelCache cache = new ModelCache(cacheRoot);

        ModelSearch all = new ModelSearch(List.of(cli), settings, env.toString(), cache);
        assertEquals(List.of(cli, setting, env, cacheRoot), all.locations().searchRoots());
        assertEquals(Optional.of(cli.resolve(ModelViewModel.DEFAULT_FOLDER)), all.startupModel());

        ModelSearch noCli = new ModelSearch(List.of(), settings, env.toString(), cache);
        assertEquals(Optional.of(setting.resolve(ModelViewModel.DEFAULT_FOLDER)), noCli.startupModel());

        settings.put(ModelSearch.SETTING, null);
        assertEquals(Optional.of(env.resolve(ModelViewModel.DEFAULT_FOLDER)), noCli.startupModel());

        ModelSearch cacheOnly = new ModelSearch(List.of(), settings, null, cache);
        assertEquals(Optional.of(cacheRoot.resolve(ModelViewModel.DEFAULT_FOLDER)), cacheOnly.startupModel());

        ModelSearch nothing = new ModelSearch(List.of(tmp.resolve("empty")), settings, "", new ModelCache(tmp.resolve("none")));
        assertEquals(Optional.empty(), nothing.startupModel());
    }

    @Test
    void aFolderWithoutTheDefaultIsSkippedForTheNextPlace() throws IOException {
        Path cli = Files.createDirectories(tmp.resolve("cli-other"));
        Path env = withDefaultModel("env");
        Settings settings = new Settings(tmp.resolve("settings.properties"));
        ModelSearch search = new ModelSearch(List.of(cli), settings, env.toString(), new ModelCache(tmp.resolve("cache")));
        assertEquals(Optional.of(env.resolve(ModelViewModel.DEFAULT_FOLDER)), search.startupModel());
    }

    @Test
    void theSettingIsSavedAtOnceAndReadBack() {
        Path file = tmp.resolve("settings.properties");
        Settings settings = new Settings(file);
        ModelSearch search = new ModelSearch(List.of(), settings, null, new ModelCache(tmp.resolve("cache")));
        search.setSettingFolder(tmp.resolve("models"));
        assertTrue(settings.flush(Duration.ofSeconds(10)), "the save lands (written in the background)");
        assertEquals(Optional.of(tmp.resolve("models").toString()), new Settings(file).get(ModelSearch.SETTING));
        assertEquals(tmp.resolve("models"), search.locations().searchRoots().get(0));
    }
}
