package dev.patchexplorer.cli;

/** Bad command-line input: reported as one line on stderr with exit code 2. */
public final class UsageException extends Exception {
    public UsageException(String message) {
        super(message);
    }
}
