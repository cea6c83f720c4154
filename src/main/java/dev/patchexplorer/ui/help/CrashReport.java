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

    /**
     * One line for people: the exception's own message, which the code that threw it wrote
     * for this situation; the deepest cause's when it has none; the type as a last resort.
     */
    public String shortMessage() {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String message = t.getMessage();
            // new RuntimeException(cause) copies cause.toString(): those are not its own words
            boolean ownWords = message != null && !message.isBlank()
                    && (t.getCause() == null || !message.equals(t.getCause().toString()));
            if (ownWords) return message.lines().findFirst().orElse(message);
        }
        return error.getClass().getSimpleName();
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
