package dev.patchexplorer.core.sweep;

import dev.patchexplorer.core.attention.AttentionLayout;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The sweep's metrics on cases worked by hand. */
class SweepMetricsTest {
    private static final float[] LOGITS = {2.0f, -1.0f, 0.5f, 3.0f, 0.0f, 1.0f};

    @Test
    void klOfIdenticalLogitsIsZeroAndAModelAgreesWithItself() {
        assertEquals(0.0, PredictionMetrics.kl(LOGITS, LOGITS.clone()), 0.0);
        assertEquals(1, PredictionMetrics.agreeTop1(LOGITS, LOGITS));
        assertEquals(1, PredictionMetrics.agreeTopK(LOGITS, LOGITS, 5));
    }

    @Test
    void klMatchesAHandWorkedPair() {
        // p = (1/2, 1/2), q = (1/4, 3/4): KL = 1/2 ln 2 + 1/2 ln (2/3) = 1/2 ln (4/3)
        float[] p = {0f, 0f};
        float[] q = {0f, (float) Math.log(3)};
        assertEquals(0.5 * Math.log(4.0 / 3.0), PredictionMetrics.kl(p, q), 1e-7);
        assertEquals(0, PredictionMetrics.agreeTop1(new float[] {1, 0}, new float[] {0, 1}));
    }

    @Test
    void confidenceMarginAndEntropy() {
        float[] l = {0f, (float) Math.log(3)}; // p = (1/4, 3/4)
        assertEquals(0.75, PredictionMetrics.confidence(l), 1e-7);
        assertEquals(0.5, PredictionMetrics.margin(l), 1e-7);
        assertEquals(-(0.25 * Math.log(0.25) + 0.75 * Math.log(0.75)), PredictionMetrics.entropy(l), 1e-7);
        assertArrayEquals(new int[] {3, 0, 5, 2, 4}, PredictionMetrics.topIndices(LOGITS, 5));
    }

    @Test
    void topFiveAgreementLooksForTheReferenceWinnerInTheRunsTopFive() {
        float[] ref = {9, 0, 0, 0, 0, 0, 0};
        float[] sixth = {1, 7, 6, 5, 4, 3, 2}; // class 0 is last
        float[] fifth = {3, 7, 6, 5, 4, 2, 1};
        assertEquals(0, PredictionMetrics.agreeTopK(ref, sixth, 5));
        assertEquals(1, PredictionMetrics.agreeTopK(ref, fifth, 5));
    }

    /** One layer with the same row for every head and query. */
    private static float[] layer(AttentionLayout layout, java.util.function.IntBinaryOperator nonZero, float value) {
        int n = layout.tokens();
        float[] a = new float[layout.heads() * n * n];
        for (int h = 0; h < layout.heads(); h++)
            for (int i = 0; i < n; i++)
                for (int j = 0; j < n; j++) a[(h * n + i) * n + j] = nonZero.applyAsInt(i, j) != 0 ? value : 0f;
        return a;
    }

    @Test
    void uniformAttentionHasNormalisedEntropyOneAndIdentityZero() {
        AttentionLayout layout = new AttentionLayout(3, 1, 4, 5);
        int n = layout.tokens();
        assertEquals(1.0, AttentionMetrics.normalisedEntropy(layer(layout, (i, j) -> 1, 1f / n), layout), 1e-6);
        assertEquals(0.0, AttentionMetrics.normalisedEntropy(layer(layout, (i, j) -> i == j ? 1 : 0, 1f), layout), 1e-12);
    }

    @Test
    void meanAttentionDistanceOfIdentityIsZeroAndOfUniformMatchesAHandValue() {
        AttentionLayout layout = new AttentionLayout(2, 1, 2, 2); // 5 tokens
        assertEquals(0.0, AttentionMetrics.meanDistancePixels(layer(layout, (i, j) -> i == j ? 1 : 0, 1f), layout, 16), 0.0);
        // every patch query sees 0, 16, 16 and 16 sqrt 2 px away, each weighted 1/5 (the class column is left out)
        double expected = (32 + 16 * Math.sqrt(2)) / 5; // 10.92548...
        assertEquals(10.925483, expected, 1e-6);
        assertEquals(expected, AttentionMetrics.meanDistancePixels(layer(layout, (i, j) -> 1, 0.2f), layout, 16), 1e-6);
    }

    @Test
    void meanAttentionDistancePerHeadKeepsTheHeadsApart() {
        AttentionLayout layout = new AttentionLayout(2, 1, 2, 2);
        float[] a = new float[2 * 5 * 5];
        for (int i = 0; i < 5; i++) {
            a[i * 5 + i] = 1; // head 0: every token looks at itself
            for (int j = 0; j < 5; j++) a[25 + i * 5 + j] = 0.2f; // head 1: uniform
        }
        double[] perHead = AttentionMetrics.meanDistancePixelsPerHead(a, layout, 16);
        assertEquals(0.0, perHead[0], 0.0);
        assertEquals((32 + 16 * Math.sqrt(2)) / 5, perHead[1], 1e-6);
        assertEquals((perHead[0] + perHead[1]) / 2, AttentionMetrics.meanDistancePixels(a, layout, 16), 1e-12);
    }

