package dev.patchexplorer.imagefile;

import java.io.BufferedOutputStream;
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
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

/**
 * Image files written byte by byte, for what ImageIO cannot write cheaply: a PNG too large to hold in
 * memory, and tiled 16-bit TIFFs, classic and BigTIFF. Written from the format specifications, so the
 * readers under test are checked against an independent writer.
 */
public final class TestImages {
    /** One 16-bit RGB sample of a test TIFF at (x, y), channel c. */
    public interface Samples16 {
        int at(int x, int y, int c);
    }

    private TestImages() {}

    /**
     * An 8-bit RGB PNG of width x height whose left half (x < width / 2) is {@code left} and right half
     * {@code right} above row height / 2 and swapped below it. Only two distinct rows exist, so the
     * deflated stream stays a few MB even for 30000 x 30000; the rows are streamed, never held whole.
     */
    public static Path quadrantPng(Path file, int width, int height, int left, int right) throws IOException {
        byte[] top = pngRow(width, left, right), bottom = pngRow(width, right, left);
        try (OutputStream raw = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            DataOutputStream out = new DataOutputStream(raw);
            out.write(new byte[]{(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
            ByteBuffer ihdr = ByteBuffer.allocate(13).putInt(width).putInt(height).put(new byte[]{8, 2, 0, 0, 0});
            chunk(out, "IHDR", ihdr.array());
            // IDAT: deflate into memory per block of rows and emit one chunk per block
            ByteArrayOutputStream block = new ByteArrayOutputStream();
            Deflater deflater = new Deflater(Deflater.BEST_SPEED);
            try (DeflaterOutputStream z = new DeflaterOutputStream(new ChunkSink(out, block), deflater, 1 << 16)) {
                for (int y = 0; y < height; y++) z.write(y < height / 2 ? top : bottom);
            }
            deflater.end();
            chunk(out, "IEND", new byte[0]);
        }
        return file;
    }

    private static byte[] pngRow(int width, int left, int right) {
        byte[] row = new byte[1 + 3 * width]; // filter byte 0 (None), then RGB
        for (int x = 0; x < width; x++) {
            int c = x < width / 2 ? left : right;
            row[1 + 3 * x] = (byte) (c >> 16);
            row[2 + 3 * x] = (byte) (c >> 8);
            row[3 + 3 * x] = (byte) c;
        }
        return row;
    }

    /** Passes deflated bytes on as IDAT chunks of up to 1 MB. */
    private static final class ChunkSink extends OutputStream {
        private final DataOutputStream png;
        private final ByteArrayOutputStream pending;

        ChunkSink(DataOutputStream png, ByteArrayOutputStream pending) {
            this.png = png;
            this.pending = pending;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[]{(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            pending.write(b, off, len);
            if (pending.size() >= 1 << 20) flushChunk();
        }

        private void flushChunk() throws IOException {
            if (pending.size() == 0) return;
            chunk(png, "IDAT", pending.toByteArray());
            pending.reset();
        }

        @Override
        public void close() throws IOException {
            flushChunk();
        }
    }

    static void chunk(DataOutputStream out, String type, byte[] data) throws IOException {
        out.writeInt(data.length);
        byte[] t = type.getBytes(StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(t);
        crc.update(data);
        out.write(t);
        out.write(data);
        out.writeInt((int) crc.getValue());
    }

    /**
     * A tiled RGB TIFF with 16 bits per sample, little-endian, uncompressed or Deflate (compression 8).
     * {@code bigTiff} writes the BigTIFF variant (version 43, 64-bit offsets).
     */
    public static Path tiledTiff16(Path file, int width, int height, int tile, boolean bigTiff, boolean deflate,
            Samples16 samples) throws IOException {
        int across = (width + tile - 1) / tile, down = (height + tile - 1) / tile;
        List<byte[]> tiles = new ArrayList<>();
        for (int ty = 0; ty < down; ty++) {
            for (int tx = 0; tx < across; tx++) {
                ByteBuffer b = ByteBuffer.allocate(tile * tile * 6).order(ByteOrder.LITTLE_ENDIAN);
                for (int y = 0; y < tile; y++) {
                    for (int x = 0; x < tile; x++) {
                        int gx = tx * tile + x, gy = ty * tile + y;
                        for (int c = 0; c < 3; c++) {
                            b.putShort((short) (gx < width && gy < height ? samples.at(gx, gy, c) : 0)); // edge tiles padded
                        }
                    }
                }
                tiles.add(deflate ? deflated(b.array()) : b.array());
            }
        }
        int headerSize = bigTiff ? 16 : 8;
        long[] offsets = new long[tiles.size()], counts = new long[tiles.size()];
        long pos = headerSize;
        for (int i = 0; i < tiles.size(); i++) {
            offsets[i] = pos;
            counts[i] = tiles.get(i).length;
            pos += tiles.get(i).length;
        }
        long extra = pos; // where the values too long for their entries go
        Ifd ifd = new Ifd(bigTiff);
        ifd.add(256, 3, new long[]{width});
        ifd.add(257, 3, new long[]{height});
        ifd.add(258, 3, new long[]{16, 16, 16});
        ifd.add(259, 3, new long[]{deflate ? 8 : 1});
        ifd.add(262, 3, new long[]{2});
        ifd.add(277, 3, new long[]{3});
        ifd.add(284, 3, new long[]{1});
        ifd.add(322, 3, new long[]{tile});
        ifd.add(323, 3, new long[]{tile});
        ifd.add(324, bigTiff ? 16 : 4, offsets);
        ifd.add(325, bigTiff ? 16 : 4, counts);
        byte[] values = ifd.values();
        long ifdAt = extra + values.length;
        ifdAt += ifdAt & 1; // IFDs start on a word boundary
        ByteBuffer head = ByteBuffer.allocate(headerSize).order(ByteOrder.LITTLE_ENDIAN).put((byte) 'I').put((byte) 'I');
        if (bigTiff) head.putShort((short) 43).putShort((short) 8).putShort((short) 0).putLong(ifdAt);
        else head.putShort((short) 42).putInt((int) ifdAt);
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file))) {
            out.write(head.array());
            for (byte[] t : tiles) out.write(t);
            out.write(values);
            if (((extra + values.length) & 1) != 0) out.write(0);
            out.write(ifd.entries(extra));
        }
        return file;
    }

    private static byte[] deflated(byte[] data) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DeflaterOutputStream z = new DeflaterOutputStream(out)) {
            z.write(data);
        }
        return out.toByteArray();
    }

    /** An image file directory: entries sorted by tag, values that do not fit inline stored before it. */
    private static final class Ifd {
        private record Entry(int tag, int type, long[] values) {}

        private final boolean big;
        private final List<Entry> entries = new ArrayList<>();

        Ifd(boolean big) {
            this.big = big;
        }

        void add(int tag, int type, long[] values) {
            entries.add(new Entry(tag, type, values));
        }

        private static int size(int type) {
            return type == 3 ? 2 : type == 4 ? 4 : 8;
        }

        private boolean inline(Entry e) {
            return (long) size(e.type) * e.values.length <= (big ? 8 : 4);
        }

        private byte[] encode(Entry e) {
            ByteBuffer b = ByteBuffer.allocate(size(e.type) * e.values.length).order(ByteOrder.LITTLE_ENDIAN);
            for (long v : e.values) {
                if (e.type == 3) b.putShort((short) v);
                else if (e.type == 4) b.putInt((int) v);
                else b.putLong(v);
            }
            return b.array();
        }

        byte[] values() {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            for (Entry e : entries) if (!inline(e)) out.writeBytes(encode(e));
            return out.toByteArray();
        }

        byte[] entries(long valuesAt) {
            int entrySize = big ? 20 : 12;
            ByteBuffer b = ByteBuffer.allocate((big ? 8 : 2) + entries.size() * entrySize + (big ? 8 : 4))
                    .order(ByteOrder.LITTLE_ENDIAN);
            if (big) b.putLong(entries.size());
            else b.putShort((short) entries.size());
            long next = valuesAt;
            for (Entry e : entries) {
                b.putShort((short) e.tag).putShort((short) e.type);
                if (big) b.putLong(e.values.length);
                else b.putInt(e.values.length);
                byte[] data = encode(e);
                ByteBuffer field = ByteBuffer.allocate(big ? 8 : 4).order(ByteOrder.LITTLE_ENDIAN);
                if (inline(e)) {
                    field.put(data);
                } else if (big) {
                    field.putLong(next);
                } else {
                    field.putInt((int) next);
                }
                if (!inline(e)) next += data.length;
                b.put(field.array());
            }
            if (big) b.putLong(0);
            else b.putInt(0);
            return b.array();
        }
    }
}
