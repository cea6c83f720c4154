package dev.patchexplorer.model;

/**
 * config.json and the weights describe different models: a sentence naming both values, so that
 * a person can see which file is wrong. Silently trusting one side would run a model that is not
 * the one the config describes.
 */
final class Contradiction {
    private Contradiction() {}

    static ModelLoadException of(String configField, Object configValue, String weightsFact) {
        return new ModelLoadException("config.json and model.safetensors disagree: " + configField + " is " + configValue
                + ", but " + weightsFact + "; the two files belong to different models, so get both from the same place");
    }

    /** Throws when config.json gives {@code configValue} (anything but -1) and the weights say otherwise. */
    static void requireAgree(String configField, long configValue, long weightsValue, String weightsFact) throws ModelLoadException {
        if (configValue != -1 && configValue != weightsValue) throw of(configField, configValue, weightsFact);
    }
}
