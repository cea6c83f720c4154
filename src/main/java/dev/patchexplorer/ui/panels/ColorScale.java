package dev.patchexplorer.ui.panels;

import dev.patchexplorer.core.color.ColorMap;
import javafx.scene.layout.Background;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.paint.Color;
import javafx.scene.paint.CycleMethod;
import javafx.scene.paint.LinearGradient;
import javafx.scene.paint.Stop;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A colour map as a left-to-right legend bar, and the number format the legends share. */
public final class ColorScale {
    private static final int STOPS = 16;

    private ColorScale() {}

    public static Background bar(ColorMap colors) {
        List<Stop> stops = new ArrayList<>();
        for (int i = 0; i <= STOPS; i++) {
            int argb = colors.argb(i / (double) STOPS);
            stops.add(new Stop(i / (double) STOPS, Color.rgb((argb >> 16) & 0xff, (argb >> 8) & 0xff, argb & 0xff)));
        }
        return new Background(new BackgroundFill(new LinearGradient(0, 0, 1, 0, true, CycleMethod.NO_CYCLE, stops), null, null));
    }

    public static String value(double v) {
        return String.format(Locale.ROOT, "%.3g", v);
    }
}
