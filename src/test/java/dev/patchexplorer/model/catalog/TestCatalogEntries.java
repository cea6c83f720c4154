package dev.patchexplorer.model.catalog;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Catalog entries for tests, pointing at a local server instead of the hub. */
final class TestCatalogEntries {
    static final String VIT_TINY = "vit_tiny_patch16_224.augreg_in21k_ft_in1k";

    private TestCatalogEntries() {}

    /** The bundled ViT-Ti entry, with its addresses swapped for the local server and the exact local size. */
    static CatalogEntry vitTinyAt(LocalModelServer server, Path localFolder) throws IOException {
        CatalogEntry hub = ModelCatalog.bundled().find(VIT_TINY).orElseThrow();
        return new CatalogEntry(hub.id(), hub.architecture(), hub.description(), URI.create("http://127.0.0.1/"),
                List.of(new RemoteFile(RemoteFile.CONFIG, server.uri(RemoteFile.CONFIG)),
                        new RemoteFile(RemoteFile.WEIGHTS, server.uri(RemoteFile.WEIGHTS))),
                Files.size(localFolder.resolve(RemoteFile.WEIGHTS)), true,
                hub.licence(), hub.licenceUncertain(), hub.notice(), hub.expectedTensors());
    }
}
