package dev.patchexplorer.ui.models;

import dev.patchexplorer.model.catalog.CatalogEntry;
import dev.patchexplorer.model.catalog.ModelCache;
import dev.patchexplorer.model.catalog.ModelCatalog;
import dev.patchexplorer.ui.Messages;
import dev.patchexplorer.ui.help.DownloadedNotices;

import java.util.List;

/** The attribution and licence of every catalog checkpoint now in the download cache. */
public final class DownloadedModels {
    private DownloadedModels() {}

    public static DownloadedNotices notices(ModelCache cache) {
        return notices(ModelCatalog.bundled(), cache);
    }

    static DownloadedNotices notices(ModelCatalog catalog, ModelCache cache) {
        List<String> lines = catalog.entries().stream().filter(cache::isCached)
                .map(DownloadedModels::line).toList();
        return new DownloadedNotices(Messages.format("about.downloaded", cache.root()), lines);
    }

    private static String line(CatalogEntry e) {
        return e.id() + " (" + e.licence() + "): " + e.notice();
    }
}
