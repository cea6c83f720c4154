package dev.patchexplorer.ui;

import java.nio.file.Path;

/** What the UI needs to know about the running application, handed in by the app package. */
public record AppInfo(String version, Path logFolder) {
    public static AppInfo unknown() {
        return new AppInfo("dev", Path.of(System.getProperty("java.io.tmpdir")));
    }
}
