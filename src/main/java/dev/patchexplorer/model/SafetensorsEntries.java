package dev.patchexplorer.model;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON header of a safetensors file, checked entry by entry against the data that follows it:
 * every dtype known, every shape made of whole non-negative numbers, every byte range exactly the
 * size its dtype and shape need, and the ranges together covering the data once, without holes or
 * overlaps (as the format requires). Only then may anything be allocated from what it claims.
 */
final class SafetensorsEntries {
    /** Every dtype of the format, so that a file with integer buffers (num_batches_tracked) still opens. */
    static final Map<String, Integer> DTYPE_BYTES = Map.ofEntries(
            Map.entry("BOOL", 1), Map.entry("U8", 1), Map.entry("I8", 1), Map.entry("F8_E4M3", 1), Map.entry("F8_E5M2", 1),
            Map.entry("U16", 2), Map.entry("I16", 2), Map.entry("F16", 2), Map.entry("BF16", 2),
            Map.entry("U32", 4), Map.entry("I32", 4), Map.entry("F32", 4),
            Map.entry("U64", 8), Map.entry("I64", 8), Map.entry("F64", 8));
    /** PyTorch tensors have at most 64 dimensions. */
    private static final int MAX_RANK = 64;

    private SafetensorsEntries() {}

    static Map<String, TensorInfo> parse(String file, byte[] header, long dataSize) throws ModelLoadException {
        JsonObject root = root(file, header);
        Map<String, TensorInfo> out = new LinkedHashMap<>();
        for (Map.Entry<String, JsonElement> entry : root.entrySet()) {
            String name = entry.getKey();
            if (name.equals("__metadata__")) {
                if (!entry.getValue().isJsonObject() && !entry.getValue().isJsonNull()) {
                    throw damaged(file, "its __metadata__ entry is not a JSON object");
                }
                continue;
            }
            out.put(name, entry(file, name, entry.getValue()));
        }
        checkCoverage(file, out.values(), dataSize);
        return Collections.unmodifiableMap(out);
    }

    private static JsonObject root(String file, byte[] header) throws ModelLoadException {
        String json;
        try {
            json = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(header)).toString();
        } catch (CharacterCodingException e) {
            throw damaged(file, "its header is not UTF-8 text");
        }
        JsonElement e;
        try {
            e = JsonParser.parseString(json);
        } catch (JsonParseException | StackOverflowError x) {
            throw damaged(file, JsonErrors.sentence("its header", x));
        }
        if (!e.isJsonObject()) throw damaged(file, "its header is not a JSON object");
        return e.getAsJsonObject();
    }

    private static TensorInfo entry(String file, String name, JsonElement value) throws ModelLoadException {
        if (!value.isJsonObject()) throw bad(file, name, "its entry is not a JSON object");
        JsonObject o = value.getAsJsonObject();
        JsonElement dtypeJson = o.get("dtype");
        if (!(dtypeJson instanceof JsonPrimitive p) || !p.isString()) throw bad(file, name, "it has no dtype");
        String dtype = p.getAsString();
        Integer elementBytes = DTYPE_BYTES.get(dtype);
        if (elementBytes == null) {
            throw bad(file, name, "its dtype " + shown(dtype) + " is not a safetensors dtype");
        }
        JsonArray shapeJson = array(file, name, o, "shape");
        if (shapeJson.size() > MAX_RANK) throw bad(file, name, "its shape has " + shapeJson.size() + " dimensions");
        long[] shape = new long[shapeJson.size()];
        long elements = 1;
        for (int i = 0; i < shape.length; i++) {
            shape[i] = count(file, name, "shape", shapeJson.get(i));
            elements = multiply(file, name, elements, shape[i]);
        }
        JsonArray offsets = array(file, name, o, "data_offsets");
        if (offsets.size() != 2) throw bad(file, name, "its data_offsets do not hold exactly two numbers");
        long begin = count(file, name, "data_offsets", offsets.get(0));
        long end = count(file, name, "data_offsets", offsets.get(1));
        if (end < begin) throw bad(file, name, "its data_offsets run backwards (" + begin + " to " + end + ")");
        long needed = multiply(file, name, elements, elementBytes);
        if (end - begin != needed) {
            throw bad(file, name, "it spans " + (end - begin) + " bytes but " + dtype + " " + java.util.Arrays.toString(shape)
                    + " needs " + needed);
        }
        return new TensorInfo(name, dtype, shape, begin, end);
    }

    private static JsonArray array(String file, String name, JsonObject o, String field) throws ModelLoadException {
        JsonElement e = o.get(field);
        if (e == null || !e.isJsonArray()) throw bad(file, name, "it has no " + field + " list");
        return e.getAsJsonArray();
    }

    /** A whole number from 0 to Long.MAX_VALUE. */
    private static long count(String file, String name, String field, JsonElement e) throws ModelLoadException {
        if (e instanceof JsonPrimitive p && p.isNumber()) {
            try {
                BigDecimal v = new BigDecimal(p.getAsString());
                if (v.signum() >= 0 && v.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) <= 0) return v.longValueExact();
            } catch (NumberFormatException | ArithmeticException ignored) {
                // falls through to the refusal below
            }
        }
        throw bad(file, name, "its " + field + " list contains " + shown(String.valueOf(e)) + ", which is not a whole number of 0 or more");
    }

    private static long multiply(String file, String name, long a, long b) throws ModelLoadException {
        try {
            return Math.multiplyExact(a, b);
        } catch (ArithmeticException e) {
            throw bad(file, name, "its shape describes more bytes than any file can hold");
        }
    }

    /** The data must be covered exactly once, with no holes, overlaps or bytes after the last tensor. */
    private static void checkCoverage(String file, Iterable<TensorInfo> tensors, long dataSize) throws ModelLoadException {
        List<TensorInfo> byOffset = new ArrayList<>();
        tensors.forEach(byOffset::add);
        byOffset.sort(Comparator.comparingLong(TensorInfo::begin).thenComparingLong(TensorInfo::end));
        long position = 0;
        for (TensorInfo t : byOffset) {
            if (t.end() > dataSize) {
                throw new ModelLoadException(file + " is truncated: tensor " + shown(t.name()) + " ends at data byte " + t.end()
                        + " but the file holds only " + dataSize + " data bytes; download it again");
            }
            if (t.begin() < position) throw damaged(file, "tensor " + shown(t.name()) + " overlaps the tensor before it");
            if (t.begin() > position) throw damaged(file, "there is a gap in its data before tensor " + shown(t.name()));
            position = t.end();
        }
        if (position != dataSize) {
            throw damaged(file, "it has " + (dataSize - position) + " bytes after its last tensor");
        }
    }

    private static ModelLoadException bad(String file, String name, String why) {
        return damaged(file, "the header entry of tensor " + shown(name) + " is broken: " + why);
    }

    private static ModelLoadException damaged(String file, String why) {
        return new ModelLoadException(file + " is damaged: " + why + "; download or export the model again");
    }

    /** Names come from the file: keep them short and printable in a message. */
    static String shown(String s) {
        String clean = s.codePoints().map(c -> Character.isISOControl(c) ? '?' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        return clean.length() > 80 ? clean.substring(0, 80) + "..." : clean;
    }
}
