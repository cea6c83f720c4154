package dev.patchexplorer.cli;

import dev.patchexplorer.core.vit.PatchMode;
import dev.patchexplorer.model.catalog.ModelLocations;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.OptionalInt;

/**
 * The options several commands share, with the one parser of each: --model/--models, --image,
 * --mode, --size, --patch and --out mean the same thing, take the same limits and fail with the
 * same words in every command.
 */
final class CommonOptions {
    /** The window's working-size range (Controls > size), so the CLI and the window agree. */
    static final int MIN_SIZE = 16;
    static final int MAX_SIZE = 4096;

    static final OptionSpec MODEL = new OptionSpec(ModelArgument.MODEL, "DIR|NAME",
            "model folder, or its name (with or without the .tag) in --models, "
                    + ModelLocations.ENVIRONMENT_VARIABLE + " or the download cache");
    static final OptionSpec MODELS = new OptionSpec(ModelArgument.MODELS, "DIR[" + File.pathSeparator + "DIR...]",
            "folders to look in for --model NAME, before " + ModelLocations.ENVIRONMENT_VARIABLE + " and the cache");
    static final OptionSpec IMAGE = new OptionSpec("image", "FILE",
            "picture (PNG, JPEG, TIFF, WebP, BMP, GIF; over 100 megapixels read subsampled); its centre square is resized to --size (required)");
    static final OptionSpec MODE = new OptionSpec("mode", "resize|flexi",
            "ViT at a patch size not its own: resize the input (default) or the patch embedding (FlexiViT)");
    static final OptionSpec SIZE = new OptionSpec("size", "S",
            "side of the square working image, " + MIN_SIZE + " to " + MAX_SIZE + " pixels (default: the model's input size)");
    static final OptionSpec PATCH = new OptionSpec("patch", "P",
            "ViT patch side in pixels of the working image, 1 to S (default: the model's own)");

    private CommonOptions() {}

    static PatchMode mode(Options o) throws UsageException {
        String v = o.get(MODE.name(), "resize");
        return switch (v.strip().toLowerCase(Locale.ROOT)) {
            case "resize" -> PatchMode.RESIZE;
            case "flexi" -> PatchMode.FLEXI;
            default -> throw new UsageException("--mode must be resize or flexi, got '" + v + "'");
        };
    }

    /** The --size given, checked; empty when absent (the model's default applies, so check it with {@link #size(String, int)}). */
    static OptionalInt size(Options o) throws UsageException {
        return o.has(SIZE.name()) ? OptionalInt.of(size(SIZE.name(), o.integer(SIZE.name(), 0))) : OptionalInt.empty();
    }

    /** One side of an image: within the window's working-size range. */
    static int size(String option, int value) throws UsageException {
        if (value < MIN_SIZE || value > MAX_SIZE) {
            throw new UsageException("--" + option + " must be between " + MIN_SIZE + " and " + MAX_SIZE + ", got " + value);
        }
        return value;
    }

    /** --patch for a width x height image, or {@code fallback} when absent. */
    static int patch(Options o, int width, int height, int fallback) throws UsageException {
        return checkPatch(o.integer(PATCH.name(), fallback), width, height);
    }

    static int checkPatch(int patch, int width, int height) throws UsageException {
        if (patch < 1) throw new UsageException("--patch must be at least 1, got " + patch);
        if (patch > width || patch > height) {
            throw new UsageException("--patch " + patch + " is larger than the " + width + "x" + height + " image");
        }
        return patch;
    }

    /** --patch and --mode only mean something to a ViT; say so rather than ignore them. */
    static void refuseVitOptions(Options o) throws UsageException {
        if (o.has(PATCH.name()) || o.has(MODE.name())) throw new UsageException("--patch and --mode apply to ViT models only");
    }

    static Path image(Options o) throws UsageException {
        return Path.of(o.require(IMAGE.name()));
    }

    /**
     * --out, checked before any slow work: a folder, or a path whose nearest existing parent is a
     * folder we may write in. Nothing is created yet, so bad input leaves nothing behind.
     */
    static Path outFolder(String value) throws UsageException {
        Path dir = Path.of(value).toAbsolutePath().normalize();
        if (Files.exists(dir) && !Files.isDirectory(dir)) throw new UsageException("--out " + value + " is a file, not a folder");
        Path existing = dir;
        while (existing != null && !Files.exists(existing)) existing = existing.getParent();
        if (existing == null || !Files.isDirectory(existing) || !Files.isWritable(existing)) {
            throw new UsageException("cannot write to --out " + value + " (" + (existing == null ? dir : existing) + " is not a writable folder)");
        }
        return Path.of(value);
    }
}
