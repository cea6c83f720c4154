package dev.patchexplorer.core.features;

import dev.patchexplorer.core.classify.TopK;

/**
 * A logit lens read as a story over depth: each block's own top-1 class and its probability, and the
 * probability every block gives the model's final answer (the top-1 after the last block), so a chart
 * shows at which block the model "knows" the answer.
 *
 * @param top1        top1[b] the most probable class after block b + 1
 * @param top1Prob    its softmax probability
 * @param answer      the final answer: top1 of the last block
 * @param answerProb  answerProb[b] the probability block b + 1 gives the final answer
 * @param settledFrom the first block (1-based) from which every block's top-1 is the final answer
 */
public record LogitLensTrack(int[] top1, double[] top1Prob, int answer, double[] answerProb, int settledFrom) {
    public LogitLensTrack {
        top1 = top1.clone();
        top1Prob = top1Prob.clone();
        answerProb = answerProb.clone();
    }

    /** From {@code lens[b]}, the logits after block b + 1 (b = 0..depth-1); at least one block. */
    public static LogitLensTrack of(float[][] lens) {
        int depth = lens.length;
        if (depth == 0) throw new IllegalArgumentException("a logit lens needs at least one block");
        int[] top = new int[depth];
        double[] topP = new double[depth];
        double[][] p = new double[depth][];
        for (int b = 0; b < depth; b++) {
            p[b] = TopK.softmax(lens[b]);
            top[b] = TopK.argmax(lens[b]);
            topP[b] = p[b][top[b]];
        }
        int answer = top[depth - 1];
        double[] answerP = new double[depth];
        for (int b = 0; b < depth; b++) answerP[b] = p[b][answer];
        int settled = depth;
        while (settled > 1 && top[settled - 2] == answer) settled--;
        return new LogitLensTrack(top, topP, answer, answerP, settled);
    }

    public int depth() {
        return top1.length;
    }

    @Override
    public int[] top1() {
        return top1.clone();
    }

    @Override
    public double[] top1Prob() {
        return top1Prob.clone();
    }

    @Override
    public double[] answerProb() {
        return answerProb.clone();
    }
}
