package dev.patchexplorer.ui.help;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The translations keep up with the English bundle, and every pattern is valid MessageFormat. */
class HelpBundleTest {
    private static Properties load(String name) throws IOException {
        try (InputStream in = HelpBundleTest.class.getResourceAsStream(name)) {
            Properties p = new Properties();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return p;
        }
    }

    @Test
    void chineseHasExactlyTheEnglishKeys() throws IOException {
        Set<String> english = new TreeSet<>(load("help.properties").stringPropertyNames());
        Set<String> chinese = new TreeSet<>(load("help_zh_CN.properties").stringPropertyNames());
        assertEquals(english, chinese);
    }

    @Test
    void everyStringIsAValidPattern() throws IOException {
        for (String file : new String[] {"help.properties", "help_zh_CN.properties"}) {
            Properties p = load(file);
            for (String key : p.stringPropertyNames()) new MessageFormat(p.getProperty(key)).format(new Object[] {"x", "y", "z"});
        }
    }
}
