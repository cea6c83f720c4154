package dev.patchexplorer.model;

/**
 * A forward or gradient pass produced NaN or infinity, so there is nothing true to show or print:
 * no probability, no heatmap. The message says what the weights hold, because that is almost
 * always the cause (a damaged or badly exported checkpoint).
 * <p>Unchecked, unlike {@link ModelLoadException}: the CNN passes ({@code CnnModel.forward},
 * {@code erfGradient}, ...) declare no checked exception, and every caller already shows or
 * prints the message of any runtime failure; declaring one would change all their signatures.
 */
public final class NonFiniteOutputException extends IllegalStateException {
    private NonFiniteOutputException(String message) {
        super(message);
    }

    /** Throws unless every value is finite; returns the values for chaining. */
    static float[] requireFinite(float[] values, Weights weights) {
        for (float v : values) {
            if (!Float.isFinite(v)) throw new NonFiniteOutputException(messageFor(weights));
        }
        return values;
    }

    static float requireFinite(float value, Weights weights) {
        if (!Float.isFinite(value)) throw new NonFiniteOutputException(messageFor(weights));
        return value;
    }

    static String messageFor(Weights weights) {
        String nan = weights.firstNaNTensor();
        if (nan != null) {
            return "the model's output is not a number: its weights hold NaN (first in tensor " + nan
                    + "); the checkpoint is damaged, so download or export it again";
        }
        String inf = weights.firstInfiniteTensor();
        if (inf != null) {
            return "the model's output is not a number: its weights hold infinity (first in tensor " + inf
                    + "); the checkpoint is damaged, so download or export it again";
        }
        return "the model's output is not a number: its weights are finite, but the computation overflowed "
                + "for this input; try another image or size";
    }
}
