package dev.patchexplorer.imagefile;

import dev.patchexplorer.core.image.RgbImage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferUShort;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Iterator;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every format the brief names, written here, read by the shared reader, checked at known pixels. */
class ImageFileReaderTest {
    private static final Pattern JAVA_NAME = Pattern.compile("Exception|Error|\\b[a-z]+\\.[a-z]+\\.[A-Za-z]");

    @TempDir
    Path dir;

    private final ImageFileReader reader = ImageFileReader.standard();

    /** A 16-bit sample scaled to 8 bits, rounded: the independent expectation. */
    private static int to8(int v16) {
        return (int) Math.round(v16 * 255.0 / 65535.0);
    }

    private static int sample(int x, int y, int c) {
        return c == 0 ? x * 1500 : c == 1 ? y * 2500 : 0xFFFF;
    }

    private static void assertPixel(RgbImage img, int x, int y, int argb) {
        assertEquals(Integer.toHexString(argb), Integer.toHexString(img.get(x, y)), "pixel " + x + "," + y);
    }

    private void assertTiff16(Path file) throws Exception {
        DecodedImage d = reader.read(file);
        assertEquals("TIFF", d.format());
        assertEquals(40, d.pixels().width());
        assertEquals(24, d.pixels().height());
        assertEquals(1, d.subsampling());
        for (int[] p : new int[][]{{0, 0}, {17, 3}, {39, 23}, {33, 20}}) {
            int x = p[0], y = p[1];
            assertPixel(d.pixels(), x, y, 0xFF000000 | to8(sample(x, y, 0)) << 16 | to8(sample(x, y, 1)) << 8 | 0xFF);
        }
    }

    @Test
    void tiledSixteenBitTiffUncompressedAndDeflate() throws Exception {
        assertTiff16(TestImages.tiledTiff16(dir.resolve("tiled.tif"), 40, 24, 16, false, false, ImageFileReaderTest::sample));
        assertTiff16(TestImages.tiledTiff16(dir.resolve("deflate.tif"), 40, 24, 16, false, true, ImageFileReaderTest::sample));
    }

    @Test
    void bigTiff() throws Exception {
        Path big = TestImages.tiledTiff16(dir.resolve("big.tif"), 40, 24, 16, true, false, ImageFileReaderTest::sample);
        assertEquals(43, Files.readAllBytes(big)[2], "BigTIFF version number");
        assertTiff16(big);
    }

