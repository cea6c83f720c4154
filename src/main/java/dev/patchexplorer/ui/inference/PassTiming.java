package dev.patchexplorer.ui.inference;

/**
 * Where one attention pass spent its time, as {@link System#nanoTime()} marks: the last input change,
 * the end of the debounce, the start on the inference thread, input ready, forward done (attention
 * copied out), maps made, result posted to the FX thread, and applied there. Cheap to take; read by
 * the latency benchmark and logged at FINE.
 */
public record PassTiming(long changed, long debounced, long started, long prepared, long forwarded,
                         long mapped, long posted, long applied) {
    /** These marks with {@code applied} taken now. */
    public PassTiming appliedNow() {
        return new PassTiming(changed, debounced, started, prepared, forwarded, mapped, posted, System.nanoTime());
    }

    public double debounceMs() { return ms(changed, debounced); }
    public double queueMs() { return ms(debounced, started); }
    public double prepareMs() { return ms(started, prepared); }
    public double forwardMs() { return ms(prepared, forwarded); }
    public double mapMs() { return ms(forwarded, mapped); }
    public double toFxMs() { return ms(posted, applied); }
    public double totalMs() { return ms(changed, applied); }

    private static double ms(long from, long to) {
        return (to - from) / 1e6;
    }
}
