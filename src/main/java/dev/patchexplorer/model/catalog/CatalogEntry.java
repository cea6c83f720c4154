package dev.patchexplorer.model.catalog;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One known checkpoint.
 *
 * @param id              timm name with tag, e.g. {@code vit_tiny_patch16_224.augreg_in21k_ft_in1k};
 *                        also the name of its folder in the cache
 * @param architecture    timm architecture name, as config.json states it
 * @param description     one line for the user
 * @param page            the model card
 * @param files           config.json and model.safetensors with their download addresses
 * @param weightsBytes    size of model.safetensors; exact only when {@code weightsSizeExact}
 * @param licence         SPDX identifier
 * @param licenceUncertain true where the licence could not be confirmed from the model card
 * @param notice          the attribution and licence text to show
 * @param expectedTensors a few key tensors with their shapes, checked after download
 */
public record CatalogEntry(
        String id,
        String architecture,
        String description,
        URI page,
        List<RemoteFile> files,
        long weightsBytes,
        boolean weightsSizeExact,
        String licence,
        boolean licenceUncertain,
        String notice,
        List<ExpectedTensor> expectedTensors) {

    /** Ids become folder names, so they must never contain a path separator or "..". */
    private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9._-]*");

    public CatalogEntry {
        if (id == null || !SAFE_ID.matcher(id).matches() || id.contains("..")) {
            throw new IllegalArgumentException("not a safe checkpoint id: " + id);
        }
        files = List.copyOf(files);
        expectedTensors = List.copyOf(expectedTensors);
        // fields are not assigned yet inside a compact constructor, so look at the parameter
        if (!hasFile(files, RemoteFile.CONFIG) || !hasFile(files, RemoteFile.WEIGHTS)) {
            throw new IllegalArgumentException(id + " must list both " + RemoteFile.CONFIG
                    + " and " + RemoteFile.WEIGHTS);
        }
    }

    private static boolean hasFile(List<RemoteFile> files, String name) {
        return files.stream().anyMatch(f -> f.name().equals(name));
    }

    public Optional<RemoteFile> file(String name) {
        return files.stream().filter(f -> f.name().equals(name)).findFirst();
    }
}
