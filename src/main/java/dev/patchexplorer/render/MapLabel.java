package dev.patchexplorer.render;

import dev.patchexplorer.core.attention.HeadFusion;

import java.util.Locale;

/**
 * Which attention map a view shows, in the words of its caption and legend: {@code kind} is the
 * {@code render --map} name (rollout, cls, patch); layer 1-based (for rollout the last layer, the depth it runs
 * through); {@code head >= 0} one head, else
 * {@code fusion}; row and column the queried patch for "patch".
 */
public record MapLabel(String kind, int layer, HeadFusion fusion, int head, int row, int col) {
    public static final String ROLLOUT = "rollout";
    public static final String CLASS_TOKEN = "cls";
    public static final String PATCH = "patch";

    public MapLabel {
        if (!kind.equals(ROLLOUT) && !kind.equals(CLASS_TOKEN) && !kind.equals(PATCH)) {
            throw new IllegalArgumentException("unknown map " + kind);
        }
        if (head < 0 && fusion == null) throw new IllegalArgumentException("one head or a fusion is required");
    }

    /** The legend's short name: "rollout", "class token". */
    public String name(Locale locale) {
        return CaptionWords.get(locale, "map." + kind);
    }

    /** The caption's part: "rollout of layers 1–12, mean of heads", "class token, layer 6, head 3". */
    public String describe(Locale locale) {
        String heads = head >= 0 ? CaptionWords.format(locale, "head.single", head + 1)
                : CaptionWords.get(locale, "head." + fusion.name().toLowerCase(Locale.ROOT));
        return switch (kind) {
            case ROLLOUT -> CaptionWords.format(locale, "describe.rollout", heads, layer);
            case CLASS_TOKEN -> CaptionWords.format(locale, "describe.cls", layer, heads);
            default -> CaptionWords.format(locale, "describe.patch", row, col, layer, heads);
        };
    }
}
