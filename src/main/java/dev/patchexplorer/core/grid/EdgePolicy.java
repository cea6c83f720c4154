package dev.patchexplorer.core.grid;

/** What happens to the pixels past the last whole patch. */
public enum EdgePolicy {
    /** Only whole patches inside the image; the remainder is dropped. */
    CROP,
    /** The image is padded so the last partial patch becomes whole; no pixel is dropped (except before the offset). */
    PAD
}
