package dev.patchexplorer.imagefile;

import dev.patchexplorer.imagefile.PhysicalSizeFiles.Rational;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** µm per pixel read from files written byte by byte with known tags; the expected values are worked by hand. */
class PixelSizeReadTest {
    @TempDir
    Path dir;

    private static DecodedImage read(Path file) throws ImageFileException {
        return ImageFileReader.standard().read(file);
    }

    @Test
    void tiffInCentimetres() throws Exception {
        // 20,000 px per cm: 10,000 µm / 20,000 = 0.5 µm/px
        Path f = PhysicalSizeFiles.tiff(dir.resolve("cm.tif"), 32, 24, new Rational(20_000, 1), new Rational(20_000, 1), 3, null);
        DecodedImage d = read(f);
        assertEquals(32, d.pixels().width());
        PixelSize s = d.pixelSize();
        assertEquals(0.5, s.micronsX(), 1e-12);
        assertEquals(0.5, s.micronsY(), 1e-12);
        assertEquals(PixelSize.Origin.TIFF_RESOLUTION, s.origin());
        assertFalse(s.toScale().anisotropic());
    }

    @Test
    void tiffInInchesWithARationalDenominator() throws Exception {
        // 50,800 dpi (stored as 101,600 / 2): 25,400 µm / 50,800 = 0.5 µm/px; Y 25,400 dpi = 1.0 µm/px
        Path f = PhysicalSizeFiles.tiff(dir.resolve("inch.tif"), 32, 24, new Rational(101_600, 2), new Rational(25_400, 1), 2, null);
        PixelSize s = read(f).pixelSize();
        assertEquals(0.5, s.micronsX(), 1e-12);
        assertEquals(1.0, s.micronsY(), 1e-12);
        assertTrue(s.toScale().anisotropic());
    }

    @Test
    void tiffWithoutUnitOrWithUnitNoneHasNoPhysicalSize() throws Exception {
        Path none = PhysicalSizeFiles.tiff(dir.resolve("none.tif"), 32, 24, new Rational(72, 1), new Rational(72, 1), 1, null);
        Path missing = PhysicalSizeFiles.tiff(dir.resolve("missing.tif"), 32, 24, new Rational(72, 1), new Rational(72, 1), null, null);
        Path bare = PhysicalSizeFiles.tiff(dir.resolve("bare.tif"), 32, 24, null, null, null, null);
        Path zero = PhysicalSizeFiles.tiff(dir.resolve("zero.tif"), 32, 24, new Rational(0, 1), new Rational(0, 1), 3, null);
        for (Path f : new Path[] {none, missing, bare, zero}) {
            DecodedImage d = read(f);
            assertNull(d.pixelSize(), f.getFileName().toString());
            assertEquals(24, d.pixels().height());   // and the picture itself still opens
        }
    }

    @Test
    void omeTiffDescriptionWinsOverResolutionTags() throws Exception {
        // PhysicalSizeX 0.2527 µm, PhysicalSizeY 253 nm = 0.253 µm; the tags (1 µm/px) are ignored
        String xml = PhysicalSizeFiles.omeXml("0.2527", "µm", "253", "nm");
        Path f = PhysicalSizeFiles.tiff(dir.resolve("ome.tif"), 32, 24, new Rational(10_000, 1), new Rational(10_000, 1), 3, xml);
        PixelSize s = read(f).pixelSize();
        assertEquals(PixelSize.Origin.OME_XML, s.origin());
        assertEquals(0.2527, s.micronsX(), 1e-12);
        assertEquals(0.253, s.micronsY(), 1e-12);
    }

