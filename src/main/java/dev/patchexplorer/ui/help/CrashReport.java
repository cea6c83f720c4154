package dev.patchexplorer.ui.help;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;

/** The text a user pastes into a bug report: where it ran, then the stack trace. No toolkit needed. */
public record CrashReport(String appVersion, String threadName, Throwable error, Path logFolder,
                          OffsetDateTime time) {

    /** A report of a failure that happens now. */
    public CrashReport(String appVersion, String threadName, Throwable error, Path logFolder) {
        this(appVersion, threadName, error, logFolder, OffsetDateTime.now());
    }

    /** One line for people: the deepest cause's message, or its type when it has none. */
    public String shortMessage() {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) root = root.getCause();
        String message = root.getMessage();
        String type = root.getClass().getSimpleName();
        if (message == null || message.isBlank()) return type;
        return type + ": " + message.lines().findFirst().orElse(message);
    }

    public String text() {
        StringWriter trace = new StringWriter();
        error.printStackTrace(new PrintWriter(trace));
        return "Patch Explorer " + appVersion + "\n"
                + "Time:    " + time.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME) + "\n"
                + "OS:      " + System.getProperty("os.name") + " " + System.getProperty("os.version")
                + " (" + System.getProperty("os.arch") + ")\n"
                + "Java:    " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ", "
                + System.getProperty("java.vm.name") + ")\n"
                + "JavaFX:  " + System.getProperty("javafx.runtime.version", "not started") + "\n"
                + "Thread:  " + threadName + "\n"
                + "Logs:    " + logFolder + "\n"
                + "\n" + trace;
    }
}
