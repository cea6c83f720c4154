package dev.patchexplorer.ui.help;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Simplified Chinese user guide follows the English one section by section: the same headings at
 * the same levels (in Chinese), the same blocks in the same order, the same pictures and tables, and
 * in every section the same numbers, so no figure is lost, changed or made up in translation.
 */
class GuideTranslationTest {
    private static final String ENGLISH = UserGuideWindow.loadGuide(Locale.ENGLISH);
    private static final String CHINESE = UserGuideWindow.loadGuide(Locale.SIMPLIFIED_CHINESE);
    private static final Pattern NUMBER = Pattern.compile("\\d+(?:\\.\\d+)?");
    private static final Pattern HAN = Pattern.compile("\\p{IsHan}");

    @Test
    void theChineseGuideIsChosenForAChineseWindow() {
        assertNotEquals(ENGLISH, CHINESE);
        assertTrue(HAN.matcher(CHINESE).find());
        assertEquals(CHINESE, UserGuideWindow.loadGuide(Locale.CHINESE), "zh alone finds it too");
    }

    @Test
    void everyHeadingHasItsChineseCounterpart() {
        List<GuideDocument.Heading> en = headings(ENGLISH);
        List<GuideDocument.Heading> zh = headings(CHINESE);
        assertEquals(10, en.size(), "the English guide's title and nine sections");
        assertEquals(en.size(), zh.size());
        for (int i = 0; i < en.size(); i++) {
            assertEquals(en.get(i).level(), zh.get(i).level(), "heading " + i + ": " + en.get(i).text());
            assertTrue(HAN.matcher(zh.get(i).text()).find(), "translated: " + zh.get(i).text());
        }
    }

    @Test
    void sectionsHoldTheSameBlocksPicturesTablesAndNumbers() {
        List<List<GuideDocument.Block>> en = sections(GuideDocument.parse(ENGLISH));
        List<List<GuideDocument.Block>> zh = sections(GuideDocument.parse(CHINESE));
        assertEquals(en.size(), zh.size());
        for (int s = 0; s < en.size(); s++) {
            List<GuideDocument.Block> a = en.get(s), b = zh.get(s);
            String where = "section " + s + " (" + ((GuideDocument.Heading) a.get(0)).text() + ")";
            assertEquals(a.stream().map(x -> x.getClass().getSimpleName()).toList(),
                    b.stream().map(x -> x.getClass().getSimpleName()).toList(), where);
            for (int i = 0; i < a.size(); i++) {
                if (a.get(i) instanceof GuideDocument.Picture p) {
                    assertEquals(p.file(), ((GuideDocument.Picture) b.get(i)).file(), where);
                } else if (a.get(i) instanceof GuideDocument.Table t) {
                    GuideDocument.Table u = (GuideDocument.Table) b.get(i);
                    assertEquals(t.header().size(), u.header().size(), where);
                    assertEquals(t.rows(), u.rows(), where + ": the table's figures");
                } else if (a.get(i) instanceof GuideDocument.ListBlock l) {
                    assertEquals(l.items().size(), ((GuideDocument.ListBlock) b.get(i)).items().size(), where);
                }
            }
            assertEquals(numbers(a), numbers(b), where + ": the same numbers");
        }
    }

    private static List<GuideDocument.Heading> headings(String markdown) {
        return GuideDocument.parse(markdown).stream().filter(b -> b instanceof GuideDocument.Heading)
                .map(b -> (GuideDocument.Heading) b).toList();
    }

    /** The blocks from each heading up to the next. */
    private static List<List<GuideDocument.Block>> sections(List<GuideDocument.Block> blocks) {
        List<List<GuideDocument.Block>> out = new ArrayList<>();
        for (GuideDocument.Block b : blocks) {
            if (b instanceof GuideDocument.Heading) out.add(new ArrayList<>());
            out.get(out.size() - 1).add(b);
        }
        return out;
    }

    /** Every number in the section's text, tables and picture captions, sorted. */
    private static List<String> numbers(List<GuideDocument.Block> section) {
        List<String> found = new ArrayList<>();
        for (GuideDocument.Block b : section) {
            String text;
            if (b instanceof GuideDocument.Heading h) text = h.text();
            else if (b instanceof GuideDocument.Paragraph p) text = p.text();
            else if (b instanceof GuideDocument.Note n) text = n.text();
            else if (b instanceof GuideDocument.Picture p) text = p.alt();
            else if (b instanceof GuideDocument.ListBlock l) text = String.join(" ", l.items());
            else {
                GuideDocument.Table t = (GuideDocument.Table) b;
                text = String.join(" ", t.header()) + " " + String.join(" ", t.rows().stream().map(r -> String.join(" ", r)).toList());
            }
            Matcher m = NUMBER.matcher(text);
            while (m.find()) found.add(m.group());
        }
        found.sort(null);
        return found;
    }
}
