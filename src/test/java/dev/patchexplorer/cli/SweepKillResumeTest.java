package dev.patchexplorer.cli;

import dev.patchexplorer.model.sweep.SweepCsv;
import dev.patchexplorer.testing.TinyCheckpoints;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A sweep killed for real: the launcher runs in its own JVM, which gets SIGKILL (no shutdown hook,
 * no finally, no flush) once the CSV holds a few rows; the last row is then torn in half, as a
 * kill in the middle of a write would leave it. Running the same command again must finish the
 * table with exactly one row per (image, patch), equal to an uninterrupted run's.
 * <p>
 * Rows are compared as text, every column but {@code ms}: each row is a function of its (image,
 * patch) alone, computed by the same code with the same engine threads (the child JVMs see 2
 * processors and run 2 jobs, so each pass gets 1 intra-op thread on any machine), and written with
 * 6 significant digits, so a resumed row has the same characters as an uninterrupted one.
 */
class SweepKillResumeTest {
    private static final int IMAGES = 16;
    private static final String PATCHES = "8,12,16,24,32,48";
    private static final int CELLS = IMAGES * 6;
    /** Generous: a JVM start, the engine's native load and a model load on a slow, busy CI machine. */
    private static final long START_LIMIT_S = 300;
    private static final long RUN_LIMIT_S = 600;

    @TempDir
    static Path dir;
    private static Path model;
    private static Path images;

    @BeforeAll
    static void setUp() throws IOException {
        model = TinyCheckpoints.vit(dir.resolve("tiny"));
        images = Files.createDirectories(dir.resolve("images"));
        Random random = new Random(11);
        for (int i = 0; i < IMAGES; i++) ImageIO.write(picture(random, 80 + 4 * i, 96), "png", images.resolve("img" + (10 + i) + ".png").toFile());
    }

