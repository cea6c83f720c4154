package dev.patchexplorer.imagefile;

import dev.patchexplorer.core.image.RgbImage;

import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;

/**
 * Opens an image file for the window and the command line alike. The header is read first (no pixels
 * decoded), so an empty, damaged, unsupported, tiny or absurdly large file is refused before memory is
 * spent; a file with more pixels than the budget is then decoded with ImageIO source subsampling, so a
 * 30000 x 30000 PNG opens at 10000 x 10000 instead of exhausting the heap. TIFF (tiled, 16-bit,
 * BigTIFF), CMYK JPEG and WebP come from the TwelveMonkeys plugins on the class path. The physical
 * pixel size (TIFF resolution tags, OME-TIFF, PNG pHYs) is read from the same stream's metadata.
 */
public final class ImageFileReader {
    /** Smallest side that still holds a 2-px patch grid worth looking at. */
    public static final int MIN_SIDE = 8;
    static final String FORMAT_LIST = "PNG, JPEG, TIFF, WebP, BMP or GIF";
    /**
     * The formats offered, by the reader's format name. A whitelist, because loosely-detected readers
     * (WBMP) would otherwise claim random bytes as a picture.
     */
    private static final Map<String, String> FORMATS = Map.of("png", "PNG", "jpeg", "JPEG", "jpg", "JPEG",
            "tiff", "TIFF", "tif", "TIFF", "bigtiff", "TIFF", "webp", "WebP", "bmp", "BMP", "gif", "GIF");

    private final PixelBudget budget;

    public ImageFileReader(PixelBudget budget) {
        this.budget = budget;
    }

    /** The reader with the heap-dependent default budget (at most 100 megapixels decoded). */
    public static ImageFileReader standard() {
        return new ImageFileReader(PixelBudget.forThisHeap());
    }

    public PixelBudget budget() {
        return budget;
    }

    public DecodedImage read(Path file) throws ImageFileException {
        String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        if (!Files.isRegularFile(file)) throw ImageFileException.missing(name);
        try {
            if (Files.size(file) == 0) throw ImageFileException.empty(name);
        } catch (IOException e) {
            throw ImageFileException.unreadable(name, e);
        }
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            if (in == null) throw ImageFileException.unreadable(name, new IOException("no input stream"));
            ImageReader reader = readerFor(in, name);
            try {
                return decode(reader, in, name);
            } finally {
                reader.dispose();
            }
        } catch (IOException e) {
            throw ImageFileException.unreadable(name, e);
        }
    }

    private static ImageReader readerFor(ImageInputStream in, String name) throws ImageFileException {
        Iterator<ImageReader> readers;
        try {
            readers = ImageIO.getImageReaders(in);
        } catch (RuntimeException e) {
            throw ImageFileException.corrupt(name, e);
        }
        if (!readers.hasNext()) throw ImageFileException.format(name);
        ImageReader reader = readers.next();
        String format;
        try {
            format = reader.getFormatName().toLowerCase(Locale.ROOT);
        } catch (IOException e) {
            reader.dispose();
            throw ImageFileException.corrupt(name, e);
        }
        if (!FORMATS.containsKey(format)) {
            reader.dispose();
            throw ImageFileException.formatNamed(name, format.toUpperCase(Locale.ROOT));
        }
        return reader;
    }

    private DecodedImage decode(ImageReader reader, ImageInputStream in, String name) throws ImageFileException {
        int w, h;
        String format;
        try {
            // not seek-forward-only: TIFF seeks back to its directories; metadata kept for the pixel size
            reader.setInput(in, false, false);
            format = FORMATS.get(reader.getFormatName().toLowerCase(Locale.ROOT));
            w = reader.getWidth(0);
            h = reader.getHeight(0);
        } catch (IOException | RuntimeException e) {
            throw ImageFileException.corrupt(name, e);
        }
        if (w < MIN_SIDE || h < MIN_SIDE) throw ImageFileException.tooSmall(name, w, h);
        long pixels = (long) w * h;
        if (pixels > budget.maxSourcePixels()) throw ImageFileException.tooLarge(name, w, h, budget.maxSourcePixels() / 1_000_000);
        int s = budget.subsampling(w, h);
        if (PixelBudget.ceilDiv(w, s) < MIN_SIDE || PixelBudget.ceilDiv(h, s) < MIN_SIDE) {
            // a sliver so long that fitting it in the budget leaves too few rows to cut into patches
            throw ImageFileException.tooLarge(name, w, h, budget.maxPixels() / 1_000_000);
        }
        PixelSize pixelSize = pixelSize(reader);
        ImageReadParam param = reader.getDefaultReadParam();
        if (s > 1) param.setSourceSubsampling(s, s, 0, 0);
        BufferedImage img;
        int[] argb;
        try {
            img = reader.read(0, param);
            argb = ArgbPixels.of(img);
        } catch (IOException | RuntimeException e) {
            throw ImageFileException.corrupt(name, e);
        } catch (OutOfMemoryError e) {
            // the allocation that failed is unreachable now; say so instead of dying
            throw ImageFileException.outOfMemory(name, w, h, e);
        }
        return new DecodedImage(new RgbImage(img.getWidth(), img.getHeight(), argb), w, h, s, format, pixelSize);
    }

    /**
     * µm per pixel from the first image's metadata (read from the same stream, before the pixels), or
     * null: metadata a plugin cannot parse leaves the scale unknown rather than refusing the picture.
     */
    private static PixelSize pixelSize(ImageReader reader) {
        try {
            return PixelSizeMetadata.of(reader.getImageMetadata(0)).orElse(null);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
