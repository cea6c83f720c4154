package dev.patchexplorer.ui;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/** Every user-visible string comes from here. A missing key throws at once, so tests catch it. */
public final class Messages {
    private static ResourceBundle bundle = ResourceBundle.getBundle("dev.patchexplorer.ui.messages");

    private Messages() {}

    public static String get(String key) {
        return bundle.getString(key);
    }

    public static String format(String key, Object... args) {
        return new MessageFormat(get(key), bundle.getLocale()).format(args);
    }

    public static ResourceBundle bundle() {
        return bundle;
    }

    /**
     * For tests and a future language menu. The language asked for, or English: never the default
     * locale's, which {@code getBundle} would otherwise fall back to when no bundle matches.
     */
    public static void useLocale(Locale locale) {
        bundle = ResourceBundle.getBundle("dev.patchexplorer.ui.messages", locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }
}
