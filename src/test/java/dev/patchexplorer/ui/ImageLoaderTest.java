package dev.patchexplorer.ui;

import dev.patchexplorer.ui.io.ImageLoadException;
import dev.patchexplorer.ui.io.ImageLoader;
import dev.patchexplorer.ui.io.LoadedImage;
import javafx.scene.paint.Color;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Real files of every kind the brief names, written with ImageIO, decoded by the app's loader. */
class ImageLoaderTest {
    @TempDir
    Path dir;

    @BeforeAll
    static void toolkit() {
        FxTestSupport.startToolkit();
    }

    private Path write(BufferedImage img, String format, String name) throws IOException {
        Path p = dir.resolve(name);
        assertTrue(ImageIO.write(img, format, p.toFile()), "ImageIO wrote " + format);
        return p;
    }

    private static void assertColor(LoadedImage img, int x, int y, double r, double g, double b) {
        Color c = img.image().getPixelReader().getColor(x, y);
        String got = c.toString();
        assertEquals(r, c.getRed(), 0.02, got);
        assertEquals(g, c.getGreen(), 0.02, got);
        assertEquals(b, c.getBlue(), 0.02, got);
    }

    @Test
    void sixteenBitGreyPng() throws Exception {
        BufferedImage img = new BufferedImage(40, 30, BufferedImage.TYPE_USHORT_GRAY);
        short[] data = ((java.awt.image.DataBufferUShort) img.getRaster().getDataBuffer()).getData();
        java.util.Arrays.fill(data, (short) 0xFFFF);
        data[0] = 0;
        LoadedImage loaded = ImageLoader.load(write(img, "png", "grey16.png"));
        assertEquals(40, loaded.width());
        assertEquals(30, loaded.height());
        assertColor(loaded, 0, 0, 0, 0, 0);
        assertColor(loaded, 5, 5, 1, 1, 1);
    }

    @Test
    void eightBitGreyPaletteAndAlpha() throws Exception {
        BufferedImage grey = new BufferedImage(20, 20, BufferedImage.TYPE_BYTE_GRAY);
        grey.getRaster().setSample(3, 4, 0, 128);
        assertColor(ImageLoader.load(write(grey, "png", "grey.png")), 3, 4, 128 / 255.0, 128 / 255.0, 128 / 255.0);

        byte[] r = {0, (byte) 255}, g = {0, 0}, b = {0, (byte) 255};
        BufferedImage palette = new BufferedImage(20, 20, BufferedImage.TYPE_BYTE_INDEXED, new IndexColorModel(1, 2, r, g, b));
        palette.getRaster().setSample(1, 1, 0, 1);
        assertColor(ImageLoader.load(write(palette, "png", "palette.png")), 1, 1, 1, 0, 1);

        BufferedImage alpha = new BufferedImage(20, 20, BufferedImage.TYPE_INT_ARGB);
        alpha.setRGB(2, 2, 0x8000FF00);
        LoadedImage loadedAlpha = ImageLoader.load(write(alpha, "png", "alpha.png"));
        assertEquals(128 / 255.0, loadedAlpha.image().getPixelReader().getColor(2, 2).getOpacity(), 0.01);
    }

    @Test
    void jpegBmpAndGif() throws Exception {
        BufferedImage rgb = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D gfx = rgb.createGraphics();
        gfx.setColor(java.awt.Color.RED);
        gfx.fillRect(0, 0, 64, 48);
        gfx.dispose();
        for (String format : new String[]{"jpeg", "bmp", "gif"}) {
            LoadedImage loaded = ImageLoader.load(write(rgb, format, "red." + format));
            assertEquals(64, loaded.width(), format);
            assertColor(loaded, 30, 20, 1, 0, 0);
        }
    }

    @Test
    void badFilesGiveClearMessages() throws Exception {
        Path empty = Files.createFile(dir.resolve("empty.png"));
        assertMessage(empty, "the file is empty");
        Path text = Files.writeString(dir.resolve("notes.png"), "these are not pixels", StandardCharsets.UTF_8);
        assertMessage(text, "not an image in a supported format");
        Path missing = dir.resolve("nowhere.png");
        assertMessage(missing, "does not exist");

        byte[] good = Files.readAllBytes(write(new BufferedImage(100, 100, BufferedImage.TYPE_INT_RGB), "png", "ok.png"));
        Path cut = Files.write(dir.resolve("cut.png"), java.util.Arrays.copyOf(good, 60));
        assertMessage(cut, "damaged");

        BufferedImage tiny = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
        assertMessage(write(tiny, "png", "tiny.png"), "1×1 pixels");

        BufferedImage tiff = new BufferedImage(20, 20, BufferedImage.TYPE_INT_RGB);
        tiff.setRGB(5, 5, 0x00FF00);
        assertColor(ImageLoader.load(write(tiff, "tiff", "scan.tiff")), 5, 5, 0, 1, 0);
        Path garbageTiff = Files.writeString(dir.resolve("slide.tif"), "II*\0 no directory here", StandardCharsets.US_ASCII);
        ImageLoadException e = assertThrows(ImageLoadException.class, () -> ImageLoader.load(garbageTiff));
        assertTrue(e.getMessage().startsWith("Cannot open “slide.tif”"), e.getMessage());
        assertTrue(!e.getMessage().contains("Exception"), e.getMessage());
    }

    @Test
    void aHeaderClaimingMorePixelsThanTheFileHoldsIsRefusedAsDamaged() throws Exception {
        // 30000 x 30000 in the header, no pixel data: over the budget, so read subsampled, which finds nothing
        Path huge = dir.resolve("huge.png");
        Files.write(huge, pngHeaderOnly(30000, 30000));
        assertMessage(huge, "damaged");
    }

    @Test
    void aHeaderBeyondWhatSubsamplingCanReadIsRefusedWithoutDecoding() throws Exception {
        Path absurd = dir.resolve("absurd.png");
        Files.write(absurd, pngHeaderOnly(60000, 60000));
        assertMessage(absurd, "60,000×60,000 pixels (3600 megapixels); Patch Explorer opens images up to 2,500 megapixels");
    }

    private static void assertMessage(Path file, String expected) {
        ImageLoadException e = assertThrows(ImageLoadException.class, () -> ImageLoader.load(file));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    /** PNG signature + IHDR (8-bit RGB) + an empty IDAT + IEND: a valid header with no pixel data. */
    static byte[] pngHeaderOnly(int w, int h) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.write(new byte[]{(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        ByteArrayOutputStream ihdr = new ByteArrayOutputStream();
        DataOutputStream d = new DataOutputStream(ihdr);
        d.writeInt(w);
        d.writeInt(h);
        d.write(new byte[]{8, 2, 0, 0, 0});
        chunk(out, "IHDR", ihdr.toByteArray());
        chunk(out, "IDAT", new byte[0]);
        chunk(out, "IEND", new byte[0]);
        return bytes.toByteArray();
    }

    private static void chunk(DataOutputStream out, String type, byte[] data) throws IOException {
        out.writeInt(data.length);
        byte[] t = type.getBytes(StandardCharsets.US_ASCII);
        out.write(t);
        out.write(data);
        CRC32 crc = new CRC32();
        crc.update(t);
        crc.update(data);
        out.writeInt((int) crc.getValue());
    }
}
