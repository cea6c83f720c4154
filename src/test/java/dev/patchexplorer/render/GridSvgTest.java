package dev.patchexplorer.render;

import dev.patchexplorer.core.grid.EdgePolicy;
import dev.patchexplorer.core.grid.GridSpec;
import dev.patchexplorer.core.grid.PatchGrid;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The grid SVG parses as XML and holds one line per grid edge, counted by hand. */
class GridSvgTest {
    private static Document parse(String svg) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    private static List<Element> lines(Document d) {
        NodeList all = d.getElementsByTagNameNS("http://www.w3.org/2000/svg", "line");
        List<Element> out = new ArrayList<>();
        for (int i = 0; i < all.getLength(); i++) out.add((Element) all.item(i));
        return out;
    }

    @Test
    void aPlainGridHasRowsPlusOneAndColsPlusOneLines() throws Exception {
        Document d = parse(GridSvg.of(PatchGrid.of(224, 224, GridSpec.of(16)), GridLook.DEFAULT).text());
        List<Element> lines = lines(d);
        assertEquals(15 + 15, lines.size());
        long vertical = lines.stream().filter(l -> l.getAttribute("x1").equals(l.getAttribute("x2"))).count();
        assertEquals(15, vertical);
        assertEquals("224", d.getDocumentElement().getAttribute("width"));
        Element g = (Element) d.getElementsByTagNameNS("http://www.w3.org/2000/svg", "g").item(0);
        assertEquals("grid", g.getAttribute("id"));
        assertEquals("#ffd400", g.getAttribute("stroke"));
        // the last vertical line is the far edge of column 13: 13 * 16 + 16
        assertEquals("224", lines.get(14).getAttribute("x1"));
    }

    @Test
    void overlappingPatchesBringTheirOwnFarEdges() throws Exception {
        // patch 16, stride 12 on 224: (224 - 16) / 12 + 1 = 18 patches a side; left edges 0, 12, ..., 204 and
        // right edges 16, 28, ..., 220 never coincide (16 is not a multiple of 12), so 36 lines a side
        PatchGrid grid = PatchGrid.of(224, 224, new GridSpec(16, 12, 0, 0, EdgePolicy.CROP));
        assertEquals(18, grid.cols());
        assertEquals(72, lines(parse(GridSvg.of(grid, GridLook.DEFAULT).text())).size());
    }

    @Test
    void anOffsetGridStartsAtItsOffset() throws Exception {
        // offset (5, 3), patch 32 on 224: (224 - 5 - 32) / 32 + 1 = 6 columns, (224 - 3 - 32) / 32 + 1 = 6 rows
        PatchGrid grid = PatchGrid.of(224, 224, new GridSpec(32, 32, 5, 3, EdgePolicy.CROP));
        List<Element> lines = lines(parse(GridSvg.of(grid, GridLook.DEFAULT).text()));
        assertEquals(7 + 7, lines.size());
        assertEquals("5", lines.get(0).getAttribute("x1"));
        assertEquals("3", lines.get(0).getAttribute("y1"));
        assertEquals(String.valueOf(3 + 6 * 32), lines.get(0).getAttribute("y2"));
    }
}
