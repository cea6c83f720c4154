package dev.patchexplorer.ui;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every English string has a Simplified Chinese one with the same placeholders, and the app picks it by locale. */
class MessagesTranslationTest {
    /** MessageFormat arguments ({0}, {1,number}) and printf conversions (%s, %.1f). */
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\d+(,[^}]*)?}|%[-#+0,(]*\\d*(\\.\\d+)?[a-zA-Z%]");

    @AfterEach
    void backToEnglish() {
        Messages.useLocale(Locale.ENGLISH);
    }

    private static Properties load(String name) throws IOException {
        try (InputStream in = MessagesTranslationTest.class.getResourceAsStream("/dev/patchexplorer/ui/" + name)) {
            Properties p = new Properties();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return p;
        }
    }

    @Test
    void chineseHasEveryEnglishKeyAndNoOthers() throws IOException {
        Set<String> english = new TreeSet<>(load("messages.properties").stringPropertyNames());
        Set<String> chinese = new TreeSet<>(load("messages_zh_CN.properties").stringPropertyNames());
        Set<String> missing = new TreeSet<>(english);
        missing.removeAll(chinese);
        Set<String> extra = new TreeSet<>(chinese);
        extra.removeAll(english);
        assertTrue(missing.isEmpty(), "not translated yet: " + missing);
        assertTrue(extra.isEmpty(), "translated keys the English bundle no longer has: " + extra);
    }

    @Test
    void placeholdersAndMnemonicsMatch() throws IOException {
        Properties english = load("messages.properties");
        Properties chinese = load("messages_zh_CN.properties");
        List<String> wrong = new ArrayList<>();
        for (String key : english.stringPropertyNames()) {
            String zh = chinese.getProperty(key);
            if (zh == null) continue; // reported by the test above
            String en = english.getProperty(key);
            if (!placeholders(en).equals(placeholders(zh))) wrong.add(key + ": " + placeholders(en) + " vs " + placeholders(zh));
            // a Chinese mnemonic is "(_F)"; other underscores are names such as HF_ENDPOINT
            if (en.startsWith("_") != zh.matches("(?s).*\\(_\\p{Alnum}\\).*")) {
                wrong.add(key + ": the menu mnemonic (_) is lost or added");
            }
            new MessageFormat(zh).format(new Object[] {"a", "b", "c", "d", "e"}); // a valid pattern
        }
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
    }

    @Test
    void theChineseBundleIsChosenBySimplifiedChineseLocale() {
        Messages.useLocale(Locale.SIMPLIFIED_CHINESE);
        assertEquals("文件(_F)", Messages.get("menu.file"));
        assertEquals("网格（行 \u00d7 列）", Messages.get("readout.grid"));
        assertEquals("无法打开“cat.png”：文件是空的（0 字节）。", Messages.format("image.error.empty", "cat.png"));
        Messages.useLocale(Locale.ENGLISH);
        assertEquals("_File", Messages.get("menu.file"));
        assertNotEquals(Messages.get("readout.title"), load("zh", "readout.title"));
    }

    private static String load(String language, String key) {
        return java.util.ResourceBundle.getBundle("dev.patchexplorer.ui.messages", Locale.forLanguageTag(language + "-CN")).getString(key);
    }

    private static List<String> placeholders(String s) {
        List<String> out = new ArrayList<>();
        Matcher m = PLACEHOLDER.matcher(s);
        while (m.find()) out.add(m.group());
        out.sort(null);
        return out;
    }

    @Test
    void englishAskedForIsEnglishWhateverTheDefaultLocale() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.SIMPLIFIED_CHINESE);
            Messages.useLocale(Locale.ENGLISH);
            assertEquals("Explore", Messages.get("view.explore"));
            Messages.useLocale(Locale.SIMPLIFIED_CHINESE);
            assertEquals("探索", Messages.get("view.explore"));
        } finally {
            Locale.setDefault(before);
        }
    }
}
