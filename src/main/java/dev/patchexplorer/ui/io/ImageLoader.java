package dev.patchexplorer.ui.io;

import dev.patchexplorer.core.image.RgbImage;
import dev.patchexplorer.imagefile.DecodedImage;
import dev.patchexplorer.imagefile.ImageFileException;
import dev.patchexplorer.imagefile.ImageFileReader;
import dev.patchexplorer.imagefile.PixelBudget;
import dev.patchexplorer.ui.Messages;
import javafx.scene.image.Image;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;

import java.nio.file.Path;
import java.util.Locale;

/**
 * Opens image files off the UI thread through the same {@link ImageFileReader} as the command line
 * (header checks, pixel budget, subsampling of larger images), then hands the pixels to JavaFX.
 * Refusals are worded from the resource bundle in the user's language.
 */
public final class ImageLoader {
    /** Smallest side that still holds a 2-px patch grid worth looking at. */
    public static final int MIN_SIDE = ImageFileReader.MIN_SIDE;
    /** Pasted images (already decoded, so not subsampled) are refused past this. */
    public static final long MAX_PIXELS = PixelBudget.DISPLAY_PIXELS;

    private ImageLoader() {}

    /** Call off the FX thread: decoding a large file takes seconds. */
    public static LoadedImage load(Path file) throws ImageLoadException {
        DecodedImage decoded;
        try {
            decoded = ImageFileReader.standard().read(file);
        } catch (ImageFileException e) {
            throw new ImageLoadException(inWords(e), e);
        }
        String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        return new LoadedImage(toFx(decoded.pixels()), decoded.pixels(), name, file.toAbsolutePath().normalize(),
                decoded.originalWidth(), decoded.originalHeight(), decoded.subsampling(), decoded.pixelSize());
    }

    /** A WritableImage may be filled on any thread; it is only shown once handed to the FX thread. */
    static Image toFx(RgbImage pixels) {
        WritableImage fx = new WritableImage(pixels.width(), pixels.height());
        fx.getPixelWriter().setPixels(0, 0, pixels.width(), pixels.height(), PixelFormat.getIntArgbInstance(),
                pixels.argb(), 0, pixels.width());
        return fx;
    }

    /** The refusal in the user's language: each reason has a bundle key, its values in the same order. */
    static String inWords(ImageFileException e) {
        Object[] args = e.args().toArray();
        String key = switch (e.reason()) {
            case MISSING -> "image.error.missing";
            case EMPTY -> "image.error.empty";
            case UNREADABLE -> "image.error.unreadable";
            case FORMAT -> "image.error.format";
            case FORMAT_NAMED -> "image.error.formatNamed";
            case CORRUPT -> "image.error.corrupt";
            case TOO_SMALL -> "image.error.tooSmall";
            case TOO_LARGE -> "image.error.tooLarge";
            case OUT_OF_MEMORY -> "image.error.memory";
        };
        return Messages.format(key, args);
    }

    /** Checks a decoded image (also used for pasted images, which have no header to read). */
    public static Image checkDecoded(Image image, String name) throws ImageLoadException {
        if (image == null || image.isError()) {
            Throwable cause = image == null ? null : image.getException();
            throw new ImageLoadException(Messages.format("image.error.corrupt", name), cause);
        }
        long w = (long) image.getWidth(), h = (long) image.getHeight();
        if (w < MIN_SIDE || h < MIN_SIDE) {
            throw new ImageLoadException(Messages.format("image.error.tooSmall", name, w, h, MIN_SIDE));
        }
        if (w * h > MAX_PIXELS) {
            throw new ImageLoadException(Messages.format("image.error.tooLarge", name, w, h,
                    String.format(Locale.ROOT, "%.0f", w * h / 1e6), MAX_PIXELS / 1_000_000));
        }
        return image;
    }
}
