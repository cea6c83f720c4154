package dev.patchexplorer.ui.io;

import dev.patchexplorer.ui.Messages;
import javafx.scene.image.Image;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;
import java.util.Set;

/**
 * Opens image files off the UI thread. The header is read first (ImageIO, no pixels decoded) so that an
 * empty, corrupt, unsupported, tiny or gigantic file is refused with a clear message before any
 * memory is spent; JavaFX then decodes it, which handles 16-bit, grey, palette and alpha PNGs.
 */
public final class ImageLoader {
    /** Smallest side that still holds a 2-px patch grid worth looking at. */
    public static final int MIN_SIDE = 8;
    /** 100 megapixels = 400 MB decoded; beyond this a desktop viewer stops being pleasant. */
    public static final long MAX_PIXELS = 100_000_000L;
    private static final Set<String> FORMATS = Set.of("png", "jpeg", "bmp", "gif");

    private ImageLoader() {}

    public static LoadedImage load(Path file) throws ImageLoadException {
        String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        if (!Files.isRegularFile(file)) throw new ImageLoadException(Messages.format("image.error.missing", name));
        try {
            if (Files.size(file) == 0) throw new ImageLoadException(Messages.format("image.error.empty", name));
        } catch (IOException e) {
            throw new ImageLoadException(Messages.format("image.error.unreadable", name, e.getMessage()), e);
        }
        checkHeader(file, name);
        Image image;
        try (InputStream in = Files.newInputStream(file)) {
            image = new Image(in);
        } catch (IOException e) {
            throw new ImageLoadException(Messages.format("image.error.unreadable", name, e.getMessage()), e);
        }
        return new LoadedImage(checkDecoded(image, name), name, file.toAbsolutePath().normalize());
    }

    /** Checks a decoded image (also used for pasted images, which have no header to read). */
    public static Image checkDecoded(Image image, String name) throws ImageLoadException {
        if (image == null || image.isError()) {
            Throwable cause = image == null ? null : image.getException();
            throw new ImageLoadException(Messages.format("image.error.corrupt", name), cause);
        }
        checkSize(name, (long) image.getWidth(), (long) image.getHeight());
        return image;
    }

    private static void checkHeader(Path file, String name) throws ImageLoadException {
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
            if (readers == null || !readers.hasNext()) {
                throw new ImageLoadException(Messages.format("image.error.format", name));
            }
            ImageReader reader = readers.next();
            try {
                String format = reader.getFormatName().toLowerCase(Locale.ROOT);
                if (format.equals("jpg")) format = "jpeg";
                if (format.equals("tif")) format = "tiff";
                if (!FORMATS.contains(format)) {
                    throw new ImageLoadException(Messages.format("image.error.formatNamed", name, format.toUpperCase(Locale.ROOT)));
                }
                if (format.equals("gif")) checkGifScreen(in, name);
                reader.setInput(in, true, true);
                checkSize(name, reader.getWidth(0), reader.getHeight(0));
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            throw new ImageLoadException(Messages.format("image.error.corrupt", name), e);
        }
    }

    /**
     * JavaFX sizes a GIF by its logical screen (bytes 6-9), which a damaged or hostile file can set far
     * larger than the frame ImageIO reports: 20000 x 20000 would exhaust the heap while decoding.
     */
    private static void checkGifScreen(ImageInputStream in, String name) throws IOException, ImageLoadException {
        in.mark();
        in.seek(6);
        int w = in.read() | in.read() << 8;
        int h = in.read() | in.read() << 8;
        in.reset();
        if (w < 0 || h < 0) throw new ImageLoadException(Messages.format("image.error.corrupt", name));
        checkSize(name, w, h);
    }

    private static void checkSize(String name, long w, long h) throws ImageLoadException {
        if (w < MIN_SIDE || h < MIN_SIDE) {
            throw new ImageLoadException(Messages.format("image.error.tooSmall", name, w, h, MIN_SIDE));
        }
        if (w * h > MAX_PIXELS || w * h * 4 > Runtime.getRuntime().maxMemory() / 2) {
            throw new ImageLoadException(Messages.format("image.error.tooLarge", name, w, h,
                    String.format(Locale.ROOT, "%.0f", w * h / 1e6), MAX_PIXELS / 1_000_000));
        }
    }
}
