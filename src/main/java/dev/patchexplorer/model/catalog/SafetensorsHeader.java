package dev.patchexplorer.model.catalog;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import dev.patchexplorer.model.JsonErrors;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The header of a safetensors file (8-byte little-endian length, then JSON), read and checked
 * against the file it came from: every tensor's bytes lie inside the file, match its dtype and
 * shape, and together cover the data exactly once. Reading it touches only the header, so it is
 * cheap enough to run on every file before use.
 */
public record SafetensorsHeader(long headerLength, Map<String, String> metadata, Map<String, TensorInfo> tensors) {
    /** The safetensors format caps the header at 100 MB; a larger claim means this is not such a file. */
    public static final long MAX_HEADER_BYTES = 100L * 1024 * 1024;
    private static final int SNIFF_BYTES = 64;

    private static final Map<String, Integer> DTYPE_BYTES = Map.ofEntries(
            Map.entry("BOOL", 1), Map.entry("U8", 1), Map.entry("I8", 1),
            Map.entry("F8_E4M3", 1), Map.entry("F8_E5M2", 1),
            Map.entry("U16", 2), Map.entry("I16", 2), Map.entry("F16", 2), Map.entry("BF16", 2),
            Map.entry("U32", 4), Map.entry("I32", 4), Map.entry("F32", 4),
            Map.entry("U64", 8), Map.entry("I64", 8), Map.entry("F64", 8));

    public SafetensorsHeader {
        metadata = Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
        tensors = Collections.unmodifiableMap(new LinkedHashMap<>(tensors));
    }

    /** Where tensor data starts in the file. */
    public long dataStart() {
        return 8 + headerLength;
    }

    /** The size the whole file must have, as the header describes it. */
    public long expectedFileSize() {
        return dataStart() + tensors.values().stream().mapToLong(TensorInfo::end).max().orElse(0);
    }

