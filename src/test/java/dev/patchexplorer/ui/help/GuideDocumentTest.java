package dev.patchexplorer.ui.help;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Locale;

import static dev.patchexplorer.ui.help.GuideDocument.Style.BOLD;
import static dev.patchexplorer.ui.help.GuideDocument.Style.CODE;
import static dev.patchexplorer.ui.help.GuideDocument.Style.ITALIC;
import static dev.patchexplorer.ui.help.GuideDocument.Style.PLAIN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GuideDocumentTest {
    @Test
    void parsesTheBlocksTheGuideUses() {
        List<GuideDocument.Block> blocks = GuideDocument.parse("""
                # Title

                First line
                second line.

                - one
                - two
                  continued
                1. first
                2. second

                > a note
                > on two lines

                | P | tokens |
                |---|---|
                | 16 | 196 |

                ![The grid](guide-grid.png)
                """);
        assertEquals(List.of(
                new GuideDocument.Heading(1, "Title"),
                new GuideDocument.Paragraph("First line second line."),
                new GuideDocument.ListBlock(false, List.of("one", "two continued")),
                new GuideDocument.ListBlock(true, List.of("first", "second")),
                new GuideDocument.Note("a note on two lines"),
                new GuideDocument.Table(List.of("P", "tokens"), List.of(List.of("16", "196"))),
                new GuideDocument.Picture("The grid", "guide-grid.png")), blocks);
    }

    @Test
    void splitsInlineStyles() {
        assertEquals(List.of(
                new GuideDocument.Span("a ", PLAIN), new GuideDocument.Span("bold", BOLD),
                new GuideDocument.Span(" and ", PLAIN), new GuideDocument.Span("x", ITALIC),
                new GuideDocument.Span(" or ", PLAIN), new GuideDocument.Span("N = 197", CODE)),
                GuideDocument.spans("a **bold** and *x* or `N = 197`"));
    }

    @Test
    void theBundledGuideCoversTheClassroomTopicsAndNamesItsPictures() {
        String guide = UserGuideWindow.loadGuide(Locale.ENGLISH);
        List<GuideDocument.Block> blocks = GuideDocument.parse(guide);
        List<String> headings = blocks.stream().filter(b -> b instanceof GuideDocument.Heading)
                .map(b -> ((GuideDocument.Heading) b).text()).toList();
        for (String topic : List.of("Patches and the grid", "Tokens and sequence length", "Compute: MACs and FLOPs",
                "Attention and its N² cost", "Receptive field", "Attention rollout")) {
            assertTrue(headings.contains(topic), "guide has a section on " + topic + ": " + headings);
        }
        List<String> pictures = blocks.stream().filter(b -> b instanceof GuideDocument.Picture)
                .map(b -> ((GuideDocument.Picture) b).file()).toList();
        assertEquals(List.of("guide-grid.png", "guide-patch-sizes.png", "guide-readouts.png", "guide-attention.png",
                "guide-receptive-field.png", "guide-rollout.png"), pictures);
    }
}
