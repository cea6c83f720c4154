package dev.patchexplorer.ui.help;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/** The strings of the help package, from help.properties (and its translations). */
public final class HelpText {
    private static final String BUNDLE = "dev.patchexplorer.ui.help.help";

    private HelpText() {}

    public static ResourceBundle bundle() {
        return ResourceBundle.getBundle(BUNDLE, Locale.getDefault());
    }

    /**
     * Every string goes through MessageFormat, with or without arguments, so that the
     * bundles can write a literal apostrophe the same way ('') everywhere.
     */
    public static String text(String key, Object... args) {
        ResourceBundle b = bundle();
        return new MessageFormat(b.getString(key), b.getLocale()).format(args);
    }
}
