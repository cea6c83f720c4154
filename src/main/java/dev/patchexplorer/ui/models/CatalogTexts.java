package dev.patchexplorer.ui.models;

import dev.patchexplorer.model.catalog.CatalogEntry;
import dev.patchexplorer.ui.Messages;

import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The catalog's descriptions in the window's language: catalog.json holds the English ones, and
 * descriptions_LANG.properties beside it the translations, by entry id. An entry a translation
 * lacks keeps its English line.
 */
public final class CatalogTexts {
    static final String BUNDLE = "dev.patchexplorer.model.catalog.descriptions";

    private CatalogTexts() {}

    /** {@code entry}'s description in the language of the window's messages. */
    public static String description(CatalogEntry entry) {
        return description(entry, Messages.bundle().getLocale());
    }

    /**
     * In {@code locale}; no fallback to the machine's default locale, which would give an English
     * window Chinese descriptions on a Chinese system.
     */
    public static String description(CatalogEntry entry, Locale locale) {
        ResourceBundle texts = ResourceBundle.getBundle(BUNDLE, locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        return texts.containsKey(entry.id()) ? texts.getString(entry.id()) : entry.description();
    }
}
