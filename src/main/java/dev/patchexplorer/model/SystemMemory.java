package dev.patchexplorer.model;

import dev.patchexplorer.core.tradeoff.MemoryBudget;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** This process's {@link MemoryBudget}, read from the machine now: what is free changes as programs run. */
final class SystemMemory {
    private static final Path MEMINFO = Path.of("/proc/meminfo");

    private SystemMemory() {}

    /** Caps the memory a pass's tensors may take, e.g. {@code -Dpatchexplorer.memoryLimit=8g} on a machine others share. */
    static final String LIMIT_PROPERTY = "patchexplorer.memoryLimit";

    static MemoryBudget budget() {
        Runtime rt = Runtime.getRuntime();
        MemoryBudget machine = MemoryBudget.ofMachine(availableBytes(), rt.maxMemory(), rt.totalMemory());
        long limit = limit();
        return limit < machine.nativeBytes() ? new MemoryBudget(limit, machine.heapBytes()) : machine;
    }

    /** The limit the user set in bytes ({@code 512m}, {@code 8g} or plain bytes), or no limit; a bad value is ignored. */
    static long limit() {
        String v = System.getProperty(LIMIT_PROPERTY, "").trim().toLowerCase(java.util.Locale.ROOT);
        if (v.isEmpty()) return Long.MAX_VALUE;
        long unit = switch (v.charAt(v.length() - 1)) {
            case 'k' -> 1L << 10;
            case 'm' -> 1L << 20;
            case 'g' -> 1L << 30;
            default -> 1;
        };
        try {
            long n = Long.parseLong(unit == 1 ? v : v.substring(0, v.length() - 1));
            return n > 0 ? Math.multiplyExact(n, unit) : Long.MAX_VALUE;
        } catch (NumberFormatException | ArithmeticException e) {
            return Long.MAX_VALUE;
        }
    }

    /**
     * Physical memory a new allocation can have. On Linux, MemAvailable (free memory plus the page cache
     * the kernel gives back), as the JDK's free-memory figure there is MemFree alone, far too low on a
     * machine that has read many files; elsewhere, and in a container (whose limit the JDK reports and
     * /proc/meminfo does not), the JDK's figure.
     */
    static long availableBytes() {
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long jdkFree = os.getFreeMemorySize();
        long fromProc = memAvailable();
        if (fromProc < 0) return jdkFree;
        long procTotal = memTotal();
        boolean container = procTotal > 0 && os.getTotalMemorySize() < procTotal;
        return container ? Math.min(jdkFree, fromProc) : fromProc;
    }

    private static long memAvailable() {
        return meminfo("MemAvailable:");
    }

    private static long memTotal() {
        return meminfo("MemTotal:");
    }

    /** A "Name:   123 kB" line of /proc/meminfo in bytes, or -1 where there is none. */
    private static long meminfo(String name) {
        try {
            List<String> lines = Files.readAllLines(MEMINFO);
            return meminfoLine(lines, name);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    static long meminfoLine(List<String> lines, String name) {
        for (String line : lines) {
            if (line.startsWith(name)) return Long.parseLong(line.substring(name.length()).replaceAll("\\D", "")) * 1024;
        }
        return -1;
    }
}
