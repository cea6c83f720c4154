package dev.patchexplorer.ui.session;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;

import java.util.function.BiPredicate;
import java.util.function.Function;

/**
 * One setting of an owner (the grid's view model, the attention job, ...): its key, how to read it as a
 * plain value (Integer, Double, Boolean or String; null for "nothing to save") and how to apply it from
 * text. The settings file and the session file both go through these, so they agree on what a setting
 * is; a value that does not parse or is out of range is refused and the setting keeps its value.
 *
 * @param remembered whether the settings file also keeps it between runs (the session file keeps all)
 */
public record Setting<T>(String key, boolean remembered, Function<T, Object> read, BiPredicate<T, String> write) {

    /** The same setting, also kept in the settings file between runs. */
    public Setting<T> alsoInSettingsFile() {
        return new Setting<>(key, true, read, write);
    }

    /** Applies {@code text}; false when it was refused (unparsable, out of range, unknown name). */
    public boolean apply(T owner, String text) {
        if (text == null) return false;
        try {
            return write.test(owner, text.trim());
        } catch (IllegalArgumentException e) { // NumberFormatException too
            return false;
        }
    }

    public static <T> Setting<T> ofInt(String key, Function<T, IntegerProperty> p, int min, int max) {
        return new Setting<>(key, false, o -> p.apply(o).get(), (o, s) -> {
            int v = Integer.parseInt(s);
            if (v < min || v > max) return false;
            p.apply(o).set(v);
            return true;
        });
    }

    public static <T> Setting<T> ofDouble(String key, Function<T, DoubleProperty> p, double min, double max) {
        return new Setting<>(key, false, o -> p.apply(o).get(), (o, s) -> {
            double v = Double.parseDouble(s);
            if (!(v >= min && v <= max)) return false; // NaN refused
            p.apply(o).set(v);
            return true;
        });
    }

    public static <T> Setting<T> ofBoolean(String key, Function<T, BooleanProperty> p) {
        return new Setting<>(key, false, o -> p.apply(o).get(), (o, s) -> {
            if (!s.equalsIgnoreCase("true") && !s.equalsIgnoreCase("false")) return false;
            p.apply(o).set(Boolean.parseBoolean(s));
            return true;
        });
    }

    public static <T, E extends Enum<E>> Setting<T> ofEnum(String key, Class<E> type, Function<T, ObjectProperty<E>> p) {
        return new Setting<>(key, false, o -> p.apply(o).get() == null ? null : p.apply(o).get().name(), (o, s) -> {
            p.apply(o).set(Enum.valueOf(type, s));
            return true;
        });
    }
}
