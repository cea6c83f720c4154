package dev.patchexplorer.ui.models;

import dev.patchexplorer.model.catalog.CatalogEntry;
import dev.patchexplorer.model.catalog.ModelCatalog;
import org.junit.jupiter.api.Test;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every catalog entry has a Chinese description that keeps its figures; English keeps catalog.json's line. */
class CatalogTextsTest {
    private static final Pattern NUMBER = Pattern.compile("\\d+(?:\\.\\d+)?");

    @Test
    void everyEntryIsTranslatedWithItsFigures() {
        var entries = ModelCatalog.standard().entries();
        assertEquals(9, entries.size());
        for (CatalogEntry e : entries) {
            String zh = CatalogTexts.description(e, Locale.SIMPLIFIED_CHINESE);
            assertNotEquals(e.description(), zh, e.id());
            assertTrue(Pattern.compile("\\p{IsHan}").matcher(zh).find(), e.id() + ": " + zh);
            assertEquals(numbers(e.description()), numbers(zh), e.id() + ": the same figures (parameters, px, tokens)");
            assertEquals(e.description(), CatalogTexts.description(e, Locale.ROOT), "English from catalog.json");
        }
    }

    private static java.util.List<String> numbers(String s) {
        java.util.List<String> out = new java.util.ArrayList<>();
        Matcher m = NUMBER.matcher(s);
        while (m.find()) out.add(m.group());
        out.sort(null);
        return out;
    }
}
