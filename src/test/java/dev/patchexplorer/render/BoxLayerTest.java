package dev.patchexplorer.render;

import dev.patchexplorer.core.grid.GridSpec;
import dev.patchexplorer.core.grid.PatchGrid;
import dev.patchexplorer.core.image.RgbImage;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The objects' boxes in the exported picture and SVG: the outline lies on the box's edges (working pixels
 * times K) in the box's colour, the inside stays the image, and the SVG holds one rect and one label per box.
 */
class BoxLayerTest {
    private static final int GREY = 0x808080;
    private static final int CYAN = 0x00e5ff;
    private static final int AMBER = 0xffb000;
    private static final GridLook NO_GRID = new GridLook(false, 0xffd400, 1, 1);

    private static ViewScene scene(List<SceneBox> boxes) {
        int[] px = new int[224 * 224];
        Arrays.fill(px, 0xff000000 | GREY);
        return new ViewScene(new RgbImage(224, 224, px), PatchGrid.of(224, 224, GridSpec.of(16)), NO_GRID, null, "", boxes);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 4})
    void theOutlineLiesOnTheBoxEdgesInItsColour(int k) {
        // box x 40..140, y 100..160 in working pixels; labels off so nothing covers the edge
        BufferedImage out = ViewRenderer.render(scene(List.of(new SceneBox("", 40, 100, 100, 60, CYAN))), k);
        assertEquals(CYAN, out.getRGB(40 * k, 130 * k) & 0xffffff, "left edge");
        assertEquals(CYAN, out.getRGB(140 * k, 130 * k) & 0xffffff, "right edge");
        assertEquals(CYAN, out.getRGB(90 * k, 100 * k) & 0xffffff, "top edge");
        assertEquals(CYAN, out.getRGB(90 * k, 160 * k) & 0xffffff, "bottom edge");
        assertEquals(GREY, out.getRGB(90 * k, 130 * k) & 0xffffff, "the inside is the image");
        assertEquals(GREY, out.getRGB(20 * k, 20 * k) & 0xffffff, "away from the box is the image");
    }

    @Test
    void withoutBoxesThePictureIsUnchanged() {
        BufferedImage plain = ViewRenderer.render(new ViewScene(scene(List.of()).working(), scene(List.of()).grid(), NO_GRID, null, ""), 1);
        BufferedImage none = ViewRenderer.render(scene(List.of()), 1);
        int w = plain.getWidth(), h = plain.getHeight();
        assertArrayEquals(plain.getRGB(0, 0, w, h, null, 0, w), none.getRGB(0, 0, w, h, null, 0, w));
    }

    @Test
    void theSvgHoldsOneRectAndOneLabelPerBoxOverTheGrid() throws Exception {
        SvgDocument doc = GridSvg.of(PatchGrid.of(224, 224, GridSpec.of(16)), NO_GRID);
        BoxSvg.add(doc, List.of(new SceneBox("Cat \u00b7 12 patches", 20, 10, 50, 30, CYAN),
                new SceneBox("Ear & tip", 60.5, 4, 8, 6, AMBER)));
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        Document d = f.newDocumentBuilder().parse(new ByteArrayInputStream(doc.text().getBytes(StandardCharsets.UTF_8)));
        String ns = "http://www.w3.org/2000/svg";
        NodeList rects = d.getElementsByTagNameNS(ns, "rect");
        assertEquals(2, rects.getLength());
        Element first = (Element) rects.item(0);
        assertEquals("20", first.getAttribute("x"));
        assertEquals("50", first.getAttribute("width"));
        assertEquals("#00e5ff", ((Element) first.getParentNode()).getAttribute("stroke"));
        Element second = (Element) rects.item(1);
        assertEquals("60.5", second.getAttribute("x"));
        assertEquals("boxes-2", ((Element) second.getParentNode()).getAttribute("id"));
        NodeList texts = d.getElementsByTagNameNS(ns, "text");
        assertEquals(2, texts.getLength());
        assertEquals("Ear & tip", texts.item(1).getTextContent());
        assertEquals(15 + 15, d.getElementsByTagNameNS(ns, "line").getLength(), "the grid is still there, under the boxes");
    }

    @Test
    void aBoxNeedsAPositiveFiniteSize() {
        assertThrows(IllegalArgumentException.class, () -> new SceneBox("x", 0, 0, 0, 5, CYAN));
        assertThrows(IllegalArgumentException.class, () -> new SceneBox("x", Double.NaN, 0, 5, 5, CYAN));
    }
}
