package dev.patchexplorer.model.catalog;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The checkpoints the app knows how to download, read from the bundled catalog.json. */
public final class ModelCatalog {
    private static final String RESOURCE = "catalog.json";
    /** Where the bundled addresses point; a mirror replaces this prefix. */
    public static final String HUB = "https://huggingface.co/";
    /** System property naming a mirror of the hub (a local server in tests); the HF_ENDPOINT variable works too. */
    public static final String ENDPOINT_PROPERTY = "patchexplorer.hubEndpoint";
    public static final String ENDPOINT_VARIABLE = "HF_ENDPOINT";

    private final List<CatalogEntry> entries;

    public ModelCatalog(List<CatalogEntry> entries) {
        this.entries = List.copyOf(entries);
    }

    /** The catalog that ships with the app; a damaged bundle is a build error, hence unchecked. */
    public static ModelCatalog bundled() {
        try (InputStream in = ModelCatalog.class.getResourceAsStream(RESOURCE)) {
            if (in == null) throw new IllegalStateException("bundled resource missing: " + RESOURCE);
            return parse(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The bundled catalog, its downloads sent to the mirror named by {@value #ENDPOINT_PROPERTY} or
     * {@value #ENDPOINT_VARIABLE} (the Hugging Face client's name for it) when one is set.
     */
    public static ModelCatalog standard() {
        String endpoint = System.getProperty(ENDPOINT_PROPERTY);
        if (endpoint == null || endpoint.isBlank()) endpoint = System.getenv(ENDPOINT_VARIABLE);
        ModelCatalog bundled = bundled();
        return endpoint == null || endpoint.isBlank() ? bundled : bundled.withHubEndpoint(URI.create(endpoint.strip()));
    }

    /** The same entries with every file address under {@value #HUB} moved to {@code endpoint}. */
    public ModelCatalog withHubEndpoint(URI endpoint) {
        String base = endpoint.toString().endsWith("/") ? endpoint.toString() : endpoint + "/";
        List<CatalogEntry> moved = new ArrayList<>();
        for (CatalogEntry e : entries) {
            List<RemoteFile> files = new ArrayList<>();
            for (RemoteFile f : e.files()) {
                String url = f.uri().toString();
                files.add(url.startsWith(HUB) ? new RemoteFile(f.name(), URI.create(base + url.substring(HUB.length()))) : f);
            }
            moved.add(new CatalogEntry(e.id(), e.architecture(), e.description(), e.page(), files, e.weightsBytes(),
                    e.weightsSizeExact(), e.licence(), e.licenceUncertain(), e.notice(), e.expectedTensors()));
        }
        return new ModelCatalog(moved);
    }

    public static ModelCatalog parse(Reader json) throws ModelFileException {
        try {
            JsonObject root = JsonParser.parseReader(json).getAsJsonObject();
            List<CatalogEntry> list = new ArrayList<>();
            for (JsonElement e : root.getAsJsonArray("entries")) {
                list.add(entry(e.getAsJsonObject()));
            }
            return new ModelCatalog(list);
        } catch (JsonParseException | IllegalStateException | IllegalArgumentException
                 | NullPointerException | UnsupportedOperationException e) {
            // gson reports a missing or mistyped field through these runtime exceptions
            throw new ModelFileException(UserMessage.CATALOG_INVALID.format(e.getMessage()));
        }
    }

    public List<CatalogEntry> entries() {
        return entries;
    }

    public Optional<CatalogEntry> find(String id) {
        return entries.stream().filter(e -> e.id().equals(id)).findFirst();
    }

    private static CatalogEntry entry(JsonObject o) {
        List<RemoteFile> files = new ArrayList<>();
        for (JsonElement f : o.getAsJsonArray("files")) {
            JsonObject fo = f.getAsJsonObject();
            files.add(new RemoteFile(fo.get("name").getAsString(), URI.create(fo.get("url").getAsString())));
        }
        List<ExpectedTensor> tensors = new ArrayList<>();
        for (Map.Entry<String, JsonElement> t : o.getAsJsonObject("expectedTensors").entrySet()) {
            tensors.add(new ExpectedTensor(t.getKey(), longs(t.getValue().getAsJsonArray())));
        }
        return new CatalogEntry(
                o.get("id").getAsString(),
                o.get("architecture").getAsString(),
                o.get("description").getAsString(),
                URI.create(o.get("page").getAsString()),
                files,
                o.get("weightsBytes").getAsLong(),
                o.get("weightsSizeExact").getAsBoolean(),
                o.get("licence").getAsString(),
                o.get("licenceUncertain").getAsBoolean(),
                o.get("notice").getAsString(),
                tensors);
    }

    private static List<Long> longs(JsonArray a) {
        List<Long> out = new ArrayList<>();
        for (JsonElement e : a) out.add(e.getAsLong());
        return out;
    }
}
