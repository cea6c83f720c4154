package dev.patchexplorer.spark;

import java.io.PrintStream;
import java.util.List;

/** For harnesses outside this package: runs the Spark sweep in this JVM without exiting it. */
public final class SparkSweepLauncher {
    private SparkSweepLauncher() {}

    public static int run(List<String> args, PrintStream out, PrintStream err) {
        return SparkSweep.run(args, out, err);
    }
}
