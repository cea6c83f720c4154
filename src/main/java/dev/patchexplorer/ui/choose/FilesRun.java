package dev.patchexplorer.ui.choose;

import dev.patchexplorer.core.sweep.SweepAggregator;
import dev.patchexplorer.core.sweep.SweepRow;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What one sweep over several files has found so far, on the FX thread: the running means per patch
 * size (never the rows or pixels), how far it has got, and the files it could not read.
 */
final class FilesRun {
    private final SweepAggregator totals = new SweepAggregator();
    private final Map<String, Integer> position = new HashMap<>();
    private final int images;
    private final int patches;
    private final List<String> skipped = new ArrayList<>();
    private final Map<String, Integer> perImage = new HashMap<>();
    private int cells;

    FilesRun(List<Path> files, int patches) {
        for (int i = 0; i < files.size(); i++) position.put(files.get(i).toString(), i + 1);
        this.images = files.size();
        this.patches = patches;
    }

    /** Adds a row; returns its patch size's number within its image (1 for the first size run on it). */
    int add(SweepRow row) {
        totals.add(row);
        cells++;
        return perImage.merge(row.image(), 1, Integer::sum);
    }

    void skip(String image, String reason) {
        Path name = Path.of(image).getFileName();
        skipped.add((name == null ? image : name.toString()) + " (" + reason + ")");
        cells += patches; // its cells will never come
    }

    SweepAggregator totals() {
        return totals;
    }

    /** 1-based position of an image in the run. */
    int imageNumber(String image) {
        return position.getOrDefault(image, 0);
    }

    int images() {
        return images;
    }

    int patches() {
        return patches;
    }

    double progress() {
        return images * patches == 0 ? 1 : cells / (double) (images * patches);
    }

    List<String> skipped() {
        return skipped;
    }
}
