package dev.patchexplorer.spark;

import dev.patchexplorer.core.image.RgbImage;
import dev.patchexplorer.imagefile.ImageFileException;
import dev.patchexplorer.imagefile.ImageFileReader;
import dev.patchexplorer.model.sweep.SweepJob;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;

/**
 * Reads one picture of a Spark sweep on an executor: a plain path or {@code file:} URI straight from the
 * disk, as {@code sweep} reads it; any other URI ({@code hdfs:}, {@code s3a:}, ...) through Hadoop's file
 * systems, copied to a temporary file first so that the same decoder reads it.
 */
final class ImageFetch {
    private ImageFetch() {}

    /** @throws SweepJob.UnreadableImage for a missing, empty, corrupt or unsupported picture, with the sentence why */
    static RgbImage read(String image) throws SweepJob.UnreadableImage {
        try {
            String scheme = scheme(image);
            if (scheme == null) return decode(java.nio.file.Path.of(image));
            if (scheme.equals("file")) return decode(java.nio.file.Path.of(URI.create(image)));
            return remote(image);
        } catch (IllegalArgumentException e) {
            throw new SweepJob.UnreadableImage("cannot read " + image + ": not a valid path or URI");
        }
    }

    private static RgbImage decode(java.nio.file.Path file) throws SweepJob.UnreadableImage {
        try {
            return ImageFileReader.standard().read(file).pixels();
        } catch (ImageFileException e) {
            throw new SweepJob.UnreadableImage(e.getMessage());
        }
    }

    private static RgbImage remote(String image) throws SweepJob.UnreadableImage {
        java.nio.file.Path copy = null;
        try {
            Path remote = new Path(image);
            String name = remote.getName();
            int dot = name.lastIndexOf('.');
            copy = Files.createTempFile("sweep-", dot > 0 ? name.substring(dot) : "");
            try (FileSystem fs = FileSystem.newInstance(remote.toUri(), new Configuration());
                 InputStream in = fs.open(remote)) {
                Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
            }
            return decode(copy);
        } catch (IOException e) {
            throw new SweepJob.UnreadableImage("cannot read " + image + ": " + e.getMessage());
        } finally {
            if (copy != null) {
                try {
                    Files.deleteIfExists(copy);
                } catch (IOException ignored) {
                    // a temporary file the OS cleans up
                }
            }
        }
    }

    /** The URI scheme, or null for a plain path (a Windows drive letter is not a scheme). */
    static String scheme(String image) {
        int colon = image.indexOf(':');
        if (colon < 2) return null;
        String s = image.substring(0, colon);
        return s.matches("[A-Za-z][A-Za-z0-9+.-]*") ? s.toLowerCase(java.util.Locale.ROOT) : null;
    }
}
