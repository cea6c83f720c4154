package dev.patchexplorer.ui.panels;

import javafx.util.StringConverter;

import java.util.Locale;

/** Tick labels for an axis that plots log10 of the value: 3 -> "1k", -1 -> "0.1". */
final class LogTicks extends StringConverter<Number> {
    @Override
    public String toString(Number exponent) {
        double v = Math.pow(10, exponent.doubleValue());
        if (Math.abs(exponent.doubleValue() - Math.rint(exponent.doubleValue())) > 1e-9) return "";
        if (v >= 1e9) return String.format(Locale.ROOT, "%.0fG", v / 1e9);
        if (v >= 1e6) return String.format(Locale.ROOT, "%.0fM", v / 1e6);
        if (v >= 1e3) return String.format(Locale.ROOT, "%.0fk", v / 1e3);
        if (v >= 1) return String.format(Locale.ROOT, "%.0f", v);
        return String.format(Locale.ROOT, "%s", (float) v);
    }

    @Override
    public Number fromString(String s) {
        return null;
    }
}
