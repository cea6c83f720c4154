package dev.patchexplorer.model.catalog;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Catalog entries for tests, pointing at a local server instead of the hub. The served folder is
 * usually the tests' own tiny ViT ({@code testing.TinyCheckpoints}), so the entry keeps the bundled
 * ViT-Ti's id, licence and notice and the names of the tensors it checks, with the shapes and the
 * exact size of the file actually served.
 */
public final class TestCatalogEntries {
    public static final String VIT_TINY = "vit_tiny_patch16_224.augreg_in21k_ft_in1k";

    private TestCatalogEntries() {}

    /** The bundled ViT-Ti entry, with its addresses swapped for the local server and described by the local files. */
    static CatalogEntry vitTinyAt(LocalModelServer server, Path localFolder) throws IOException {
        CatalogEntry hub = ModelCatalog.bundled().find(VIT_TINY).orElseThrow();
        return describedBy(hub, List.of(new RemoteFile(RemoteFile.CONFIG, server.uri(RemoteFile.CONFIG)),
                new RemoteFile(RemoteFile.WEIGHTS, server.uri(RemoteFile.WEIGHTS))), localFolder);
    }

    /**
     * The bundled catalog with every download sent to {@code server}, its ViT-Ti entry describing
     * the checkpoint in {@code localFolder} (the one the server serves) instead of the hub's.
     */
    public static ModelCatalog bundledServedBy(LocalModelServer server, Path localFolder) throws IOException {
        List<CatalogEntry> entries = new ArrayList<>();
        for (CatalogEntry e : ModelCatalog.bundled().withHubEndpoint(server.endpoint()).entries()) {
            entries.add(e.id().equals(VIT_TINY) ? describedBy(e, e.files(), localFolder) : e);
        }
        return new ModelCatalog(entries);
    }

    /** {@code entry} with the same tensor names checked, but at the shapes and exact size of the local weights. */
    private static CatalogEntry describedBy(CatalogEntry entry, List<RemoteFile> files, Path localFolder) throws IOException {
        Path weights = localFolder.resolve(RemoteFile.WEIGHTS);
        SafetensorsHeader header = SafetensorsHeader.read(weights);
        List<ExpectedTensor> expected = new ArrayList<>();
        for (ExpectedTensor t : entry.expectedTensors()) {
            TensorInfo local = header.tensors().get(t.name());
            if (local == null) throw new IllegalArgumentException(localFolder + " has no tensor " + t.name());
            expected.add(new ExpectedTensor(t.name(), local.shape()));
        }
        return new CatalogEntry(entry.id(), entry.architecture(), entry.description(), entry.page(), files,
                Files.size(weights), true, entry.licence(), entry.licenceUncertain(), entry.notice(), expected);
    }
}
