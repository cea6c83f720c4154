package dev.patchexplorer.ui;

import dev.patchexplorer.ui.io.ImageLoadException;
import dev.patchexplorer.ui.io.ImageLoader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * A seeded mutation loop over the headers of small valid PNG, JPEG, BMP and GIF files (byte flips
 * near the start, truncations, width and height fields set to odd values), each opened with the
 * app's {@link ImageLoader}: every case ends in an image or an {@link ImageLoadException} in
 * words, within a time bound, never another exception, a hang or an OutOfMemoryError.
 */
class ImageHeaderFuzzTest {
    private static final long SEED = Long.getLong("patchexplorer.fuzzSeed", 0x1a9e_5eedL);
    private static final int CASES = Integer.getInteger("patchexplorer.imageFuzzCases", 800);
    private static final long CASE_SECONDS = 20;
    private static final Pattern JAVA_NAME = Pattern.compile("\\b[a-z]+(\\.[a-z]+)+\\.[A-Z]\\w*(Exception|Error)\\b|Exception");

    @TempDir
    Path tmp;

    @BeforeAll
    static void toolkit() {
        FxTestSupport.startToolkit();
    }

    private record Sample(String format, byte[] bytes, int widthAt, int heightAt, int fieldBytes, boolean bigEndian) {}

    private static byte[] encode(String format) throws Exception {
        BufferedImage img = new BufferedImage(32, 24, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 24; y++) for (int x = 0; x < 32; x++) img.setRGB(x, y, (x * 8) << 16 | (y * 10) << 8 | 128);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertTrue(ImageIO.write(img, format, out), format);
        return out.toByteArray();
    }

    /** Where each format keeps its width and height: PNG IHDR, BMP info header, GIF logical screen. */
    private static List<Sample> samples() throws Exception {
        byte[] jpeg = encode("jpeg");
        int sof = 2;
        while (!((jpeg[sof] & 0xff) == 0xff && (jpeg[sof + 1] & 0xff) == 0xc0)) sof++;
        return List.of(
                new Sample("png", encode("png"), 16, 20, 4, true),
                new Sample("bmp", encode("bmp"), 18, 22, 4, false),
                new Sample("gif", encode("gif"), 6, 8, 2, false),
                new Sample("jpeg", jpeg, sof + 7, sof + 5, 2, true));
    }

    @Test
    void everyMutatedHeaderEndsInAnImageOrARefusalInWords() throws Exception {
        List<Sample> samples = samples();
        Random random = new Random(SEED);
        Map<String, Integer> outcomes = new TreeMap<>();
        ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "image-fuzz");
            t.setDaemon(true);
            return t;
        });
        try {
            for (int i = 0; i < CASES; i++) {
                Sample s = samples.get(random.nextInt(samples.size()));
                StringBuilder what = new StringBuilder(s.format());
                byte[] bytes = mutate(random, s, what);
                Path file = tmp.resolve("case." + s.format());
                Files.write(file, bytes);
                Future<String> result = worker.submit(() -> attempt(file));
                try {
                    outcomes.merge(result.get(CASE_SECONDS, TimeUnit.SECONDS), 1, Integer::sum);
                } catch (TimeoutException e) {
                    fail("case " + i + " (" + what + ") ran longer than " + CASE_SECONDS + " s");
                } catch (ExecutionException e) {
                    throw new AssertionError("case " + i + " (" + what + ") ended in " + e.getCause(), e.getCause());
                }
            }
        } finally {
            worker.shutdownNow();
        }
        System.out.println("[fuzz] " + CASES + " image cases, seed " + SEED + ": " + outcomes);
        assertTrue(outcomes.getOrDefault("loaded", 0) > 0, outcomes.toString());
        assertTrue(outcomes.getOrDefault("refused", 0) > CASES / 4, outcomes.toString());
    }

    private static String attempt(Path file) {
        try {
            ImageLoader.load(file);
            return "loaded";
        } catch (ImageLoadException e) {
            String m = e.getMessage();
            assertTrue(m != null && !m.isBlank(), "a refusal without a message");
            assertFalse(JAVA_NAME.matcher(m).find(), "a Java class name in: " + m);
            return "refused";
        }
    }

    private static byte[] mutate(Random r, Sample s, StringBuilder what) {
        byte[] b = s.bytes().clone();
        switch (r.nextInt(4)) {
            case 0 -> {
                int flips = 1 + r.nextInt(4);
                for (int i = 0; i < flips; i++) b[r.nextInt(Math.min(b.length, 64))] = (byte) r.nextInt(256);
                what.append(": ").append(flips).append(" header bytes flipped");
            }
            case 1 -> {
                int len = r.nextInt(b.length);
                b = Arrays.copyOf(b, len);
                what.append(": truncated to ").append(len).append(" bytes");
            }
            default -> {
                long w = odd(r, s.fieldBytes());
                long h = odd(r, s.fieldBytes());
                put(b, s.widthAt(), w, s);
                put(b, s.heightAt(), h, s);
                what.append(": width ").append(w).append(", height ").append(h);
            }
        }
        return b;
    }

    private static long odd(Random r, int bytes) {
        long max = bytes == 4 ? 0xffff_ffffL : 0xffff;
        long[] options = {0, 1, 7, 8, 32, 4096, 20_000, 65_535, max, max / 2, max / 2 + 1, r.nextLong() & max};
        return options[r.nextInt(options.length)];
    }

    private static void put(byte[] b, int at, long value, Sample s) {
        ByteBuffer buf = ByteBuffer.wrap(b).order(s.bigEndian() ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
        if (s.fieldBytes() == 4) buf.putInt(at, (int) value); else buf.putShort(at, (short) value);
    }
}