    /** Soft coloured blobs on a gradient, different in every picture, so the predictions differ too. */
    private static BufferedImage picture(Random random, int width, int height) {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        double[][] blobs = new double[5][6];
        for (double[] b : blobs) for (int k = 0; k < 6; k++) b[k] = random.nextDouble();
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                double[] rgb = {x / (double) width, y / (double) height, 0.5};
                for (double[] b : blobs) {
                    double dx = x / (double) width - b[0], dy = y / (double) height - b[1];
                    double w = Math.exp(-(dx * dx + dy * dy) / (0.01 + 0.05 * b[2]));
                    for (int c = 0; c < 3; c++) rgb[c] = rgb[c] * (1 - w) + b[3 + c] * w;
                }
                int r = (int) Math.round(255 * rgb[0]), g = (int) Math.round(255 * rgb[1]), bl = (int) Math.round(255 * rgb[2]);
                img.setRGB(x, y, r << 16 | g << 8 | bl);
            }
        }
        return img;
    }

    private static Process start(Path out, String name) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g", "-XX:ActiveProcessorCount=2", "-Djava.awt.headless=true",
                "-Dpatchexplorer.logs=" + dir.resolve("logs-" + name), "-Dpatchexplorer.cache=" + dir.resolve("cache"),
                "-cp", System.getProperty("java.class.path"), "dev.patchexplorer.app.Launcher",
                "sweep", "--model", model.toString(), "--images", images.toString(), "--patch", PATCHES, "--size", "96",
                "--jobs", "2", "--out", out.toString()));
        ProcessBuilder pb = new ProcessBuilder(command).redirectOutput(dir.resolve(name + ".out").toFile())
                .redirectError(dir.resolve(name + ".err").toFile());
        pb.environment().remove("PATCHEXPLORER_MODELS");
        return pb.start();
    }

    private static void finish(Process p, String name) throws Exception {
        if (!p.waitFor(RUN_LIMIT_S, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(name + ": the sweep did not finish in " + RUN_LIMIT_S + " s\n" + stderr(name));
        }
        assertEquals(0, p.exitValue(), () -> name + " exit code\n" + stderr(name));
    }

    private static String stderr(String name) {
        try {
            return Files.readString(dir.resolve(name + ".err"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(no stderr: " + e.getMessage() + ")";
        }
    }

    /** Complete data rows: lines that end with a line break, after the header. */
    private static int finishedRows(Path csv) throws IOException {
        if (!Files.exists(csv)) return 0;
        byte[] bytes = Files.readAllBytes(csv);
        int lines = 0;
        for (byte b : bytes) if (b == '\n') lines++;
        return Math.max(0, lines - 1);
    }

    /** Rows keyed by (image, patch) with the ms column blanked; a key seen twice fails. */
    private static Map<String, String> rows(Path csv) throws IOException {
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        assertEquals(SweepCsv.HEADER, lines.get(0));
        int ms = SweepCsv.COLUMNS.indexOf("ms");
        Map<String, String> out = new TreeMap<>();
        for (String line : lines.subList(1, lines.size())) {
            List<String> f = new ArrayList<>(SweepCsv.fields(line));
            assertEquals(SweepCsv.COLUMNS.size(), f.size(), line);
            f.set(ms, "");
            String key = f.get(0) + "@" + f.get(1);
            assertFalse(out.containsKey(key), "row written twice: " + key);
            out.put(key, String.join(",", f));
        }
        return out;
    }

    /** Cuts the file in the middle of its last line, as a kill during that line's write leaves it; returns the bytes kept whole. */
    private static byte[] tearLastRow(Path csv) throws IOException {
        byte[] bytes = Files.readAllBytes(csv);
        int end = bytes.length;
        while (end > 0 && bytes[end - 1] != '\n') end--; // a row the kill itself left unfinished
        int start = end - 1;
        while (start > 0 && bytes[start - 1] != '\n') start--;
        int cut = start + (end - start) / 2;
        try (RandomAccessFile f = new RandomAccessFile(csv.toFile(), "rw")) {
            f.setLength(cut);
        }
        return java.util.Arrays.copyOf(bytes, start);
    }

    @Test
    void aSweepKilledMidRunAndRestartedEqualsAnUninterruptedOne() throws Exception {
        Path whole = dir.resolve("whole.csv");
        finish(start(whole, "whole"), "whole");
        Map<String, String> expected = rows(whole);
        assertEquals(CELLS, expected.size(), "the uninterrupted run has one row per (image, patch)");

        Path killed = dir.resolve("killed.csv");
        Process p = start(killed, "killed");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(START_LIMIT_S);
        while (finishedRows(killed) < 3) {
            assertTrue(p.isAlive(), () -> "the sweep ended before it could be killed\n" + stderr("killed"));
            assertTrue(System.nanoTime() < deadline, () -> "no 3 rows in " + START_LIMIT_S + " s\n" + stderr("killed"));
            Thread.sleep(2);
        }
        p.destroyForcibly(); // SIGKILL where processes have signals
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the killed JVM is gone");
        int atKill = finishedRows(killed);
        assertTrue(atKill < CELLS, "killed part-way: " + atKill + " of " + CELLS + " rows were written");

        byte[] kept = tearLastRow(killed);
        int keptRows = finishedRows(killed);
        assertTrue(keptRows >= 2 && keptRows == atKill - 1, "kept " + keptRows + " whole rows of " + atKill);

        finish(start(killed, "resumed"), "resumed");
        assertTrue(stderr("resumed").contains("sweep: " + keptRows + " rows already in the table, " + (CELLS - keptRows) + " to run"),
                () -> "the restart skips the finished rows and reruns the torn one\n" + stderr("resumed"));
        byte[] after = Files.readAllBytes(killed);
        assertTrue(after.length > kept.length && java.util.Arrays.equals(kept, 0, kept.length, after, 0, kept.length),
                "the rows finished before the kill stay as they were, ms included");
        Map<String, String> resumed = rows(killed);
        assertEquals(CELLS, resumed.size());
        assertEquals(expected, resumed);
    }
}
