package dev.patchexplorer.core.tradeoff;

import dev.patchexplorer.core.grid.EdgePolicy;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One set of readouts as named values in a fixed order: raw integers plus the rounded G-units the window
 * shows, with the MACs nested under "macs". The {@code tradeoffs} command's JSON and the window's readout
 * export (JSON and CSV) are both written from this one list.
 */
public final class ReadoutFields {
    private ReadoutFields() {}

    public static Map<String, Object> of(VitArchitecture a, int width, int height, int patch, int stride, EdgePolicy edge,
            TradeOffs t) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("architecture", a.name());
        o.put("width", width);
        o.put("height", height);
        o.put("patch", patch);
        o.put("stride", stride);
        o.put("edge", edge.name().toLowerCase(Locale.ROOT));
        o.put("grid_rows", t.gridRows());
        o.put("grid_cols", t.gridCols());
        o.put("patch_tokens", t.patchTokens());
        o.put("prefix_tokens", t.prefixTokens());
        o.put("sequence_length", t.sequenceLength());
        o.put("dropped_pixels", t.droppedPixels());
        o.put("padded_pixels", t.paddedPixels());
        o.put("values_per_patch", t.valuesPerPatch());
        o.put("embedding_width", t.embeddingWidth());
        o.put("compression_ratio", t.compressionRatio());
        o.put("patch_embedding_parameters", t.patchEmbeddingParameters());
        o.put("model_parameters", t.modelParameters());
        Map<String, Object> macs = new LinkedHashMap<>();
        macs.put("patch_embedding", t.patchEmbeddingMacs());
        macs.put("linear", t.linearMacs());
        macs.put("attention", t.attentionMacs());
        macs.put("head", t.headMacs());
        macs.put("total", t.totalMacs());
        o.put("macs", macs);
        o.put("gmacs", round(t.gmacs(), 4));
        o.put("gflops", round(t.gflops(), 4));
        o.put("attention_share", round(t.attentionShare(), 6));
        o.put("attention_bytes_per_layer", t.attentionBytesPerLayer());
        o.put("attention_bytes_all_layers", t.attentionBytesAllLayers());
        o.put("activation_bytes_per_block", t.activationBytesPerBlock());
        o.put("activation_bytes_all_layers", t.activationBytesAllLayers());
        o.put("attention_exceeds_heap", t.attentionExceedsHeap());
        return o;
    }

    /** The same values with nested names joined by a dot ("macs.total"), for a CSV row. */
    public static Map<String, Object> flat(Map<String, Object> fields) {
        Map<String, Object> out = new LinkedHashMap<>();
        flatten("", fields, out);
        return out;
    }

    private static void flatten(String prefix, Map<?, ?> in, Map<String, Object> out) {
        for (Map.Entry<?, ?> e : in.entrySet()) {
            String key = prefix + e.getKey();
            if (e.getValue() instanceof Map<?, ?> nested) flatten(key + ".", nested, out);
            else out.put(key, e.getValue());
        }
    }

    private static double round(double v, int places) {
        double f = Math.pow(10, places);
        return Math.round(v * f) / f;
    }
}
