package dev.patchexplorer.core.tradeoff;

import java.util.Arrays;

/**
 * What a CNN pass holds, as the arrays its layers create: at each resolution (the input halved
 * {@code k} times, each halving rounding up, as every stride-2 layer of MobileNetV2 and ResNet does with
 * its padding) the channels of all arrays of that size added together, plus arrays whose size does not
 * follow the input (pooled features, class scores). The model layer counts them from the network's real
 * channel counts and strides while it builds the network; every array stays alive until the pass ends.
 *
 * @param channelsAtHalving entry k: channels of all arrays at the input size halved k times
 * @param fixedNumbers      numbers in arrays whose size does not depend on the input
 */
public record CnnFootprint(long[] channelsAtHalving, long fixedNumbers) {
    public CnnFootprint {
        channelsAtHalving = channelsAtHalving.clone();
    }

    /** Numbers the pass's arrays hold for an inputH x inputW input, the input itself (3 channels) included. */
    public long numbers(int inputH, int inputW) {
        long sum = Math.addExact(fixedNumbers, 3L * inputH * inputW);
        long h = inputH;
        long w = inputW;
        for (long channels : channelsAtHalving) {
            sum = Math.addExact(sum, Math.multiplyExact(channels, h * w));
            h = (h + 1) / 2;
            w = (w + 1) / 2;
        }
        return sum;
    }

    /** The pass of {@code kind} on an inputH x inputW input; doubled for a gradient pass. Past a long: does not fit. */
    public PassMemory pass(PassKind kind, int inputH, int inputW) {
        try {
            long input = 3L * inputH * inputW * AttentionMemory.FLOAT_BYTES;
            long activations = Math.multiplyExact(numbers(inputH, inputW) - 3L * inputH * inputW, AttentionMemory.FLOAT_BYTES);
            int times = kind == PassKind.GRADIENT ? 2 : 1;
            return new PassMemory(0, Math.multiplyExact(activations, times), Math.multiplyExact(input, times), 0);
        } catch (ArithmeticException overflow) {
            return new PassMemory(0, Long.MAX_VALUE, 0, 0);
        }
    }

    /**
     * The largest working size (long side, below {@code workSide}'s image, aspect kept) whose pass fits
     * {@code budget}; 0 when not even 1 px does. Smaller inputs never need more, so it bisects.
     */
    public int largestFittingSize(PassKind kind, int workW, int workH, MemoryBudget budget) {
        int longSide = Math.max(workW, workH);
        int lo = 0;
        int hi = longSide;
        while (hi - lo > 1) {
            int mid = lo + (hi - lo) / 2;
            int w = Math.max(1, (int) Math.round((double) workW * mid / longSide));
            int h = Math.max(1, (int) Math.round((double) workH * mid / longSide));
            if (budget.fits(pass(kind, h, w))) lo = mid;
            else hi = mid;
        }
        return lo;
    }

    /** Adds arrays as it reads a network, in any order. */
    public static final class Builder {
        private long[] channels = new long[0];
        private long fixed;

        /** {@code channels} more channels of arrays at the input size halved {@code halvings} times. */
        public Builder hold(int halvings, long channels) {
            if (halvings >= this.channels.length) this.channels = Arrays.copyOf(this.channels, halvings + 1);
            this.channels[halvings] += channels;
            return this;
        }

        /** {@code numbers} more numbers in arrays whose size does not follow the input. */
        public Builder fixed(long numbers) {
            fixed += numbers;
            return this;
        }

        public CnnFootprint build() {
            return new CnnFootprint(channels, fixed);
        }
    }

    @Override
    public long[] channelsAtHalving() {
        return channelsAtHalving.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CnnFootprint f && f.fixedNumbers == fixedNumbers && Arrays.equals(f.channelsAtHalving, channelsAtHalving);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(channelsAtHalving) + Long.hashCode(fixedNumbers);
    }

    @Override
    public String toString() {
        return "CnnFootprint" + Arrays.toString(channelsAtHalving) + " + " + fixedNumbers;
    }
}
