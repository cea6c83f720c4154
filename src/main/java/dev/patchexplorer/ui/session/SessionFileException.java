package dev.patchexplorer.ui.session;

/** A session file that cannot be read or is not a session; the message is for the problem banner. */
public final class SessionFileException extends Exception {
    public SessionFileException(String message) {
        super(message);
    }
}
