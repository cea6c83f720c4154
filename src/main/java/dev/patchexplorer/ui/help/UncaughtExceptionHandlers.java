package dev.patchexplorer.ui.help;

import javafx.application.Platform;
import javafx.stage.Window;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Sends every uncaught exception, from the FX thread or any other, to the log and then to a
 * {@link CrashReportDialog} on the FX thread. One dialog at a time: a failure that repeats
 * on every pulse must not bury the user under windows; the repeats still reach the log.
 */
public final class UncaughtExceptionHandlers implements Thread.UncaughtExceptionHandler {
    private static final Logger LOG = Logger.getLogger(UncaughtExceptionHandlers.class.getName());

    private final Supplier<Window> owner;
    private final String appVersion;
    private final Path logFolder;
    private final AtomicBoolean dialogOpen = new AtomicBoolean();

    UncaughtExceptionHandlers(Supplier<Window> owner, String appVersion, Path logFolder) {
        this.owner = owner;
        this.appVersion = appVersion;
        this.logFolder = logFolder;
    }

    /**
     * Installs the handler for all threads and for the FX application thread.
     *
     * @param owner      the window to own the dialog (e.g. the main stage), may supply null
     * @param appVersion shown in the report
     * @param logFolder  shown in the report (Logging.install()'s result)
     * @return the handler, e.g. to reuse for an executor's threads
     */
    public static Thread.UncaughtExceptionHandler install(Supplier<Window> owner, String appVersion, Path logFolder) {
        UncaughtExceptionHandlers handler = new UncaughtExceptionHandlers(owner, appVersion, logFolder);
        Thread.setDefaultUncaughtExceptionHandler(handler);
        // the FX thread has its own handler slot; set it too, so nothing earlier can shadow ours
        if (Platform.isFxApplicationThread()) {
            Thread.currentThread().setUncaughtExceptionHandler(handler);
        } else {
            runOnFxThread(() -> Thread.currentThread().setUncaughtExceptionHandler(handler));
        }
        return handler;
    }

    @Override
    public void uncaughtException(Thread thread, Throwable error) {
        LOG.log(Level.SEVERE, "Uncaught exception in thread " + thread.getName(), error);
        CrashReport report = new CrashReport(appVersion, thread.getName(), error, logFolder);
        // always deferred: showing a window inside a layout or animation pulse is not allowed
        runOnFxThread(() -> show(report));
    }

    private void show(CrashReport report) {
        if (!dialogOpen.compareAndSet(false, true)) return;
        try {
            CrashReportDialog dialog = new CrashReportDialog(owner.get(), report);
            dialog.dialog().setOnHidden(e -> dialogOpen.set(false));
            dialog.dialog().show();
        } catch (RuntimeException e) {
            dialogOpen.set(false);
            LOG.log(Level.SEVERE, "Could not show the crash report", e);
        }
    }

    private static void runOnFxThread(Runnable action) {
        try {
            Platform.runLater(action);
        } catch (IllegalStateException toolkitNotRunning) {
            // before start or after exit there is no window to show; the log has the details
            LOG.fine("JavaFX is not running; crash report written to the log only");
        }
    }
}
