package dev.patchexplorer.model.catalog;

import dev.patchexplorer.testing.TestAssets;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ModelCatalogTest {
    private final ModelCatalog catalog = ModelCatalog.bundled();

    @Test
    void listsTheKnownTimmCheckpoints() {
        assertEquals(List.of(
                "vit_tiny_patch16_224.augreg_in21k_ft_in1k",
                "vit_small_patch16_224.augreg_in21k_ft_in1k",
                "vit_base_patch16_224.augreg2_in21k_ft_in1k",
                "vit_small_patch8_224.dino",
                "vit_small_patch16_224.dino",
                "deit_small_patch16_224.fb_in1k",
                "flexivit_small.1200ep_in1k",
                "mobilenetv2_100.ra_in1k",
                "resnet50.a1_in1k"), catalog.entries().stream().map(CatalogEntry::id).toList());
    }

    @Test
    void everyEntryPointsAtItsTimmRepositoryAndIsDescribed() {
        for (CatalogEntry e : catalog.entries()) {
            String base = "https://huggingface.co/timm/" + e.id();
            assertEquals(base, e.page().toString());
            for (RemoteFile f : e.files()) {
                assertEquals(base + "/resolve/main/" + f.name(), f.uri().toString());
            }
            assertTrue(e.id().startsWith(e.architecture() + "."), e.id());
            assertTrue(e.expectedTensors().size() >= 3, e.id());
            assertTrue(e.weightsBytes() > 1_000_000, e.id());
            assertFalse(e.description().isBlank(), e.id());
            assertTrue(e.notice().contains(e.licence().equals("Apache-2.0") ? "Apache License" : e.licence()), e.id());
        }
    }

    @Test
    void onlyDeitIsMarkedAsAnUncertainLicence() {
        assertEquals(List.of("deit_small_patch16_224.fb_in1k"),
                catalog.entries().stream().filter(CatalogEntry::licenceUncertain).map(CatalogEntry::id).toList());
    }

    @Test
    void theViTTinyEntryMatchesTheRealCheckpoint() throws IOException {
        CatalogEntry entry = catalog.find(TestCatalogEntries.VIT_TINY).orElseThrow();

        CheckpointVerifier.verifyFolder(TestAssets.model(TestCatalogEntries.VIT_TINY), entry);
    }

    @Test
    void theMobileNetEntryMatchesTheLayoutOfTheLocalMobileNet() throws IOException {
        // the local copy is a different training run (dequantized torchvision weights) in the same timm layout
        CatalogEntry entry = catalog.find("mobilenetv2_100.ra_in1k").orElseThrow();
        var weights = TestAssets.model("mobilenetv2_100.dequant_in1k").resolve(RemoteFile.WEIGHTS);

        CheckpointVerifier.verifyWeights(weights, entry);
    }

    @Test
    void aDamagedCatalogIsReportedAsSuch() {
        ModelFileException e = assertThrows(ModelFileException.class,
                () -> ModelCatalog.parse(new StringReader("{\"entries\":[{\"id\":\"x\"}]}")));

        assertTrue(e.getMessage().startsWith("The model catalog is damaged"), e.getMessage());
    }

    @Test
    void idsThatCouldEscapeTheCacheFolderAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new CatalogEntry("../evil", "a", "d",
                java.net.URI.create("https://example.org"), List.of(), 1, false, "MIT", false, "n", List.of()));
    }

    @Test
    void aMirrorEndpointMovesEveryHubAddressAndNothingElse() {
        ModelCatalog mirrored = catalog.withHubEndpoint(java.net.URI.create("http://127.0.0.1:8123/mirror"));
        CatalogEntry vit = mirrored.find("vit_tiny_patch16_224.augreg_in21k_ft_in1k").orElseThrow();
        assertEquals("http://127.0.0.1:8123/mirror/timm/vit_tiny_patch16_224.augreg_in21k_ft_in1k/resolve/main/model.safetensors",
                vit.file(RemoteFile.WEIGHTS).orElseThrow().uri().toString());
        assertEquals(catalog.entries().size(), mirrored.entries().size());
        assertEquals(catalog.find(vit.id()).orElseThrow().page(), vit.page()); // the model card stays on the hub
    }
}
