package dev.patchexplorer.render;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The caption's words in the window's language (English or Simplified Chinese). Its own bundle, so the
 * {@code render} command writes the same caption as the window without reaching into the window's code.
 */
final class CaptionWords {
    private static final String BUNDLE = "dev.patchexplorer.render.caption";
    // never the JVM's default locale as a fallback: English asked for is English on a Chinese system too
    private static final ResourceBundle.Control NO_FALLBACK = ResourceBundle.Control.getNoFallbackControl(
            ResourceBundle.Control.FORMAT_PROPERTIES);

    private CaptionWords() {}

    static String get(Locale locale, String key) {
        return ResourceBundle.getBundle(BUNDLE, locale, NO_FALLBACK).getString(key);
    }

    static String format(Locale locale, String key, Object... args) {
        return new MessageFormat(get(locale, key), locale).format(args);
    }
}
