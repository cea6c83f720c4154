package dev.patchexplorer.model;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;

/** Why a file could not be read, in words instead of an exception's class and path. */
final class IoReasons {
    private IoReasons() {}

    static String of(IOException e) {
        if (e instanceof NoSuchFileException) return "the file does not exist";
        if (e instanceof AccessDeniedException) return "permission denied; check the file's permissions";
        if (e instanceof FileSystemException f && f.getReason() != null) return f.getReason();
        String m = e.getMessage();
        return m == null || m.isBlank() ? "the operating system reported a read error" : m;
    }
}
