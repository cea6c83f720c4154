package dev.patchexplorer.model.sweep;

import dev.patchexplorer.core.sweep.SweepImage;
import dev.patchexplorer.imagefile.ImageFileException;
import dev.patchexplorer.imagefile.ImageFileReader;

import java.nio.file.Path;
import java.util.List;

/**
 * The pictures of a sweep read from their files as the job asks for them, one at a time, through the
 * window's reader: a file is decoded only when its turn comes and only its prepared squares are kept,
 * so a folder of any size costs the pixels of the images under way. A file the reader refuses
 * (missing, damaged, unsupported, too large) is skipped with the reader's sentence.
 */
public final class ImageFileSource implements SweepJob.ImageSource {
    private final PatchSweepRunner runner;

    public ImageFileSource(PatchSweepRunner runner) {
        this.runner = runner;
    }

    @Override
    public SweepImage load(String image, List<Integer> patches) throws SweepJob.UnreadableImage {
        try {
            return SweepImage.of(image, ImageFileReader.standard().read(Path.of(image)).pixels(), runner.settings(), patches);
        } catch (ImageFileException e) {
            throw new SweepJob.UnreadableImage(e.getMessage());
        }
    }
}
