package dev.patchexplorer.cli;

import com.google.gson.JsonObject;
import dev.patchexplorer.core.grid.EdgePolicy;
import dev.patchexplorer.core.tradeoff.TradeOffs;
import dev.patchexplorer.core.tradeoff.VitArchitecture;

import java.util.Locale;

/** The JSON shape of one set of readouts: raw integers plus the rounded G-units the window shows. */
final class TradeOffsJson {
    private TradeOffsJson() {}

    static JsonObject of(VitArchitecture a, int width, int height, int patch, int stride, EdgePolicy edge, TradeOffs t) {
        JsonObject o = new JsonObject();
        o.addProperty("architecture", a.name());
        o.addProperty("width", width);
        o.addProperty("height", height);
        o.addProperty("patch", patch);
        o.addProperty("stride", stride);
        o.addProperty("edge", edge.name().toLowerCase(Locale.ROOT));
        o.addProperty("grid_rows", t.gridRows());
        o.addProperty("grid_cols", t.gridCols());
        o.addProperty("patch_tokens", t.patchTokens());
        o.addProperty("prefix_tokens", t.prefixTokens());
        o.addProperty("sequence_length", t.sequenceLength());
        o.addProperty("dropped_pixels", t.droppedPixels());
        o.addProperty("padded_pixels", t.paddedPixels());
        o.addProperty("values_per_patch", t.valuesPerPatch());
        o.addProperty("embedding_width", t.embeddingWidth());
        o.addProperty("compression_ratio", t.compressionRatio());
        o.addProperty("patch_embedding_parameters", t.patchEmbeddingParameters());
        o.addProperty("model_parameters", t.modelParameters());
        JsonObject macs = new JsonObject();
        macs.addProperty("patch_embedding", t.patchEmbeddingMacs());
        macs.addProperty("linear", t.linearMacs());
        macs.addProperty("attention", t.attentionMacs());
        macs.addProperty("head", t.headMacs());
        macs.addProperty("total", t.totalMacs());
        o.add("macs", macs);
        o.addProperty("gmacs", round(t.gmacs(), 4));
        o.addProperty("gflops", round(t.gflops(), 4));
        o.addProperty("attention_share", round(t.attentionShare(), 6));
        o.addProperty("attention_bytes_per_layer", t.attentionBytesPerLayer());
        o.addProperty("attention_bytes_all_layers", t.attentionBytesAllLayers());
        o.addProperty("activation_bytes_per_block", t.activationBytesPerBlock());
        o.addProperty("activation_bytes_all_layers", t.activationBytesAllLayers());
        o.addProperty("attention_exceeds_heap", t.attentionExceedsHeap());
        return o;
    }

    private static double round(double v, int places) {
        double f = Math.pow(10, places);
        return Math.round(v * f) / f;
    }
}
