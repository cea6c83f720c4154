package dev.patchexplorer.core.attention;

/** How the heads of one layer are combined into one attention matrix. */
public enum HeadFusion {
    MEAN, MAX, MIN;

    double combine(double acc, double value, int index) {
        return switch (this) {
            case MEAN -> acc + value;
            case MAX -> index == 0 ? value : Math.max(acc, value);
            case MIN -> index == 0 ? value : Math.min(acc, value);
        };
    }

    double finish(double acc, int heads) {
        return this == MEAN ? acc / heads : acc;
    }
}
