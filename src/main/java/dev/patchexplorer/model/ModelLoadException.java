package dev.patchexplorer.model;

/** A checkpoint or a request the model cannot serve; the message names the problem for a person. */
public class ModelLoadException extends Exception {
    public ModelLoadException(String message) {
        super(message);
    }

    public ModelLoadException(String message, Throwable cause) {
        super(message, cause);
    }
}
