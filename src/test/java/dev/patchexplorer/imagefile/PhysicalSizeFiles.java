package dev.patchexplorer.imagefile;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.DeflaterOutputStream;

/**
 * Small images that state a physical pixel size, written byte by byte from the TIFF 6.0 and PNG
 * specifications (not by ImageIO), so the reader is checked against an independent writer.
 */
public final class PhysicalSizeFiles {
    /** A TIFF rational numerator / denominator. */
    public record Rational(long numerator, long denominator) {}

    private PhysicalSizeFiles() {}

    /**
     * An uncompressed 8-bit RGB TIFF (one strip, little-endian) of a grey gradient. Null arguments leave
     * the tag out: {@code unit} is ResolutionUnit (1 none, 2 inch, 3 centimetre).
     */
    public static Path tiff(Path file, int width, int height, Rational xRes, Rational yRes, Integer unit,
                            String description) throws IOException {
        byte[] pixels = new byte[width * height * 3];
        for (int i = 0; i < width * height; i++) {
            byte v = (byte) (i % width * 255 / Math.max(1, width - 1));
            pixels[3 * i] = v;
            pixels[3 * i + 1] = v;
            pixels[3 * i + 2] = (byte) (255 - (v & 0xff));
        }
        List<int[]> shorts = new ArrayList<>();     // tag, value (SHORT or LONG, one value each)
        shorts.add(new int[] {256, width});
        shorts.add(new int[] {257, height});
        shorts.add(new int[] {259, 1});
        shorts.add(new int[] {262, 2});
        shorts.add(new int[] {277, 3});
        shorts.add(new int[] {278, height});
        shorts.add(new int[] {279, pixels.length});
        shorts.add(new int[] {284, 1});
        if (unit != null) shorts.add(new int[] {296, unit});

        // layout: header (8) | pixels | BitsPerSample (6) | description | rationals | IFD
        int bitsAt = 8 + pixels.length;
        byte[] desc = description == null ? new byte[0] : (description + "\0").getBytes(StandardCharsets.UTF_8);
        int descAt = bitsAt + 6;
        int ratAt = descAt + desc.length + (desc.length & 1);
        int ifdAt = ratAt + 16;
        record Entry(int tag, int type, int count, int value) {}
        List<Entry> entries = new ArrayList<>();
        for (int[] s : shorts) entries.add(new Entry(s[0], s[0] == 273 || s[0] == 279 ? 4 : 3, 1, s[1]));
        entries.add(new Entry(258, 3, 3, bitsAt));
        entries.add(new Entry(273, 4, 1, 8));
        if (description != null) entries.add(new Entry(270, 2, desc.length, descAt));
        if (xRes != null) entries.add(new Entry(282, 5, 1, ratAt));
        if (yRes != null) entries.add(new Entry(283, 5, 1, ratAt + 8));
        entries.sort((a, b) -> Integer.compare(a.tag(), b.tag()));

        ByteBuffer b = ByteBuffer.allocate(ifdAt + 2 + 12 * entries.size() + 4).order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 'I').put((byte) 'I').putShort((short) 42).putInt(ifdAt);
        b.put(pixels);
        b.putShort((short) 8).putShort((short) 8).putShort((short) 8);
        b.put(desc);
        if ((desc.length & 1) != 0) b.put((byte) 0);
        Rational x = xRes == null ? new Rational(0, 1) : xRes, y = yRes == null ? new Rational(0, 1) : yRes;
        b.putInt((int) x.numerator()).putInt((int) x.denominator()).putInt((int) y.numerator()).putInt((int) y.denominator());
        b.putShort((short) entries.size());
        for (Entry e : entries) {
            b.putShort((short) e.tag()).putShort((short) e.type()).putInt(e.count());
            if (e.type() == 3 && e.count() == 1) b.putShort((short) e.value()).putShort((short) 0);
            else b.putInt(e.value());
        }
        b.putInt(0);
        Files.write(file, b.array());
        return file;
    }

    /** An 8-bit RGB PNG with a pHYs chunk ({@code unit} 1 = metre, 0 = aspect ratio only), or none when ppuX is null. */
    public static Path png(Path file, int width, int height, Long ppuX, Long ppuY, int unit) throws IOException {
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        try (OutputStream z = new DeflaterOutputStream(raw)) {
            for (int yy = 0; yy < height; yy++) {
                z.write(0);
                for (int xx = 0; xx < width; xx++) z.write(new byte[] {(byte) (xx * 16), (byte) (yy * 16), 64});
            }
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        TestImages.chunk(out, "IHDR", ByteBuffer.allocate(13).putInt(width).putInt(height).put(new byte[] {8, 2, 0, 0, 0}).array());
        if (ppuX != null) {
            TestImages.chunk(out, "pHYs", ByteBuffer.allocate(9).putInt((int) (long) ppuX).putInt((int) (long) ppuY)
                    .put((byte) unit).array());
        }
        TestImages.chunk(out, "IDAT", raw.toByteArray());
        TestImages.chunk(out, "IEND", new byte[0]);
        Files.write(file, bytes.toByteArray());
        return file;
    }

    /** An OME-XML description as Bio-Formats writes it (trimmed to what matters). */
    public static String omeXml(String sizeX, String unitX, String sizeY, String unitY) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<OME xmlns=\"http://www.openmicroscopy.org/Schemas/OME/2016-06\">"
                + "<Image ID=\"Image:0\" Name=\"slide\"><Pixels ID=\"Pixels:0\" DimensionOrder=\"XYCZT\" Type=\"uint8\""
                + " SizeX=\"32\" SizeY=\"24\" SizeC=\"3\" SizeZ=\"1\" SizeT=\"1\""
                + (sizeX == null ? "" : " PhysicalSizeX=\"" + sizeX + "\"")
                + (unitX == null ? "" : " PhysicalSizeXUnit=\"" + unitX + "\"")
                + (sizeY == null ? "" : " PhysicalSizeY=\"" + sizeY + "\"")
                + (unitY == null ? "" : " PhysicalSizeYUnit=\"" + unitY + "\"")
                + "><Channel ID=\"Channel:0:0\" SamplesPerPixel=\"3\"/></Pixels></Image></OME>";
    }
}
