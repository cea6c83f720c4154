package dev.patchexplorer.core.text;

import java.util.ArrayList;
import java.util.List;

/**
 * A text cut into consecutive segments of {@code length} tokens (the last may be shorter), the way a
 * long document is split for a model with a fixed context: the text counterpart of tiling a large
 * image. Attention over each segment costs (its tokens)² score pairs; one sequence over the whole
 * text costs n², so segmenting saves a factor of about n / L and loses every pair across segments.
 */
public record TextSegments(TokenUnit unit, int length, List<TextToken> tokens, List<Segment> segments) {

    /** Tokens [firstToken, firstToken + tokens) and the source text they span, as UTF-16 offsets [start, end). */
    public record Segment(int index, int firstToken, int tokens, int start, int end) {}

    public static TextSegments of(String text, TokenUnit unit, int length) {
        if (length < 1) throw new IllegalArgumentException("the segment length must be at least 1 token, got " + length);
        List<TextToken> tokens = unit.tokenize(text);
        List<Segment> segments = new ArrayList<>();
        for (int first = 0; first < tokens.size(); first += length) {
            int n = Math.min(length, tokens.size() - first);
            segments.add(new Segment(segments.size(), first, n, tokens.get(first).start(), tokens.get(first + n - 1).end()));
        }
        return new TextSegments(unit, length, List.copyOf(tokens), List.copyOf(segments));
    }

    public int tokenCount() {
        return tokens.size();
    }

    public int segmentCount() {
        return segments.size();
    }

    /** Σ over segments of (tokens in it)²: L² x count when the text fills every segment. */
    public long segmentedAttentionPairs() {
        return segments.stream().mapToLong(s -> (long) s.tokens() * s.tokens()).sum();
    }

    /** n²: one sequence over the whole text. */
    public long globalAttentionPairs() {
        return (long) tokens.size() * tokens.size();
    }

    /** Segmented over global attention cost; 1 for one segment, 0 for an empty text. */
    public double attentionCostRatio() {
        long g = globalAttentionPairs();
        return g == 0 ? 0 : (double) segmentedAttentionPairs() / g;
    }
}
