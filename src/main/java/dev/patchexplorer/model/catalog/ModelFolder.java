package dev.patchexplorer.model.catalog;

import java.nio.file.Path;

/**
 * A folder holding config.json and model.safetensors.
 *
 * @param name   the folder's name, usually the timm id
 * @param folder the folder itself
 * @param root   the search location it was found under
 */
public record ModelFolder(String name, Path folder, Path root) {
    public Path config() {
        return folder.resolve(RemoteFile.CONFIG);
    }

    public Path weights() {
        return folder.resolve(RemoteFile.WEIGHTS);
    }
}
