package dev.patchexplorer.cli;

import com.google.gson.JsonObject;
import dev.patchexplorer.core.image.Preprocess;
import dev.patchexplorer.core.image.RgbImage;
import dev.patchexplorer.imagefile.DecodedImage;
import dev.patchexplorer.imagefile.ImageFileException;
import dev.patchexplorer.imagefile.ImageFileReader;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reads pictures through the window's {@link ImageFileReader} and writes PNGs (javax.imageio stays out of core). */
final class ImageFiles {
    private ImageFiles() {}

    /** Refusals (missing, damaged, unsupported, too small or large) become one line and exit 2. */
    static DecodedImage read(Path file) throws UsageException {
        try {
            return ImageFileReader.standard().read(file);
        } catch (ImageFileException e) {
            throw new UsageException(e.getMessage());
        }
    }

    /**
     * The working image of every command that takes --image and --size: the picture's centre square,
     * resized (Pillow-style bicubic) to size x size. One function, so the commands cut the same pixels.
     */
    static RgbImage workingSquare(RgbImage picture, int size) {
        return Preprocess.resizeBicubic(Preprocess.centerCropSquare(picture), size, size);
    }

    /** The "image" object of the JSON: the size used, and the file's own size and subsampling when it was reduced. */
    static Map<String, Object> describe(DecodedImage image) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("format", image.format());
        m.put("width", image.pixels().width());
        m.put("height", image.pixels().height());
        m.put("original_width", image.originalWidth());
        m.put("original_height", image.originalHeight());
        m.put("subsampling", image.subsampling());
        return m;
    }

    /** {@link #describe} as a JSON tree, for commands that build one. */
    static JsonObject describeJson(DecodedImage image) {
        JsonObject o = new JsonObject();
        describe(image).forEach((k, v) -> {
            if (v instanceof Number n) o.addProperty(k, n);
            else o.addProperty(k, String.valueOf(v));
        });
        return o;
    }

    static void writePng(RgbImage image, Path file) throws IOException {
        BufferedImage img = new BufferedImage(image.width(), image.height(), BufferedImage.TYPE_INT_RGB);
        img.setRGB(0, 0, image.width(), image.height(), image.argb(), 0, image.width());
        if (!ImageIO.write(img, "png", file.toFile())) throw new IOException("no PNG writer");
    }
}
