package dev.patchexplorer.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.patchexplorer.core.tradeoff.SwinCosts;

/** The JSON shape of a Swin's costs: the ViT readouts' names where they mean the same, plus one object per stage. */
final class SwinCostsJson {
    private SwinCostsJson() {}

    static JsonObject of(SwinCosts t) {
        JsonObject o = new JsonObject();
        o.addProperty("architecture", t.architecture().name());
        o.addProperty("family", "swin");
        o.addProperty("width", t.width());
        o.addProperty("height", t.height());
        o.addProperty("patch", t.patch());
        o.addProperty("window", t.architecture().window());
        o.addProperty("patch_tokens", t.stages().get(0).tokens());
        o.addProperty("model_parameters", t.architecture().parameters());
        JsonArray stages = new JsonArray();
        for (SwinCosts.Stage s : t.stages()) {
            JsonObject j = new JsonObject();
            j.addProperty("stage", s.index() + 1);
            j.addProperty("grid_rows", s.gridRows());
            j.addProperty("grid_cols", s.gridCols());
            j.addProperty("tokens", s.tokens());
            j.addProperty("width", s.width());
            j.addProperty("blocks", s.blocks());
            j.addProperty("heads", s.heads());
            j.addProperty("window", s.window());
            j.addProperty("windows", s.windows());
            j.addProperty("padded_tokens", s.paddedTokens());
            j.addProperty("merging_macs", s.mergingMacs());
            j.addProperty("linear_macs", s.linearMacs());
            j.addProperty("attention_macs", s.attentionMacs());
            j.addProperty("global_attention_macs", s.globalAttentionMacs());
            j.addProperty("attention_bytes_per_block", s.attentionBytesPerBlock());
            j.addProperty("global_attention_bytes_per_block", s.globalAttentionBytesPerBlock());
            stages.add(j);
        }
        o.add("stages", stages);
        JsonObject macs = new JsonObject();
        macs.addProperty("patch_embedding", t.patchEmbeddingMacs());
        macs.addProperty("linear", t.linearMacs());
        macs.addProperty("attention", t.attentionMacs());
        macs.addProperty("merging", t.mergingMacs());
        macs.addProperty("head", t.headMacs());
        macs.addProperty("total", t.totalMacs());
        o.add("macs", macs);
        o.addProperty("gmacs", round(t.gmacs()));
        o.addProperty("gflops", round(t.gflops()));
        o.addProperty("attention_share", round(t.attentionShare()));
        // the same model with global attention in every block: what the windows save
        o.addProperty("global_attention_gmacs", round(t.globalGmacs()));
        o.addProperty("window_saving", round(t.windowSaving()));
        return o;
    }

    private static double round(double v) {
        return Math.round(v * 1e4) / 1e4;
    }
}
