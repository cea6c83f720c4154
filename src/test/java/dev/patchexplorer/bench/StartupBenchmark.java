package dev.patchexplorer.bench;

import dev.patchexplorer.app.StartupClock;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Launch to first frame of the real window: starts the packaged jar N times as a fresh process, each
 * with new empty settings, log, cache and models folders (a first run with no model), and reads the
 * app's own "first frame after X ms" line (milliseconds since its JVM started, taken when the scene's
 * first pulse has laid the window out), with the CPU time the process had used by then (steadier
 * than wall time on a shared machine). Also times process start to that line from outside. Not a
 * test: needs a display (Xvfb is fine) and the jar.
 * <p>
 * Run (it needs no library, so no Maven plugin either): {@code ./mvnw -B -o -q package -DskipTests &&
 * ./mvnw -B -o -q test-compile && DISPLAY=:95 java -cp target/test-classes:target/classes
 * dev.patchexplorer.bench.StartupBenchmark} with {@code -Dbench.runs=N} (default 7), {@code -Dbench.jar=path} (default target/patch-explorer.jar),
 * {@code -Dbench.jvmArgs="-XX:..."} for the launched JVM, {@code -Dbench.models=folder} to start with models.
 */
public final class StartupBenchmark {
    private static final long TIMEOUT_S = 90;

    public static void main(String[] args) throws Exception {
        if (System.getenv("DISPLAY") == null || System.getenv("DISPLAY").isBlank()) {
            System.err.println("StartupBenchmark: set DISPLAY (e.g. Xvfb :95 & DISPLAY=:95)");
            System.exit(2);
        }
        Path jar = Path.of(System.getProperty("bench.jar", "target/patch-explorer.jar"));
        if (!Files.isRegularFile(jar)) {
            System.err.println("StartupBenchmark: no jar at " + jar + "; build it with ./mvnw -B -o -q package -DskipTests");
            System.exit(2);
        }
        int runs = Integer.getInteger("bench.runs", 7);
        List<String> extra = Arrays.stream(System.getProperty("bench.jvmArgs", "").split("\\s+")).filter(s -> !s.isBlank()).toList();
        long[] app = new long[runs];
        long[] outside = new long[runs];
        long[] cpu = new long[runs];
        for (int i = 0; i < runs; i++) {
            long[] r = once(jar, extra);
            app[i] = r[0];
            outside[i] = r[1];
            cpu[i] = r[2];
            System.out.printf(Locale.ROOT, "run %d: first frame %d ms after JVM start, %d ms after process start, process CPU %d ms%n",
                    i + 1, r[0], r[1], r[2]);
        }
        System.out.println(line("first frame, from JVM start", app));
        System.out.println(line("first frame, from process start", outside));
        System.out.println(line("process CPU time by the first frame", cpu));
        System.out.printf(Locale.ROOT, "load average (1 min) at the end: %.2f on %d cores%n",
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), Runtime.getRuntime().availableProcessors());
    }

    /** One launch: {app's own figure, process start to the line, the app's CPU time by then}, in ms. */
    private static long[] once(Path jar, List<String> extra) throws IOException, InterruptedException {
        Path home = Files.createTempDirectory("startup-bench");
        try {
            List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-D" + StartupClock.REPORT_PROPERTY + "=true",
                    "-Dpatchexplorer.settings=" + Files.createDirectory(home.resolve("settings")),
                    "-Dpatchexplorer.logs=" + home.resolve("logs"),
                    "-Dpatchexplorer.cache=" + Files.createDirectory(home.resolve("cache")),
                    "-Dpatchexplorer.models=" + System.getProperty("bench.models",
                            Files.createDirectory(home.resolve("models")).toString())));
            cmd.addAll(extra);
            cmd.addAll(List.of("-jar", jar.toString()));
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectInput(ProcessBuilder.Redirect.PIPE);
            pb.environment().remove("PATCHEXPLORER_MODELS");
            long start = System.nanoTime();
            Process p = pb.start();
            CompletableFuture<long[]> seen = CompletableFuture.supplyAsync(() -> read(p, start));
            try {
                return seen.get(TIMEOUT_S, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException("no first-frame line within " + TIMEOUT_S + " s", e);
            } finally {
                p.destroy();
                if (!p.waitFor(10, TimeUnit.SECONDS)) p.destroyForcibly().waitFor();
            }
        } finally {
            try (Stream<Path> all = Files.walk(home)) {
                all.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }

    private static long[] read(Process p, long start) {
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String l; (l = out.readLine()) != null; ) {
                int at = l.indexOf(StartupClock.FIRST_FRAME);
                if (at < 0) continue;
                long outside = (System.nanoTime() - start) / 1_000_000;
                // "first frame after 2981 ms (process CPU 4100 ms)"
                String rest = l.substring(at + StartupClock.FIRST_FRAME.length());
                int cpuAt = rest.indexOf(StartupClock.CPU);
                long ms = Long.parseLong(rest.substring(0, rest.indexOf(" ms")).strip());
                long cpu = cpuAt < 0 ? -1 : Long.parseLong(rest.substring(cpuAt + StartupClock.CPU.length()).replace(" ms)", "").strip());
                return new long[]{ms, outside, cpu};
            }
            throw new IllegalStateException("the app ended without a first-frame line");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String line(String name, long[] ms) {
        long[] s = ms.clone();
        Arrays.sort(s);
        double median = s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2.0;
        return String.format(Locale.ROOT, "%-34s n=%d  median %6.0f ms  min %5d ms  max %5d ms  spread (max-min) %5d ms",
                name, s.length, median, s[0], s[s.length - 1], s[s.length - 1] - s[0]);
    }
}
