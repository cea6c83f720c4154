package dev.patchexplorer.ui.io;

/** An image could not be opened; the message is a full sentence for the user. */
public final class ImageLoadException extends Exception {
    public ImageLoadException(String message) {
        super(message);
    }

    public ImageLoadException(String message, Throwable cause) {
        super(message, cause);
    }
}
