package dev.patchexplorer.model.catalog;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import dev.patchexplorer.model.JsonErrors;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Checks that files on disk are the checkpoint a catalog entry describes, before anything uses
 * them: the right architecture in config.json, and a sound safetensors file with the expected
 * tensors and a plausible size.
 */
public final class CheckpointVerifier {
    /** Approximate catalog sizes are computed from parameter counts; allow for buffers and headers. */
    private static final double SIZE_TOLERANCE = 0.10;
    /** A timm config.json is a few hundred bytes; anything huge is not one. */
    private static final long MAX_CONFIG_BYTES = 1024 * 1024;

    private CheckpointVerifier() {}

    public static void verifyFolder(Path folder, CatalogEntry entry) throws IOException {
        verifyConfig(folder.resolve(RemoteFile.CONFIG), entry);
        verifyWeights(folder.resolve(RemoteFile.WEIGHTS), entry);
    }

    public static void verifyConfig(Path file, CatalogEntry entry) throws IOException {
        if (Files.size(file) > MAX_CONFIG_BYTES) {
            throw new ModelFileException(UserMessage.CONFIG_NOT_JSON.format("the file is far too large"));
        }
        byte[] bytes = Files.readAllBytes(file);
        JsonElement parsed;
        try {
            parsed = JsonParser.parseString(new String(bytes, StandardCharsets.UTF_8));
        } catch (JsonParseException e) {
            throw new ModelFileException(UserMessage.CONFIG_NOT_JSON.format(JsonErrors.describe(e)));
        }
        if (!parsed.isJsonObject()) throw new ModelFileException(UserMessage.CONFIG_NOT_JSON.format("it is not a JSON object"));
        JsonObject config = parsed.getAsJsonObject();
        JsonElement architecture = config.get("architecture");
        String found = architecture != null && architecture.isJsonPrimitive() ? architecture.getAsString() : "(none)";
        if (!found.equals(entry.architecture())) {
            throw new ModelFileException(UserMessage.CONFIG_WRONG_ARCHITECTURE.format(found, entry.architecture()));
        }
    }

    public static SafetensorsHeader verifyWeights(Path file, CatalogEntry entry) throws IOException {
        String label = file.getFileName().toString();
        SafetensorsHeader header = SafetensorsHeader.read(file);
        header.requireTensors(label, entry.expectedTensors());
        checkSize(label, Files.size(file), entry);
        return header;
    }

    private static void checkSize(String label, long size, CatalogEntry entry) throws ModelFileException {
        long expected = entry.weightsBytes();
        if (expected <= 0) return;
        if (entry.weightsSizeExact()) {
            if (size != expected) throw new ModelFileException(UserMessage.SIZE_MISMATCH.format(label, size, expected));
        } else if (Math.abs(size - expected) > expected * SIZE_TOLERANCE) {
            throw new ModelFileException(UserMessage.SIZE_IMPLAUSIBLE.format(label, size, expected));
        }
    }
}