    /** Reads and checks the header of {@code file}; content problems come as {@link ModelFileException}. */
    public static SafetensorsHeader read(Path file) throws IOException {
        String label = file.getFileName().toString();
        long size = Files.size(file);
        try (InputStream in = Files.newInputStream(file)) {
            byte[] start = in.readNBytes((int) Math.min(size, SNIFF_BYTES));
            if (looksLikeHtml(start)) throw new ModelFileException(UserMessage.FILE_IS_HTML.format(label));
            if (size < 8) throw new ModelFileException(UserMessage.TOO_SHORT.format(label, size));
            long headerLength = ByteBuffer.wrap(start, 0, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
            if (headerLength < 2 || headerLength > MAX_HEADER_BYTES) {
                throw new ModelFileException(UserMessage.HEADER_TOO_LARGE.format(label, headerLength));
            }
            if (8 + headerLength > size) {
                throw new ModelFileException(UserMessage.TRUNCATED_HEADER.format(size, 8 + headerLength));
            }
            byte[] json = new byte[(int) headerLength];
            int fromStart = Math.min(start.length - 8, json.length);
            System.arraycopy(start, 8, json, 0, fromStart);
            in.readNBytes(json, fromStart, json.length - fromStart);
            SafetensorsHeader header = parse(label, headerLength, json);
            header.checkCoverage(label, size);
            return header;
        }
    }

    /** Throws unless every expected tensor is present with exactly the expected shape. */
    public void requireTensors(String label, List<ExpectedTensor> expected) throws ModelFileException {
        for (ExpectedTensor e : expected) {
            TensorInfo t = tensors.get(e.name());
            if (t == null) throw new ModelFileException(UserMessage.TENSOR_MISSING.format(label, e.name()));
            if (!t.shape().equals(e.shape())) {
                throw new ModelFileException(UserMessage.TENSOR_SHAPE.format(e.name(), label, t.shape(), e.shape()));
            }
        }
    }

    /** True when these first bytes are an HTML document, as error pages and login pages are. */
    public static boolean looksLikeHtml(byte[] start) {
        String s = new String(start, StandardCharsets.ISO_8859_1).stripLeading().toLowerCase(Locale.ROOT);
        if (s.startsWith("\u00ef\u00bb\u00bf")) s = s.substring(3).stripLeading(); // UTF-8 byte-order mark
        return s.startsWith("<!doctype html") || s.startsWith("<html") || s.startsWith("<head")
                || s.startsWith("<body") || s.startsWith("<!--");
    }

    private static SafetensorsHeader parse(String label, long headerLength, byte[] json) throws ModelFileException {
        JsonElement parsed;
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(json)).toString();
            parsed = JsonParser.parseString(text);
        } catch (CharacterCodingException e) {
            throw new ModelFileException(UserMessage.HEADER_NOT_JSON.format(label, "it is not UTF-8 text"));
        } catch (JsonParseException e) {
            throw new ModelFileException(UserMessage.HEADER_NOT_JSON.format(label, JsonErrors.describe(e)));
        }
        if (!parsed.isJsonObject()) {
            throw new ModelFileException(UserMessage.HEADER_NOT_JSON.format(label, "it is not a JSON object"));
        }
        JsonObject root = parsed.getAsJsonObject();
        Map<String, String> metadata = new LinkedHashMap<>();
        Map<String, TensorInfo> tensors = new LinkedHashMap<>();
        for (Map.Entry<String, JsonElement> e : root.entrySet()) {
            if (e.getKey().equals("__metadata__")) {
                metadata.putAll(metadata(label, e.getValue()));
            } else {
                tensors.put(e.getKey(), tensor(label, e.getKey(), e.getValue()));
            }
        }
        return new SafetensorsHeader(headerLength, metadata, tensors);
    }

    private static Map<String, String> metadata(String label, JsonElement value) throws ModelFileException {
        Map<String, String> out = new LinkedHashMap<>();
        try {
            for (Map.Entry<String, JsonElement> m : value.getAsJsonObject().entrySet()) {
                out.put(m.getKey(), m.getValue().getAsString());
            }
        } catch (IllegalStateException | UnsupportedOperationException e) {
            throw new ModelFileException(UserMessage.HEADER_NOT_JSON.format(label, "__metadata__ must map names to strings"));
        }
        return out;
    }

    private static TensorInfo tensor(String label, String name, JsonElement value) throws ModelFileException {
        try {
            JsonObject o = value.getAsJsonObject();
            String dtype = o.get("dtype").getAsString();
            Integer elementBytes = DTYPE_BYTES.get(dtype);
            if (elementBytes == null) throw invalid(label, name, "unknown dtype " + dtype);
            List<Long> shape = new ArrayList<>();
            long elements = 1;
            for (JsonElement d : o.getAsJsonArray("shape")) {
                long dim = d.getAsLong();
                if (dim < 0) throw invalid(label, name, "negative dimension " + dim);
                shape.add(dim);
                elements = Math.multiplyExact(elements, dim);
            }
            var offsets = o.getAsJsonArray("data_offsets");
            if (offsets.size() != 2) throw invalid(label, name, "data_offsets must hold two numbers");
            long begin = offsets.get(0).getAsLong();
            long end = offsets.get(1).getAsLong();
            if (begin < 0 || end < begin) throw invalid(label, name, "data_offsets " + begin + ".." + end + " are reversed");
            if (end - begin != Math.multiplyExact(elements, elementBytes)) {
                throw invalid(label, name, "shape " + shape + " of " + dtype + " needs "
                        + elements * elementBytes + " bytes but data_offsets span " + (end - begin));
            }
            return new TensorInfo(name, dtype, shape, begin, end);
        } catch (IllegalStateException | UnsupportedOperationException | NullPointerException | ClassCastException
                 | IndexOutOfBoundsException | NumberFormatException | ArithmeticException e) {
            throw invalid(label, name, "missing or malformed dtype, shape or data_offsets");
        }
    }

    private static ModelFileException invalid(String label, String name, String why) {
        return new ModelFileException(UserMessage.TENSOR_ENTRY_INVALID.format(label, name, why));
    }

    /** The data must be covered exactly once, with no holes (as the format requires) and nothing past the end. */
    private void checkCoverage(String label, long fileSize) throws ModelFileException {
        List<TensorInfo> byOffset = new ArrayList<>(tensors.values());
        byOffset.sort(Comparator.comparingLong(TensorInfo::begin).thenComparingLong(TensorInfo::end));
        long position = 0;
        for (TensorInfo t : byOffset) {
            if (t.begin() != position) throw new ModelFileException(UserMessage.TENSOR_DATA_GAP.format(label, dataStart() + position));
            position = t.end();
        }
        long expected = expectedFileSize();
        if (fileSize < expected) throw new ModelFileException(UserMessage.TRUNCATED.format(fileSize, expected));
        if (fileSize > expected) throw new ModelFileException(UserMessage.EXTRA_BYTES.format(label, fileSize - expected));
    }
}
