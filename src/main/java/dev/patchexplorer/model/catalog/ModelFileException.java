package dev.patchexplorer.model.catalog;

import java.io.IOException;

/** A model file on disk is not what it should be; the message is a sentence for the user. */
public class ModelFileException extends IOException {
    public ModelFileException(String message) {
        super(message);
    }
}
