package dev.patchexplorer.model.catalog;

/**
 * How far a download has got, for the file now being fetched. {@code bytesDone} only grows during
 * one file, except when a server ignores a resume request and the file restarts from zero.
 *
 * @param entryId    the catalog id being downloaded
 * @param fileName   the file now being fetched (config.json, model.safetensors)
 * @param fileNumber 1-based position of that file among {@code fileCount}
 * @param bytesTotal the file's full size, or -1 while the server has not said
 */
public record DownloadProgress(String entryId, String fileName, int fileNumber, int fileCount,
                               long bytesDone, long bytesTotal) {
    /** Done as a fraction 0..1 of this file, or -1 when the total is unknown. */
    public double fraction() {
        return bytesTotal > 0 ? Math.min(1.0, (double) bytesDone / bytesTotal) : -1;
    }
}
