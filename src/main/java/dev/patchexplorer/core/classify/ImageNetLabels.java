package dev.patchexplorer.core.classify;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The 1000 ImageNet-1k class names in index order (the usual synset-word list). */
public final class ImageNetLabels {
    private static volatile List<String> labels;

    private ImageNetLabels() {}

    public static List<String> all() {
        List<String> l = labels;
        if (l == null) {
            l = load();
            labels = l;
        }
        return l;
    }

    /** The label of class {@code index}, or "class N" when the model has another label set. */
    public static String labelOf(int index, int numClasses) {
        List<String> l = all();
        return numClasses == l.size() && index >= 0 && index < l.size() ? l.get(index) : "class " + index;
    }

    private static List<String> load() {
        try (InputStream in = ImageNetLabels.class.getResourceAsStream("imagenet1k_labels.txt")) {
            if (in == null) throw new IllegalStateException("resource imagenet1k_labels.txt missing");
            List<String> l = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList();
            if (l.size() != 1000) throw new IllegalStateException("expected 1000 ImageNet labels, found " + l.size());
            return l;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
