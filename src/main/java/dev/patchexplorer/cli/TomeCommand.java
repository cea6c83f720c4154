package dev.patchexplorer.cli;

import dev.patchexplorer.core.format.Json;
import dev.patchexplorer.core.tome.MergeSchedule;
import dev.patchexplorer.core.tradeoff.VitArchitecture;
import dev.patchexplorer.model.probe.Logits;
import dev.patchexplorer.model.probe.TokenMergingProbe;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * {@code tome --model M --image I [--patch P] [--mode M] [--size S] --r R}: token merging (ToMe) inside the
 * ViT with R merges per block: tokens per block, the encoder's GMACs from the schedule with and without
 * merging, which patches ended in one token, and the top-5 merged against unmerged.
 */
public final class TomeCommand implements Command {
    private static final OptionSpec R = new OptionSpec("r", "R", "tokens merged per block, 0 or more (required)");
    private static final List<OptionSpec> OPTIONS = Stream.concat(VitProbeInput.OPTIONS.stream(), Stream.of(R)).toList();

    @Override
    public String name() {
        return "tome";
    }

    @Override
    public String summary() {
        return "token merging (ToMe) inside a ViT: tokens per block, GMACs, merged groups, top-5 merged vs unmerged (JSON)";
    }

    @Override
    public List<OptionSpec> options() {
        return OPTIONS;
    }

    @Override
    public int run(Options o, PrintStream out) throws Exception {
        int r = Options.parseInt(R.name(), o.require(R.name()));
        if (r < 0) throw new UsageException("--r must be 0 or more, got " + r);
        try (VitProbeInput in = VitProbeInput.open(o, name())) {
            if (in.vit.numClasses() == 0) throw new UsageException(name() + " compares predictions; this model has no classifier head");
            TokenMergingProbe.Result merged = TokenMergingProbe.run(in.vit, in.input, in.plan.modelPatch(), r);
            float[] plain = in.vit.logits(in.input, in.plan.modelPatch());
            VitArchitecture arch = in.vit.spec().readoutArchitecture();
            int tokens = merged.tokensIn()[0], depth = in.vit.spec().depth(), prefix = in.vit.spec().prefixTokens();
            Map<String, Object> json = in.header();
            json.put("r", r);
            json.put("tokens_per_block", merged.tokensIn());
            json.put("gmacs", MergeSchedule.of(tokens, r, depth, prefix).encoderMacs(arch) / 1e9);
            json.put("gmacs_unmerged", MergeSchedule.of(tokens, 0, depth, prefix).encoderMacs(arch) / 1e9);
            int[] last = merged.groups()[depth - 1];
            int[][] groups = new int[merged.gridH()][merged.gridW()];
            for (int p = 0; p < last.length; p++) groups[p / merged.gridW()][p % merged.gridW()] = last[p] - prefix;
            json.put("groups", groups);
            json.put("top5", AnalyzeCommand.top5(merged.logits()));
            json.put("top5_unmerged", AnalyzeCommand.top5(plain));
            json.put("max_abs_logit_difference", Logits.maxAbsDifference(plain, merged.logits()));
            Json.print(out, json);
        }
        return 0;
    }
}
