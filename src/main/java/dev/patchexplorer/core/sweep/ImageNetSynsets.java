package dev.patchexplorer.core.sweep;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The 1000 ImageNet-1k WordNet ids (n01440764 ...) in class-index order, the names of the class
 * folders of the ImageNet validation set as torchvision and timm lay it out.
 */
public final class ImageNetSynsets {
    private static volatile List<String> ids;

    private ImageNetSynsets() {}

    public static List<String> all() {
        List<String> l = ids;
        if (l == null) {
            l = load();
            ids = l;
        }
        return l;
    }

    private static List<String> load() {
        try (InputStream in = ImageNetSynsets.class.getResourceAsStream("imagenet1k_synsets.txt")) {
            if (in == null) throw new IllegalStateException("resource imagenet1k_synsets.txt missing");
            List<String> l = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
                    .filter(s -> !s.startsWith("#")).map(String::strip).toList();
            if (l.size() != 1000) throw new IllegalStateException("expected 1000 ImageNet WordNet ids, found " + l.size());
            return l;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