    @Test
    void omeUnitsAndDefaults() {
        assertEquals(0.5, OmeXml.pixelSize(PhysicalSizeFiles.omeXml("0.5", null, "0.5", null)).orElseThrow().micronsX(), 1e-12);
        assertEquals(0.5, OmeXml.pixelSize(PhysicalSizeFiles.omeXml("0.0005", "mm", "0.00005", "cm")).orElseThrow().micronsX(), 1e-12);
        assertEquals(0.5, OmeXml.pixelSize(PhysicalSizeFiles.omeXml("0.0005", "mm", "0.00005", "cm")).orElseThrow().micronsY(), 1e-12);
        assertEquals(0.25, OmeXml.pixelSize(PhysicalSizeFiles.omeXml("0.25", "um", "250", "nm")).orElseThrow().micronsY(), 1e-12);
        // no Y, an unknown unit, a non-number, malformed XML, a doctype: unknown, not an error
        assertTrue(OmeXml.pixelSize(PhysicalSizeFiles.omeXml("0.5", null, null, null)).isEmpty());
        assertTrue(OmeXml.pixelSize(PhysicalSizeFiles.omeXml("0.5", "pixel", "0.5", "pixel")).isEmpty());
        assertTrue(OmeXml.pixelSize(PhysicalSizeFiles.omeXml("abc", null, "0.5", null)).isEmpty());
        assertTrue(OmeXml.pixelSize(PhysicalSizeFiles.omeXml("-0.5", null, "0.5", null)).isEmpty());
        assertTrue(OmeXml.pixelSize("<OME><Pixels PhysicalSizeX=\"0.5\"").isEmpty());
        assertTrue(OmeXml.pixelSize("<!DOCTYPE OME [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><OME><Pixels PhysicalSizeX=\"&x;\""
                + " PhysicalSizeY=\"0.5\"/></OME>").isEmpty());
        assertTrue(OmeXml.pixelSize("a plain description").isEmpty());
    }

    @Test
    void aperioDescription() throws Exception {
        String desc = "Aperio Image Library v12.0.15 \r\n46920x33014 [0,100 46000x32914] (240x240) JPEG/RGB Q=70"
                + "|AppMag = 20|StripeWidth = 2040|ScanScope ID = CPAPERIOCS|MPP = 0.4990|Left = 25.691574";
        Path f = PhysicalSizeFiles.tiff(dir.resolve("svs.tif"), 32, 24, null, null, null, desc);
        PixelSize s = read(f).pixelSize();
        assertEquals(PixelSize.Origin.APERIO_DESCRIPTION, s.origin());
        assertEquals(0.499, s.micronsX(), 1e-12);
        assertTrue(PixelSizeMetadata.aperio("Some other|MPP = 0.5").isEmpty());
    }

    @Test
    void everyTiffReaderOnTheClassPathGivesTheSameSize() throws IOException {
        // the JDK's and TwelveMonkeys' TIFF readers build differently named trees of the same shape
        Path f = PhysicalSizeFiles.tiff(dir.resolve("both.tif"), 32, 24, new Rational(40_000, 1), new Rational(40_000, 1), 3, null);
        int readers = 0;
        for (Iterator<ImageReader> it = ImageIO.getImageReadersByFormatName("tiff"); it.hasNext(); ) {
            ImageReader r = it.next();
            try (ImageInputStream in = ImageIO.createImageInputStream(f.toFile())) {
                r.setInput(in, false, false);
                Optional<PixelSize> s = PixelSizeMetadata.of(r.getImageMetadata(0));
                assertEquals(0.25, s.orElseThrow(() -> new AssertionError(r.getClass().getName())).micronsX(), 1e-12);
                readers++;
            } finally {
                r.dispose();
            }
        }
        assertTrue(readers >= 2, "TIFF readers: " + readers);   // the JDK's and TwelveMonkeys'
    }

    @Test
    void pngPhysInMetres() throws Exception {
        // 2,000,000 px per metre: 1,000,000 µm / 2,000,000 = 0.5 µm/px
        PixelSize s = read(PhysicalSizeFiles.png(dir.resolve("m.png"), 16, 12, 2_000_000L, 2_000_000L, 1)).pixelSize();
        assertEquals(PixelSize.Origin.PNG_PHYS, s.origin());
        assertEquals(0.5, s.micronsX(), 1e-12);
        assertEquals(0.5, s.micronsY(), 1e-12);
        // 3,780 px/m (96 dpi) is a real, if large, pixel: 264.55 µm
        assertEquals(264.55, read(PhysicalSizeFiles.png(dir.resolve("dpi.png"), 16, 12, 3780L, 3780L, 1)).pixelSize().micronsX(), 0.005);
    }

    @Test
    void pngWithoutMetreUnitOrWithoutPhysHasNoPhysicalSize() throws Exception {
        assertNull(read(PhysicalSizeFiles.png(dir.resolve("aspect.png"), 16, 12, 2_000_000L, 2_000_000L, 0)).pixelSize());
        assertNull(read(PhysicalSizeFiles.png(dir.resolve("plain.png"), 16, 12, null, null, 0)).pixelSize());
    }
}
