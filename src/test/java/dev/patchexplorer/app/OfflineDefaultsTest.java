package dev.patchexplorer.app;

import ai.djl.util.Utils;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** DJL stays offline and sends no telemetry when the app starts, unless the user says otherwise. */
class OfflineDefaultsTest {
    private String offline;
    private String tracking;

    @BeforeEach
    void clear() {
        offline = System.clearProperty(OfflineDefaults.DJL_OFFLINE);
        tracking = System.clearProperty(OfflineDefaults.DJL_NO_TELEMETRY);
    }

    @AfterEach
    void restore() {
        restore(OfflineDefaults.DJL_OFFLINE, offline);
        restore(OfflineDefaults.DJL_NO_TELEMETRY, tracking);
    }

    @Test
    void djlReadsTheAppAsOffline() {
        assertFalse(Utils.isOfflineMode(), "without the flag DJL would go online");
        OfflineDefaults.apply();
        assertTrue(Utils.isOfflineMode());
        assertEquals("true", Utils.getEnvOrSystemProperty("OPT_OUT_TRACKING"));
    }

    @Test
    void aValueGivenOnTheCommandLineWins() {
        System.setProperty(OfflineDefaults.DJL_OFFLINE, "false");
        OfflineDefaults.apply();
        assertFalse(Utils.isOfflineMode());
    }

    private static void restore(String key, String value) {
        if (value == null) System.clearProperty(key);
        else System.setProperty(key, value);
    }
}
