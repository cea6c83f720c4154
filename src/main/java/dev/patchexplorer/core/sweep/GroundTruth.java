package dev.patchexplorer.core.sweep;

import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;

/**
 * The true class of the images of a sweep, when the user has it: from ImageNet-style class folders
 * (each image's parent folder named by WordNet id or class name) or from a CSV of {@code file,label}
 * lines (label: class index, WordNet id or class name; file: relative to the CSV's folder, or a bare
 * file name that matches an image of that name anywhere). One code path for the command and the window.
 */
public final class GroundTruth {
    /** Thrown for a labels file that cannot be used; the message is one sentence for the user. */
    public static final class LabelsException extends Exception {
        public LabelsException(String message) {
            super(message);
        }
    }

    private final Map<Path, Integer> byPath;
    private final Map<String, Integer> byFileName;

    private GroundTruth(Map<Path, Integer> byPath, Map<String, Integer> byFileName) {
        this.byPath = byPath;
        this.byFileName = byFileName;
    }

    /** No image has a true class. */
    public static GroundTruth none() {
        return new GroundTruth(Map.of(), Map.of());
    }

    /** The true class of every image whose parent folder names a class; others have none. */
    public static GroundTruth fromClassFolders(List<Path> images, ClassNames classes) {
        Map<Path, Integer> m = new HashMap<>();
        for (Path image : images) {
            Path parent = image.toAbsolutePath().normalize().getParent();
            if (parent == null || parent.getFileName() == null) continue;
            OptionalInt c = classes.ofFolderName(parent.getFileName().toString());
            if (c.isPresent()) m.put(key(image), c.getAsInt());
        }
        return new GroundTruth(m, Map.of());
    }

    /**
     * Reads {@code file,label} lines; a first line {@code file,label} (or image/path, class) is a header.
     *
     * @throws LabelsException for an unreadable file, a line without two fields, an unknown class or a file named twice
     */
    public static GroundTruth fromCsv(Path csv, ClassNames classes) throws LabelsException {
        List<String> lines;
        try {
            lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        } catch (MalformedInputException e) {
            throw new LabelsException("labels file " + csv.getFileName() + " is not UTF-8 text");
        } catch (IOException e) {
            throw new LabelsException("cannot read labels file " + csv);
        }
        Path base = csv.toAbsolutePath().normalize().getParent();
        Map<Path, Integer> byPath = new HashMap<>();
        Map<String, Integer> byName = new HashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) continue;
            String where = csv.getFileName() + " line " + (i + 1);
            List<String> f;
            try {
                f = CsvLine.fields(line);
            } catch (IllegalArgumentException e) {
                throw new LabelsException(where + " " + e.getMessage());
            }
            if (f.size() != 2) throw new LabelsException(where + " has " + f.size() + " fields; expected file,label");
            String file = f.get(0).strip();
            String label = f.get(1).strip();
            if (byPath.isEmpty() && byName.isEmpty() && isHeader(file, label)) continue;
            if (file.isEmpty()) throw new LabelsException(where + " names no file");
            OptionalInt c = classes.ofLabel(label);
            if (c.isEmpty()) {
                throw new LabelsException(where + ": '" + label + "' is not a class of the model (an index 0 to "
                        + (classes.classes() - 1) + ", a WordNet id or a class name)");
            }
            boolean bare = !file.contains("/") && !file.contains("\\");
            Integer was = bare ? byName.put(file, c.getAsInt()) : byPath.put(key(base.resolve(file)), c.getAsInt());
            if (was != null) throw new LabelsException(where + " names " + file + " a second time");
        }
        return new GroundTruth(byPath, byName);
    }

    private static boolean isHeader(String file, String label) {
        return List.of("file", "filename", "image", "path").contains(file.toLowerCase(Locale.ROOT))
                && List.of("label", "class").contains(label.toLowerCase(Locale.ROOT));
    }

    /** These classes, and {@code fallback}'s for the images these do not name. */
    public GroundTruth or(GroundTruth fallback) {
        Map<Path, Integer> p = new HashMap<>(fallback.byPath);
        p.putAll(byPath);
        Map<String, Integer> n = new HashMap<>(fallback.byFileName);
        n.putAll(byFileName);
        return new GroundTruth(p, n);
    }

    /** The image's true class, or {@link SweepRow#UNKNOWN}. */
    public int classOf(Path image) {
        Integer c = byPath.get(key(image));
        if (c == null && image.getFileName() != null) c = byFileName.get(image.getFileName().toString());
        return c == null ? SweepRow.UNKNOWN : c;
    }

    /**
     * The true class of a picture known only by its file name (one not on this machine, such as an
     * {@code hdfs:} URI): what a bare file name in the labels gives it, or {@link SweepRow#UNKNOWN}.
     */
    public int classOfFileName(String fileName) {
        Integer c = byFileName.get(fileName);
        return c == null ? SweepRow.UNKNOWN : c;
    }

    /** The images of {@code images} that have a true class. */
    public int labelled(List<Path> images) {
        int n = 0;
        for (Path p : images) if (classOf(p) != SweepRow.UNKNOWN) n++;
        return n;
    }

    /** True when no image can have a class. */
    public boolean isEmpty() {
        return byPath.isEmpty() && byFileName.isEmpty();
    }

    private static Path key(Path p) {
        return p.toAbsolutePath().normalize();
    }
}
