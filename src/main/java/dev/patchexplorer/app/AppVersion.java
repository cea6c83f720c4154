package dev.patchexplorer.app;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * The version of this build. The jar manifest is the authority in a packaged app; when the
 * classes run from a folder (IDE, tests) there is no manifest, so the Maven-filtered
 * version.properties stands in.
 */
public final class AppVersion {
    static final String UNKNOWN = "unknown";
    private static final String RESOURCE = "/dev/patchexplorer/version.properties";

    private AppVersion() {}

    public static String current() {
        String fromManifest = AppVersion.class.getPackage().getImplementationVersion();
        if (isReal(fromManifest)) return fromManifest;
        String fromResource = fromResource();
        return isReal(fromResource) ? fromResource : UNKNOWN;
    }

    static String fromResource() {
        try (InputStream in = AppVersion.class.getResourceAsStream(RESOURCE)) {
            if (in == null) return null;
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version");
        } catch (IOException e) {
            return null;
        }
    }

    /** An unfiltered resource still says ${project.version}; that is no version. */
    private static boolean isReal(String v) {
        return v != null && !v.isBlank() && !v.contains("${");
    }
}