    @Test
    void meanAttentionDistanceUsesTheRealRectangularGrid() {
        AttentionLayout layout = new AttentionLayout(1, 0, 1, 3); // one row of three
        float[] a = new float[9];
        a[2] = 1; // query 0 looks at patch 2
        a[3 + 1] = 1; // query 1 looks at itself
        a[6 + 0] = 1; // query 2 looks at patch 0
        assertEquals((2 * 10 + 0 + 2 * 10) / 3.0, AttentionMetrics.meanDistancePixels(a, layout, 10), 1e-12);
    }

    @Test
    void sixtyPercentAreaAndIouOnConstructedMaps() {
        boolean[] mask = dev.patchexplorer.core.attention.MassThreshold.topMass(new double[] {0.5, 0.3, 0.1, 0.1}, 0.6);
        assertArrayEquals(new boolean[] {true, true, false, false}, mask); // 0.5 < 0.6, so 0.3 joins
        assertEquals(2 * 16 * 16, AttentionMetrics.areaPixels(mask, 16), 0.0);
        // a 2x2 grid of 16 px cells keeping the top-left cell, against a 1x1 grid of one 32 px cell: 256 / 1024
        assertEquals(0.25, AttentionMetrics.maskIou(new boolean[] {true, false, false, false}, 2, 2, 16, new boolean[] {true}, 1, 1, 32), 1e-12);
        // a 3x3 grid of 10 px cells (30 px) against 2x2 of 16 px (32 px): the top row of each, 30x10 and 32x16
        boolean[] a = {true, true, true, false, false, false, false, false, false};
        boolean[] b = {true, true, false, false};
        assertEquals(300.0 / 512.0, AttentionMetrics.maskIou(a, 3, 3, 10, b, 2, 2, 16), 1e-12);
        assertEquals(1.0, AttentionMetrics.maskIou(b, 2, 2, 16, b, 2, 2, 16), 0.0);
    }

    @Test
    void plansPerMode() {
        SweepSettings tokens = new SweepSettings(SweepMode.TOKENS, 224, 16, 16);
        assertEquals(112, tokens.plan(8).side()); // FlexiViT's 8/112, 16/224, 32/448
        assertEquals(224, tokens.plan(16).side());
        assertEquals(448, tokens.plan(32).side());
        assertEquals(14, tokens.plan(32).gridH());
        assertEquals(32, tokens.plan(32).input().modelPatch());
        SweepSettings resize = new SweepSettings(SweepMode.RESIZE, 224, 16, 16);
        assertEquals(7 * 16, resize.plan(32).input().inputH());
        assertEquals(16, resize.plan(32).input().modelPatch());
        assertEquals(32, resize.plan(32).cellPixels());
        SweepSettings flexi = new SweepSettings(SweepMode.FLEXI, 224, 16, 16);
        assertEquals(14, flexi.plan(15).gridH()); // 14 whole 15 px patches fit in 224 px
        assertEquals(210, flexi.plan(15).input().inputH());
    }

    @Test
    void patchLists() {
        assertEquals(List.of(8, 14, 16), PatchList.parse("16, 8,14,8"));
        assertEquals(List.of(8, 12, 16, 20, 24, 28, 32), PatchList.parse("8:32:4"));
        assertEquals(25, PatchList.parse("8:32").size());
        assertThrows(IllegalArgumentException.class, () -> PatchList.parse("32:8"));
        assertThrows(IllegalArgumentException.class, () -> PatchList.parse("8,x"));
        assertThrows(IllegalArgumentException.class, () -> PatchList.parse("0,8"));
    }

    private static PatchAggregate agg(int patch, double gmacs, double agree, double kl) {
        java.util.Map<SweepQuantity, Estimate> e = new java.util.EnumMap<>(SweepQuantity.class);
        for (SweepQuantity q : SweepQuantity.values()) e.put(q, new Estimate(4, 0, Double.NaN, Double.NaN));
        e.put(SweepQuantity.AGREE_TOP1, new Estimate(4, agree, Double.NaN, Double.NaN));
        e.put(SweepQuantity.KL, new Estimate(4, kl, Double.NaN, Double.NaN));
        return new PatchAggregate(patch, 4, 0, gmacs, e);
    }

    @Test
    void recommendationIsTheCheapestPatchMeetingBothThresholdsAndTheKneeTheLargestDrop() {
        List<PatchAggregate> a = List.of(agg(8, 4.5, 0.75, 0.3), agg(12, 2.3, 0.95, 0.05), agg(16, 1.25, 1.0, 0.0),
                agg(20, 0.8, 0.9, 0.08), agg(24, 0.56, 0.85, 0.09), agg(32, 0.31, 0.25, 1.2));
        Recommendation r = Recommendation.of(a, 0.9, 0.1);
        assertEquals(20, r.choice().orElseThrow().patch());
        assertEquals(24, r.knee().orElseThrow().before().patch());
        assertEquals(32, r.knee().orElseThrow().after().patch());
        assertEquals(24, Recommendation.of(a, 0.85, 0.1).choice().orElseThrow().patch());
        assertEquals(16, Recommendation.of(a, 0.9, 0.01).choice().orElseThrow().patch());
        assertTrue(Recommendation.of(a, 1.0, -0.0).choice().isPresent()); // the reference itself
        assertTrue(Recommendation.of(a.subList(0, 1), 0.9, 0.1).choice().isEmpty());
        assertTrue(Recommendation.of(a.subList(0, 1), 0.9, 0.1).knee().isEmpty());
        assertThrows(IllegalArgumentException.class, () -> Recommendation.of(a, Double.NaN, 0.1));
    }
}
