package dev.patchexplorer.model.catalog;

import java.io.IOException;
import java.net.URI;
import java.util.Optional;

/**
 * A download failed. The message is an English sentence (for the log and the command line);
 * {@link #failure()} says which kind of failure it was, so that the window can explain it in the
 * user's language with what to do. {@link #canResume()} says whether a genuine partial file was
 * kept, so that trying again continues instead of starting over.
 */
public class DownloadException extends IOException {
    private final DownloadFailure failure;
    private final URI uri;
    private final int httpStatus;
    private final boolean canResume;

    /**
     * @param uri        the address that failed, or null when the failure is not about one address
     * @param httpStatus the server's HTTP status, or 0 when no status is to blame
     */
    public DownloadException(DownloadFailure failure, URI uri, int httpStatus, String message, boolean canResume,
                             Throwable cause) {
        super(message, cause);
        this.failure = failure;
        this.uri = uri;
        this.httpStatus = httpStatus;
        this.canResume = canResume;
    }

    public DownloadException(DownloadFailure failure, URI uri, String message, boolean canResume, Throwable cause) {
        this(failure, uri, 0, message, canResume, cause);
    }

    public DownloadFailure failure() {
        return failure;
    }

    public Optional<URI> uri() {
        return Optional.ofNullable(uri);
    }

    /** The HTTP status the server answered, or 0. */
    public int httpStatus() {
        return httpStatus;
    }

    public boolean canResume() {
        return canResume;
    }
}
