package dev.patchexplorer.ui.help;

import java.util.List;

/**
 * The licence notices of checkpoints the user downloaded, for the About box: the caller knows the
 * catalog and the cache, this package only shows the sentences under their heading.
 */
public record DownloadedNotices(String heading, List<String> notices) {
    public static final DownloadedNotices NONE = new DownloadedNotices("", List.of());

    public DownloadedNotices {
        notices = List.copyOf(notices);
    }
}
