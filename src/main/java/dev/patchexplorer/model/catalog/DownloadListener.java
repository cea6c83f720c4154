package dev.patchexplorer.model.catalog;

/**
 * Receives progress on the downloading thread, after every chunk; a UI must hand it over to its
 * own thread (and coalesce, since events come many times a second).
 */
@FunctionalInterface
public interface DownloadListener {
    DownloadListener NONE = progress -> { };

    void onProgress(DownloadProgress progress);
}
