package dev.patchexplorer.ui.session;

import dev.patchexplorer.core.objects.Box;

import java.util.List;
import java.util.Map;

/**
 * What a session file holds: the image and model paths (null when there were none, e.g. a pasted
 * image), the settings by section ({@code "grid"}, {@code "attention"}, ... each key to an Integer,
 * Double, Boolean or String), the view shown and where, and the boxes drawn.
 */
public record Session(String image, String model, Map<String, Map<String, Object>> sections, String viewId,
                      Place place, List<Box> boxes) {
    public Session {
        sections = Map.copyOf(sections);
        boxes = List.copyOf(boxes);
    }

    /**
     * Zoom and pan: fitted to the window, or a scale (screen px per image px) and the image point at the
     * viewer's centre, so a window of another size still shows the same place.
     */
    public record Place(boolean fitted, double scale, double centreX, double centreY) {
        public static final Place FITTED = new Place(true, 1, 0, 0);
    }

    public Map<String, Object> section(String name) {
        return sections.getOrDefault(name, Map.of());
    }
}
