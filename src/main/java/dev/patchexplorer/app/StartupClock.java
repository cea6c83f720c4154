package dev.patchexplorer.app;

import javafx.application.Platform;
import javafx.scene.Scene;

import java.lang.management.ManagementFactory;
import java.util.Locale;
import java.util.logging.Logger;

/**
 * Milliseconds since the JVM started, written to the log at each step of the start, so a slow start
 * can be read from a user's log. With {@value #REPORT_PROPERTY}=true the moment of the first frame
 * is also printed on stdout, where the startup benchmark reads it.
 */
public final class StartupClock {
    public static final String REPORT_PROPERTY = "patchexplorer.startupReport";
    /** The line printed on stdout; the benchmark parses the number after it. */
    public static final String FIRST_FRAME = "first frame after ";
    /** After the first-frame figure: the CPU time all the process's threads had used by then. */
    public static final String CPU = " (process CPU ";
    private static final Logger LOG = Logger.getLogger(StartupClock.class.getName());

    private StartupClock() {}

    public static long sinceJvmStart() {
        return System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
    }

    /**
     * CPU time of the whole process so far, or -1 where the JVM does not say. Less sensitive than
     * wall time to other programs on a busy machine, so a change can be measured there.
     */
    static long processCpuMillis() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() / 1_000_000 : -1;
    }

    /** Logs {@code step} with the time since the JVM started. */
    public static void mark(String step) {
        LOG.info(() -> String.format(Locale.ROOT, "startup: %s at %d ms", step, sinceJvmStart()));
    }

    /**
     * Reports the scene's first pulse (CSS and layout done, the frame handed to the renderer), once,
     * then runs {@code afterwards} in a later pulse: work that can wait for the window to be seen.
     */
    public static void onFirstFrame(Scene scene, Runnable afterwards) {
        Runnable[] listener = new Runnable[1];
        listener[0] = () -> {
            scene.removePostLayoutPulseListener(listener[0]);
            long ms = sinceJvmStart();
            long cpu = processCpuMillis();
            mark("first frame (process CPU " + cpu + " ms)");
            if (Boolean.getBoolean(REPORT_PROPERTY)) {
                System.out.println(FIRST_FRAME + ms + " ms" + CPU + cpu + " ms)");
                System.out.flush();
            }
            Platform.runLater(afterwards);
        };
        scene.addPostLayoutPulseListener(listener[0]);
    }
}
