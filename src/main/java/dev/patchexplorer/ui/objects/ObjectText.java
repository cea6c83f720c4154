package dev.patchexplorer.ui.objects;

import dev.patchexplorer.core.objects.Box;
import dev.patchexplorer.core.objects.BoxMeasure;
import dev.patchexplorer.ui.Messages;

/** The words the overlay and the Objects panel use for a box. */
public final class ObjectText {
    private ObjectText() {}

    /** "Cat · 12 patches" (or the name alone without a grid). */
    public static String label(Box b, BoxMeasure m) {
        return m == null ? b.name() : Messages.format("objects.label", b.name(), String.valueOf(m.touched()));
    }

    /** "12 patches touched, 2 wholly inside · 3.1 × 1.9 patches". */
    public static String detail(BoxMeasure m) {
        if (m == null) return Messages.get("objects.noGrid");
        return Messages.format("objects.detail", String.valueOf(m.touched()), String.valueOf(m.inside()),
                oneDecimal(m.widthPatches()), oneDecimal(m.heightPatches()));
    }

    /** Why the warning mark is shown, or null for none. */
    public static String warning(BoxMeasure m) {
        if (m == null) return null;
        return switch (m.warning()) {
            case UNDER_ONE_PATCH -> Messages.format("objects.warn.one", String.valueOf(m.patch()));
            case UNDER_TWO_PATCHES -> Messages.format("objects.warn.two", String.valueOf(m.patch()));
            case NONE -> null;
        };
    }

    private static String oneDecimal(double v) {
        return String.format(java.util.Locale.ROOT, "%.1f", v);
    }
}
