package dev.patchexplorer.cli;

import dev.patchexplorer.core.format.Json;
import dev.patchexplorer.core.position.ImageShift;
import dev.patchexplorer.model.probe.Logits;
import dev.patchexplorer.model.probe.PermutationProbe;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * {@code permute --model M --image I [--patch P] [--mode M] [--size S] [--seed N] [--shift K]}: the jigsaw.
 * The patches shuffled in a seeded order once with each keeping its position embedding (the logits stay)
 * and once as pixels under fixed position embeddings (they change); with --shift also the picture moved
 * K pixels right and down (negative: left and up), the uncovered pixels in the model's mean colour.
 */
public final class PermuteCommand implements Command {
    private static final OptionSpec SEED = new OptionSpec("seed", "N", "seed of the patch order (default 0)");
    private static final OptionSpec SHIFT = new OptionSpec("shift", "K",
            "also move the working image K pixels right and down (negative: left and up) and compare the top-5");
    private static final List<OptionSpec> OPTIONS = Stream.concat(VitProbeInput.OPTIONS.stream(), Stream.of(SEED, SHIFT)).toList();

    @Override
    public String name() {
        return "permute";
    }

    @Override
    public String summary() {
        return "shuffle a ViT's patches with and without their position embeddings, optionally shift the image (JSON)";
    }

    @Override
    public List<OptionSpec> options() {
        return OPTIONS;
    }

    @Override
    public int run(Options o, PrintStream out) throws Exception {
        long seed = seed(o);
        try (VitProbeInput in = VitProbeInput.open(o, name())) {
            if (in.vit.numClasses() == 0) throw new UsageException(name() + " compares predictions; this model has no classifier head");
            int shift = o.integer(SHIFT.name(), 0);
            if (Math.abs(shift) >= in.size) throw new UsageException("--shift must be less than the size " + in.size + " either way, got " + shift);
            PermutationProbe.Result r = PermutationProbe.run(in.vit, in.input, in.plan.modelPatch(), seed);
            Map<String, Object> json = in.header();
            json.put("seed", seed);
            json.put("order", r.order());
            json.put("max_abs_logit_difference_keeping_positions", r.keepingPositionsDifference());
            json.put("max_abs_logit_difference_shuffling_pixels", r.shuffledPixelsDifference());
            json.put("top5", AnalyzeCommand.top5(r.plain()));
            json.put("top5_keeping_positions", AnalyzeCommand.top5(r.keepingPositions()));
            json.put("top5_shuffling_pixels", AnalyzeCommand.top5(r.shuffledPixels()));
            if (o.has(SHIFT.name())) {
                float[] moved = in.vit.logits(in.inputOf(ImageShift.shift(in.square, shift, shift, in.meanColour())), in.plan.modelPatch());
                Map<String, Object> t = new LinkedHashMap<>();
                t.put("shift", shift);
                t.put("top5_before", AnalyzeCommand.top5(r.plain()));
                t.put("top5_after", AnalyzeCommand.top5(moved));
                t.put("max_abs_logit_difference", Logits.maxAbsDifference(r.plain(), moved));
                json.put("translation", t);
            }
            Json.print(out, json);
        }
        return 0;
    }

    private static long seed(Options o) throws UsageException {
        String v = o.get(SEED.name(), "0").strip();
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw new UsageException("--seed must be a whole number, got '" + v + "'");
        }
    }
}
