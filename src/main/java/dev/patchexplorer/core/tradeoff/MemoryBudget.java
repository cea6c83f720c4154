package dev.patchexplorer.core.tradeoff;

/**
 * What a pass may use. The tensors live in native (PyTorch) memory, outside the Java heap; only the
 * attention maps a heatmap needs are copied into Java arrays.
 *
 * @param nativeBytes what the tensors of one pass may take: {@link #ofMachine}
 * @param heapBytes   what the Java copies of all layers' attention may take: {@link AttentionMemory#budget},
 *                    half the heap (the readouts warn at the same line)
 */
public record MemoryBudget(long nativeBytes, long heapBytes) {
    public MemoryBudget {
        if (nativeBytes < 0 || heapBytes < 0) throw new IllegalArgumentException("a budget cannot be negative");
    }

    /**
     * The budget on a machine with {@code availableBytes} of physical memory free for new allocations
     * (Linux: MemAvailable) and a heap of at most {@code maxHeap} bytes, {@code committedHeap} of it taken
     * already. Native tensors get what is available, less what the heap may still grow into (it is the
     * same physical memory), less a tenth kept back for everything else (the window, the OS, other
     * programs' growth): running past physical memory would swap or get the process killed, not fail cleanly.
     */
    public static MemoryBudget ofMachine(long availableBytes, long maxHeap, long committedHeap) {
        long heapGrowth = Math.max(0, maxHeap - committedHeap);
        long nativeBytes = Math.max(0, availableBytes - heapGrowth - availableBytes / 10);
        return new MemoryBudget(nativeBytes, AttentionMemory.budget(maxHeap));
    }

    /** True when {@code pass} fits both: its tensors in native memory, its Java copies in the heap's share. */
    public boolean fits(PassMemory pass) {
        return pass.nativeBytes() <= nativeBytes && pass.heapBytes() <= heapBytes;
    }
}
