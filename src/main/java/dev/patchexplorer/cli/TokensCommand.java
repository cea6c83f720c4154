package dev.patchexplorer.cli;

import dev.patchexplorer.core.format.Json;
import dev.patchexplorer.model.probe.TokenProbe;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * {@code tokens --model M --image I [--patch P] [--mode M] [--size S] [--block B] [--row R --col C]}: the
 * cosine similarity of one patch's token to every patch's after block B, and the logit lens (top-5 of
 * the class token after each block through the final norm and the classifier).
 */
public final class TokensCommand implements Command {
    private static final OptionSpec BLOCK = new OptionSpec("block", "B",
            "the tokens after block B, 0 (the embedding) to the model's depth (default: the last block)");
    private static final OptionSpec ROW = new OptionSpec("row", "R", "grid row of the patch to compare (default: the middle)");
    private static final OptionSpec COL = new OptionSpec("col", "C", "grid column of the patch to compare (default: the middle)");
    private static final List<OptionSpec> OPTIONS = Stream.concat(VitProbeInput.OPTIONS.stream(), Stream.of(BLOCK, ROW, COL)).toList();

    @Override
    public String name() {
        return "tokens";
    }

    @Override
    public String summary() {
        return "a ViT's tokens: one patch's cosine similarity to every patch after a block, and the logit lens per block (JSON)";
    }

    @Override
    public List<OptionSpec> options() {
        return OPTIONS;
    }

    @Override
    public int run(Options o, PrintStream out) throws Exception {
        try (VitProbeInput in = VitProbeInput.open(o, name())) {
            int depth = in.vit.spec().depth();
            int block = o.integer(BLOCK.name(), depth);
            if (block < 0 || block > depth) throw new UsageException("--block must be 0 (the embedding) to " + depth + ", got " + block);
            int row = inGrid(o, ROW.name(), in.plan.gridH() / 2, in.plan.gridH());
            int col = inGrid(o, COL.name(), in.plan.gridW() / 2, in.plan.gridW());
            TokenProbe.Result r = TokenProbe.run(in.vit, in.input, in.plan.modelPatch(), block);
            Map<String, Object> json = in.header();
            json.put("block", block);
            json.put("row", row);
            json.put("col", col);
            json.put("similarity", VitProbeInput.rows(r.tokens().similarityMap(row, col), in.plan.gridW()));
            List<Map<String, Object>> lens = new ArrayList<>();
            for (int b = 0; b < r.lens().length; b++) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("block", b + 1);
                m.put("top5", AnalyzeCommand.top5(r.lens()[b]));
                lens.add(m);
            }
            json.put("logit_lens", lens);
            Json.print(out, json);
        }
        return 0;
    }

    private static int inGrid(Options o, String option, int fallback, int cells) throws UsageException {
        int v = o.integer(option, fallback);
        if (v < 0 || v >= cells) throw new UsageException("--" + option + " must be 0 to " + (cells - 1) + " on this grid, got " + v);
        return v;
    }
}
