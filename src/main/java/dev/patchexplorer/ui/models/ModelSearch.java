package dev.patchexplorer.ui.models;

import dev.patchexplorer.model.catalog.ModelCache;
import dev.patchexplorer.model.catalog.ModelFolder;
import dev.patchexplorer.model.catalog.ModelLocations;
import dev.patchexplorer.ui.Settings;
import dev.patchexplorer.ui.inference.ModelViewModel;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Where the window looks for models, most specific first: the {@code --models} folders of this run
 * (and the {@code patchexplorer.models} system property, given the same way at launch), the Models
 * folder chosen in the settings, the {@value ModelLocations#ENVIRONMENT_VARIABLE} environment
 * variable, then the download cache. The setting is read each time, so a change applies at once.
 */
public final class ModelSearch {
    /** The settings key of Model > Set Models Folder. */
    public static final String SETTING = "modelsFolder";
    public static final String SYSTEM_PROPERTY = "patchexplorer.models";

    private final List<Path> commandLine;
    private final Settings settings;
    private final String environmentValue;
    private final ModelCache cache;

    public ModelSearch(List<Path> commandLine, Settings settings, String environmentValue, ModelCache cache) {
        this.commandLine = List.copyOf(commandLine);
        this.settings = settings;
        this.environmentValue = environmentValue;
        this.cache = cache;
    }

    /** As the app runs: the real environment, the standard cache, and the system property after the --models folders. */
    public static ModelSearch standard(List<Path> commandLine, Settings settings) {
        List<Path> launch = new java.util.ArrayList<>(commandLine);
        String property = System.getProperty(SYSTEM_PROPERTY);
        // an unexpanded Maven placeholder means "not set"
        if (property != null && !property.isBlank() && !property.startsWith("${")) launch.add(Path.of(property.strip()));
        return new ModelSearch(launch, settings, System.getenv(ModelLocations.ENVIRONMENT_VARIABLE), ModelCache.standard());
    }

    public ModelLocations locations() {
        return new ModelLocations(commandLine, settingFolder(), environmentValue, cache);
    }

    public Optional<Path> settingFolder() {
        return settings.get(SETTING).filter(s -> !s.isBlank()).map(Path::of);
    }

    /** Remembers the Models folder (null forgets it) and saves the settings at once. */
    public void setSettingFolder(Path folder) {
        settings.put(SETTING, folder == null ? null : folder.toAbsolutePath().normalize().toString());
        settings.save();
    }

    /** The default checkpoint as found first in search order, so the most specific place wins. */
    public Optional<Path> startupModel() {
        return locations().findModelFolders().stream()
                .filter(f -> f.name().equals(ModelViewModel.DEFAULT_FOLDER))
                .map(ModelFolder::folder)
                .findFirst();
    }

    /**
     * Looks for the startup model on {@code io} (a folder walk must not hold up the FX thread) and
     * hands a find to {@code onFxThread}.
     */
    public void findStartupModel(java.util.concurrent.Executor io, java.util.function.Consumer<Path> onFxThread) {
        findStartupModel(io, onFxThread, () -> { });
    }

    /** As above; when no place holds the default checkpoint, runs {@code noneOnFxThread} instead. */
    public void findStartupModel(java.util.concurrent.Executor io, java.util.function.Consumer<Path> onFxThread,
                                 Runnable noneOnFxThread) {
        io.execute(() -> {
            Optional<Path> found = startupModel();
            javafx.application.Platform.runLater(() -> found.ifPresentOrElse(onFxThread, noneOnFxThread));
        });
    }

    public ModelCache cache() {
        return cache;
    }
}
