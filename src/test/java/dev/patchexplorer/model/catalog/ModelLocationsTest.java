package dev.patchexplorer.model.catalog;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ModelLocationsTest {
    @TempDir
    Path tmp;

    @Test
    void searchesCommandLineThenSettingThenEnvironmentThenCache() {
        Path cli = tmp.resolve("cli");
        Path setting = tmp.resolve("setting");
        Path env1 = tmp.resolve("env1");
        Path env2 = tmp.resolve("env2");
        ModelCache cache = new ModelCache(tmp.resolve("cache"));

        ModelLocations locations = new ModelLocations(List.of(cli), Optional.of(setting),
                env1 + File.pathSeparator + File.pathSeparator + env2 + File.pathSeparator, cache);

        assertEquals(List.of(cli, setting, env1, env2, cache.root()), locations.searchRoots());
    }

    @Test
    void aFolderNamedTwiceIsSearchedOnce() {
        ModelCache cache = new ModelCache(tmp);
        ModelLocations locations = new ModelLocations(List.of(tmp), Optional.of(tmp), tmp.toString(), cache);

        assertEquals(List.of(tmp), locations.searchRoots());
    }

    @Test
    void findsModelFoldersAtTheRootOneAndTwoLevelsDownButNotUnfinishedDownloads() throws IOException {
        Path shared = tmp.resolve("shared");
        Path direct = model(tmp.resolve("direct"));
        Path vit = model(shared.resolve("vit_tiny"));
        Path resnet = model(shared.resolve("test/resnet18"));
        model(shared.resolve("a/b/too_deep"));
        Files.createDirectories(shared.resolve("empty"));
        Path cacheRoot = tmp.resolve("cache");
        Path cached = model(cacheRoot.resolve("mobilenetv2_100.ra_in1k"));
        model(cacheRoot.resolve(".downloads/resnet50.a1_in1k"));
        Files.writeString(Files.createDirectories(shared.resolve("config_only")).resolve(RemoteFile.CONFIG), "{}");

        ModelLocations locations = new ModelLocations(List.of(direct), Optional.of(shared),
                tmp.resolve("missing").toString(), new ModelCache(cacheRoot));

        assertEquals(List.of(direct, resnet, vit, cached),
                locations.findModelFolders().stream().map(ModelFolder::folder).toList());
        assertEquals("vit_tiny", locations.findModelFolders().get(2).name());
        assertEquals(shared, locations.findModelFolders().get(2).root());
    }

    private static Path model(Path dir) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(RemoteFile.CONFIG), "{}");
        Files.write(dir.resolve(RemoteFile.WEIGHTS), new byte[8]);
        return dir;
    }
}
