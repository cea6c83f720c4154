package dev.patchexplorer.core.sweep;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The pictures of a folder for a sweep: its image files (by extension) in name order, and, when the
 * folder is laid out as ImageNet class folders (every subfolder that holds pictures is named by a
 * WordNet id or a class name), the pictures one level down too. Deeper levels are never searched.
 */
public final class ImageFolder {
    private static final Set<String> EXTENSIONS = Set.of("png", "jpg", "jpeg", "tif", "tiff", "webp", "bmp", "gif");

    /** @param classFolders true when the pictures of class subfolders were taken */
    public record Listing(List<Path> images, boolean classFolders) {}

    private ImageFolder() {}

    public static Listing list(Path folder, ClassNames classes) throws IOException {
        List<Path> direct = new ArrayList<>();
        List<Path> below = new ArrayList<>();
        boolean allNamed = true;
        for (Path f : sorted(folder)) {
            if (Files.isRegularFile(f) && isImageName(f)) {
                direct.add(f);
            } else if (Files.isDirectory(f)) {
                List<Path> inside = new ArrayList<>();
                for (Path g : sorted(f)) if (Files.isRegularFile(g) && isImageName(g)) inside.add(g);
                if (inside.isEmpty()) continue;
                if (classes.ofFolderName(f.getFileName().toString()).isEmpty()) allNamed = false;
                below.addAll(inside);
            }
        }
        boolean classFolders = allNamed && !below.isEmpty();
        List<Path> out = new ArrayList<>(direct);
        if (classFolders) out.addAll(below);
        return new Listing(out, classFolders);
    }

    /** True for a file name with a picture's extension. */
    public static boolean isImageName(Path f) {
        String n = f.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return dot > 0 && EXTENSIONS.contains(n.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    private static List<Path> sorted(Path folder) throws IOException {
        List<Path> out = new ArrayList<>();
        try (DirectoryStream<Path> dir = Files.newDirectoryStream(folder)) {
            for (Path f : dir) out.add(f);
        }
        out.sort(null);
        return out;
    }
}