    /** LZW and JPEG compression through ImageIO's own TIFF writer (a different writer from the reader). */
    @Test
    void lzwAndJpegCompressedTiff() throws Exception {
        BufferedImage img = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 48; y++) for (int x = 0; x < 64; x++) img.setRGB(x, y, x < 32 ? 0xC02010 : 0x1040E0);
        for (String compression : new String[]{"LZW", "JPEG", "Deflate"}) {
            Path file = dir.resolve(compression + ".tif");
            writeTiff(img, compression, file);
            RgbImage got = reader.read(file).pixels();
            int tolerance = compression.equals("JPEG") ? 6 : 0;
            assertClose(0xC02010, got.get(10, 10), tolerance, compression);
            assertClose(0x1040E0, got.get(50, 40), tolerance, compression);
        }
    }

    private static void writeTiff(BufferedImage img, String compression, Path file) throws Exception {
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("tiff");
        while (writers.hasNext()) {
            ImageWriter w = writers.next();
            ImageWriteParam p = w.getDefaultWriteParam();
            if (!p.canWriteCompressed() || !Arrays.asList(p.getCompressionTypes()).contains(compression)) continue;
            p.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            p.setCompressionType(compression);
            try (ImageOutputStream out = ImageIO.createImageOutputStream(file.toFile())) {
                w.setOutput(out);
                w.write(null, new IIOImage(img, null, null), p);
            } finally {
                w.dispose();
            }
            return;
        }
        throw new AssertionError("no TIFF writer offers " + compression);
    }

    private static void assertClose(int rgb, int argb, int tolerance, String what) {
        for (int shift = 0; shift <= 16; shift += 8) {
            assertEquals((rgb >> shift) & 0xff, (argb >> shift) & 0xff, tolerance, what + " " + Integer.toHexString(argb));
        }
        assertEquals(0xff, argb >>> 24, what);
    }

    /**
     * A CMYK JPEG as print workflows make them (Adobe APP14 marker, inverted ink values), made with
     * ImageMagick from a 64x48 picture, red left and black right; ImageIO's JPEG writer cannot write
     * one (it labels a four-channel raster YCCK). The JDK reader alone refuses such files.
     */
    @Test
    void cmykJpeg() throws Exception {
        DecodedImage d = reader.read(resource("print-cmyk.jpg"));
        assertEquals("JPEG", d.format());
        assertEquals(64, d.pixels().width());
        int red = d.pixels().get(10, 20), black = d.pixels().get(50, 20);
        // CMYK -> sRGB goes through a colour profile, so "red" is a print red, not exactly 255, 0, 0
        assertTrue(((red >> 16) & 0xff) > 200 && ((red >> 8) & 0xff) < 80 && (red & 0xff) < 80, Integer.toHexString(red));
        assertTrue(((black >> 16) & 0xff) < 60 && ((black >> 8) & 0xff) < 60 && (black & 0xff) < 60, Integer.toHexString(black));
    }

    private Path resource(String name) throws Exception {
        Path file = dir.resolve(name);
        try (InputStream in = getClass().getResourceAsStream("/dev/patchexplorer/imagefile/" + name)) {
            assertNotNull(in, "test resource " + name);
            Files.copy(in, file);
        }
        return file;
    }

    /** A lossless WebP made with cwebp from a 32x24 picture of four quadrants (see src/test/resources). */
    @Test
    void webp() throws Exception {
        DecodedImage d = reader.read(resource("quadrants.webp"));
        assertEquals("WebP", d.format());
        assertEquals(32, d.pixels().width());
        assertEquals(24, d.pixels().height());
        assertPixel(d.pixels(), 3, 3, 0xFFFF0000);
        assertPixel(d.pixels(), 20, 3, 0xFF00FF00);
        assertPixel(d.pixels(), 3, 20, 0xFF0000FF);
        assertPixel(d.pixels(), 20, 20, 0x80FFFFFF);
    }

    @Test
    void greySixteenBitPaletteAndAlphaPngs() throws Exception {
        BufferedImage grey16 = new BufferedImage(20, 10, BufferedImage.TYPE_USHORT_GRAY);
        short[] data = ((DataBufferUShort) grey16.getRaster().getDataBuffer()).getData();
        Arrays.fill(data, (short) 0xFFFF);
        data[1] = (short) 0x8080;
        RgbImage g16 = read(grey16, "grey16.png");
        assertPixel(g16, 0, 0, 0xFFFF_FFFF); // 0xFFFF -> 255
        assertPixel(g16, 1, 0, 0xFF80_8080); // 0x8080 -> 128, not brightened as if linear light

        BufferedImage grey = new BufferedImage(20, 10, BufferedImage.TYPE_BYTE_GRAY);
        grey.getRaster().setSample(3, 4, 0, 128);
        assertPixel(read(grey, "grey.png"), 3, 4, 0xFF80_8080);

        BufferedImage rgb16 = new BufferedImage(new java.awt.image.ComponentColorModel(
                java.awt.color.ColorSpace.getInstance(java.awt.color.ColorSpace.CS_sRGB), false, false,
                java.awt.Transparency.OPAQUE, java.awt.image.DataBuffer.TYPE_USHORT),
                Raster.createInterleavedRaster(java.awt.image.DataBuffer.TYPE_USHORT, 20, 10, 3, null), false, null);
        rgb16.getRaster().setPixel(5, 5, new int[]{0xFFFF, 0x8080, 0});
        assertPixel(read(rgb16, "rgb16.png"), 5, 5, 0xFFFF_8000);

        byte[] r = {0, (byte) 255, 10}, g = {0, 0, 20}, b = {0, (byte) 255, 30};
        BufferedImage palette = new BufferedImage(20, 10, BufferedImage.TYPE_BYTE_INDEXED, new IndexColorModel(2, 3, r, g, b));
        palette.getRaster().setSample(1, 1, 0, 1);
        palette.getRaster().setSample(2, 1, 0, 2);
        RgbImage p = read(palette, "palette.png");
        assertPixel(p, 1, 1, 0xFFFF00FF);
        assertPixel(p, 2, 1, 0xFF0A141E);

        BufferedImage alpha = new BufferedImage(20, 10, BufferedImage.TYPE_INT_ARGB);
        alpha.setRGB(2, 2, 0x8000FF00);
        assertPixel(read(alpha, "alpha.png"), 2, 2, 0x8000FF00); // not premultiplied, as JavaFX shows it
    }

    private RgbImage read(BufferedImage img, String name) throws Exception {
        Path file = dir.resolve(name);
        assertTrue(ImageIO.write(img, "png", file.toFile()), name);
        return reader.read(file).pixels();
    }

    /** A budget of 5000 pixels opens a 200x100 image as every second pixel: (i, j) is source (2i, 2j). */
    @Test
    void overTheBudgetTheImageIsReadSubsampled() throws Exception {
        BufferedImage img = new BufferedImage(200, 100, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 100; y++) for (int x = 0; x < 200; x++) img.setRGB(x, y, x << 8 | y);
        Path file = dir.resolve("wide.png");
        ImageIO.write(img, "png", file.toFile());
        DecodedImage d = new ImageFileReader(new PixelBudget(5000, 1_000_000)).read(file);
        assertEquals(2, d.subsampling());
        assertEquals(100, d.pixels().width());
        assertEquals(50, d.pixels().height());
        assertEquals(200, d.originalWidth());
        assertEquals(100, d.originalHeight());
        assertPixel(d.pixels(), 37, 21, 0xFF000000 | 74 << 8 | 42);
        assertPixel(d.pixels(), 99, 49, 0xFF000000 | 198 << 8 | 98);
    }

    @Test
    void subsamplingIsTheSmallestFactorWithinTheBudget() {
        PixelBudget hundred = new PixelBudget(100_000_000, PixelBudget.SOURCE_PIXELS);
        assertEquals(1, hundred.subsampling(10_000, 10_000)); // exactly 100 MP fits
        assertEquals(2, hundred.subsampling(10_001, 10_000)); // one column more does not
        assertEquals(3, hundred.subsampling(30_000, 30_000)); // 900 MP: 10000 x 10000
        assertEquals(4, hundred.subsampling(30_001, 30_000)); // ceil(30001/3) = 10001 rows too many
        assertEquals(1, hundred.subsampling(8, 8));
    }

    @Test
    void brokenFilesAreRefusedInWords() throws Exception {
        Path tiff = TestImages.tiledTiff16(dir.resolve("whole.tif"), 40, 24, 16, false, false, ImageFileReaderTest::sample);
        byte[] bytes = Files.readAllBytes(tiff);
        Path cut = Files.write(dir.resolve("cut.tif"), Arrays.copyOf(bytes, bytes.length / 2));
        assertRefused(cut, ImageFileException.Reason.CORRUPT, "damaged");

        Path garbage = Files.writeString(dir.resolve("scan.tif"), "II*\0 this is not a scan at all", StandardCharsets.US_ASCII);
        ImageFileException e = assertThrows(ImageFileException.class, () -> reader.read(garbage));
        assertTrue(e.reason() == ImageFileException.Reason.CORRUPT || e.reason() == ImageFileException.Reason.FORMAT, e.getMessage());
        assertClean(e);

        assertRefused(Files.writeString(dir.resolve("notes.tif"), "just words", StandardCharsets.US_ASCII),
                ImageFileException.Reason.FORMAT, "not an image in a supported format (PNG, JPEG, TIFF, WebP, BMP or GIF)");
        assertRefused(Files.createFile(dir.resolve("empty.webp")), ImageFileException.Reason.EMPTY, "empty");
        assertRefused(dir.resolve("absent.png"), ImageFileException.Reason.MISSING, "no image file absent.png");
        BufferedImage tiny = new BufferedImage(4, 30, BufferedImage.TYPE_INT_RGB);
        Path small = dir.resolve("tiny.png");
        ImageIO.write(tiny, "png", small.toFile());
        assertRefused(small, ImageFileException.Reason.TOO_SMALL, "4x30 pixels; at least 8x8");
    }

    private void assertRefused(Path file, ImageFileException.Reason reason, String words) {
        ImageFileException e = assertThrows(ImageFileException.class, () -> reader.read(file));
        assertEquals(reason, e.reason(), e.getMessage());
        assertTrue(e.getMessage().contains(words), e.getMessage());
        assertClean(e);
    }

    private static void assertClean(ImageFileException e) {
        assertFalse(JAVA_NAME.matcher(e.getMessage()).find(), e.getMessage());
        assertEquals(1, e.getMessage().lines().count(), e.getMessage());
    }
}
