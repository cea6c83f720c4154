package dev.patchexplorer.model.catalog;

import java.io.IOException;

/**
 * A download failed; the message is a sentence for the user. {@link #canResume()} says whether a
 * genuine partial file was kept, so that trying again continues instead of starting over.
 */
public class DownloadException extends IOException {
    private final boolean canResume;

    public DownloadException(String message, boolean canResume, Throwable cause) {
        super(message, cause);
        this.canResume = canResume;
    }

    public DownloadException(String message, boolean canResume) {
        this(message, canResume, null);
    }

    public boolean canResume() {
        return canResume;
    }
}
