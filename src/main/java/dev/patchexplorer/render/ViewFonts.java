package dev.patchexplorer.render;

import java.awt.Font;
import java.awt.GraphicsEnvironment;
import java.util.List;
import java.util.Set;

/**
 * The typeface of the exported band: DejaVu Sans where it can show the text, else the first installed
 * font that can (a CJK face for a Chinese caption), else Java's logical sans-serif, which shows what
 * the system can and boxes for the rest rather than failing.
 */
final class ViewFonts {
    private static final List<String> PREFERRED = List.of("DejaVu Sans", "Noto Sans CJK SC", "Noto Sans SC",
            "Source Han Sans SC", "WenQuanYi Micro Hei", "WenQuanYi Zen Hei", "Microsoft YaHei", "PingFang SC",
            "Arial Unicode MS", "Droid Sans Fallback");
    private static volatile Set<String> installed;

    private ViewFonts() {}

    /** A plain font of {@code size} points that shows every character of {@code text} if any preferred one does. */
    static Font forText(String text, float size) {
        for (String family : PREFERRED) {
            if (!installed().contains(family)) continue;
            Font f = new Font(family, Font.PLAIN, 1);
            if (f.canDisplayUpTo(text) == -1) return f.deriveFont(size);
        }
        return new Font(Font.SANS_SERIF, Font.PLAIN, 1).deriveFont(size);
    }

    private static Set<String> installed() {
        Set<String> s = installed;
        if (s == null) {
            s = new java.util.HashSet<>(java.util.Arrays.asList(
                    GraphicsEnvironment.getLocalGraphicsEnvironment().getAvailableFontFamilyNames(java.util.Locale.ROOT)));
            installed = s;
        }
        return s;
    }
}
