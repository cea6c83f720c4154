package dev.patchexplorer.model.catalog;

import java.net.URI;

/** One file of a checkpoint and the public address it is downloaded from. */
public record RemoteFile(String name, URI uri) {
    public static final String CONFIG = "config.json";
    public static final String WEIGHTS = "model.safetensors";
}
