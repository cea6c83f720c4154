package dev.patchexplorer.imagefile;

import java.util.List;
import java.util.Locale;

/**
 * An image file could not be opened. {@link #reason()} and {@link #args()} let the window say it in the
 * user's language; {@link #getMessage()} is one English line for the command line and the log.
 */
public final class ImageFileException extends Exception {
    /** What went wrong; the window maps each to a bundle key of the same meaning. */
    public enum Reason { MISSING, EMPTY, UNREADABLE, FORMAT, FORMAT_NAMED, CORRUPT, TOO_SMALL, TOO_LARGE, OUT_OF_MEMORY }

    private final Reason reason;
    private final transient List<Object> args;

    ImageFileException(Reason reason, String message, Throwable cause, Object... args) {
        super(message, cause);
        this.reason = reason;
        this.args = List.of(args);
    }

    public Reason reason() {
        return reason;
    }

    /** The values the message is made of: always the file name first, then as {@link ImageFileReader} documents. */
    public List<Object> args() {
        return args;
    }

    static ImageFileException missing(String name) {
        return new ImageFileException(Reason.MISSING, "no image file " + name, null, name);
    }

    static ImageFileException empty(String name) {
        return new ImageFileException(Reason.EMPTY, "cannot open " + name + ": the file is empty (0 bytes)", null, name);
    }

    static ImageFileException unreadable(String name, Exception cause) {
        String detail = String.valueOf(cause.getMessage());
        return new ImageFileException(Reason.UNREADABLE, "cannot read " + name + ": " + detail, cause, name, detail);
    }

    static ImageFileException format(String name) {
        return new ImageFileException(Reason.FORMAT, "cannot open " + name + ": not an image in a supported format ("
                + ImageFileReader.FORMAT_LIST + ")", null, name);
    }

    static ImageFileException formatNamed(String name, String format) {
        return new ImageFileException(Reason.FORMAT_NAMED, "cannot open " + name + ": " + format
                + " images are not supported; use " + ImageFileReader.FORMAT_LIST, null, name, format);
    }

    static ImageFileException corrupt(String name, Throwable cause) {
        return new ImageFileException(Reason.CORRUPT, "cannot open " + name + ": the file is damaged or not really an image",
                cause, name);
    }

    static ImageFileException tooSmall(String name, long w, long h) {
        return new ImageFileException(Reason.TOO_SMALL, "cannot open " + name + ": it is " + w + "x" + h
                + " pixels; at least " + ImageFileReader.MIN_SIDE + "x" + ImageFileReader.MIN_SIDE + " is needed", null,
                name, w, h, ImageFileReader.MIN_SIDE);
    }

    static ImageFileException tooLarge(String name, long w, long h, long maxMegapixels) {
        String mp = megapixels(w, h);
        return new ImageFileException(Reason.TOO_LARGE, "cannot open " + name + ": it is " + w + "x" + h + " pixels ("
                + mp + " megapixels); images up to " + maxMegapixels + " megapixels can be opened", null,
                name, w, h, mp, maxMegapixels);
    }

    static ImageFileException outOfMemory(String name, long w, long h, Throwable cause) {
        return new ImageFileException(Reason.OUT_OF_MEMORY, "cannot open " + name + ": not enough memory to decode its "
                + w + "x" + h + " pixels", cause, name, w, h);
    }

    static String megapixels(long w, long h) {
        return String.format(Locale.ROOT, "%.0f", w * (double) h / 1e6);
    }
}
