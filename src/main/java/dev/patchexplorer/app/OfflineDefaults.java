package dev.patchexplorer.app;

/**
 * The app is offline unless the user downloads a model. DJL otherwise looks for engine files online
 * and, when it starts an engine, asks the EC2 metadata address and may send telemetry. Maven's
 * javafx:run and the tests pass these flags already; {@code java -jar} and the packaged app get
 * them here. A value the user set on the command line wins.
 */
final class OfflineDefaults {
    static final String DJL_OFFLINE = "ai.djl.offline";
    static final String DJL_NO_TELEMETRY = "OPT_OUT_TRACKING";

    private OfflineDefaults() {}

    static void apply() {
        setIfAbsent(DJL_OFFLINE, "true");
        setIfAbsent(DJL_NO_TELEMETRY, "true");
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) System.setProperty(key, value);
    }
}
