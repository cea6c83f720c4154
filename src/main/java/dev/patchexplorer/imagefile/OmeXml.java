package dev.patchexplorer.imagefile;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import java.io.IOException;
import java.io.StringReader;
import java.util.Map;
import java.util.Optional;

/**
 * The pixel size in an OME-XML description: the first {@code Pixels} element's PhysicalSizeX/Y, in
 * the unit its PhysicalSizeXUnit/YUnit names (micrometre when absent, per the OME schema).
 */
final class OmeXml {
    /** Micrometres per unit for the length units a microscope file plausibly uses. */
    private static final Map<String, Double> MICRONS_PER_UNIT = Map.of(
            "µm", 1.0, "μm", 1.0, "um", 1.0, "nm", 1e-3, "mm", 1e3, "cm", 1e4, "m", 1e6);

    private OmeXml() {}

    static Optional<PixelSize> pixelSize(String description) {
        if (!description.contains("<OME")) return Optional.empty();
        Element pixels = firstPixels(description);
        if (pixels == null) return Optional.empty();
        Double x = microns(pixels, "PhysicalSizeX");
        Double y = microns(pixels, "PhysicalSizeY");
        if (x == null || y == null) return Optional.empty();
        return PixelSizeMetadata.sized(x, y, PixelSize.Origin.OME_XML);
    }

    private static Double microns(Element pixels, String attribute) {
        String value = pixels.getAttribute(attribute);
        if (value.isBlank()) return null;
        String unit = pixels.getAttribute(attribute + "Unit");
        Double factor = MICRONS_PER_UNIT.get(unit.isBlank() ? "µm" : unit.trim());
        if (factor == null) return null;
        try {
            return Double.parseDouble(value.trim()) * factor;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Element firstPixels(String xml) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            // a description is untrusted text: no DTDs, no external entities
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            DocumentBuilder b = f.newDocumentBuilder();
            b.setErrorHandler(new DefaultHandler()); // fail quietly: the default handler prints to stderr
            Document doc = b.parse(new InputSource(new StringReader(xml.trim())));
            NodeList list = doc.getElementsByTagNameNS("*", "Pixels");
            return list.getLength() == 0 ? null : (Element) list.item(0);
        } catch (ParserConfigurationException | SAXException | IOException | IllegalArgumentException e) {
            return null;
        }
    }
}
