package dev.patchexplorer.core.text;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class TextSegmentsTest {
    private static List<String> texts(List<TextToken> tokens) {
        return tokens.stream().map(TextToken::text).toList();
    }

    @Test
    void wordsAreRunsOfLettersAndDigitsWithOneTokenPerPunctuationAndIdeograph() {
        String s = "Patch-size 16, 你好!";
        List<TextToken> t = TokenUnit.WORD.tokenize(s);
        assertEquals(List.of("Patch", "-", "size", "16", ",", "你", "好", "!"), texts(t));
        for (TextToken k : t) assertEquals(k.text(), s.substring(k.start(), k.end()));
        assertEquals(List.of("cafe\u0301", "au", "lait"), texts(TokenUnit.WORD.tokenize("cafe\u0301 au\u00a0lait")));
        assertEquals(List.of("Größe", "ist", "42"), texts(TokenUnit.WORD.tokenize("  Größe\tist\n42 ")));
        assertEquals(List.of(), TokenUnit.WORD.tokenize(" \n "));
    }

    @Test
    void charactersAreCodePoints() {
        assertEquals(List.of("a", "b", " ", "你"), texts(TokenUnit.CHAR.tokenize("ab 你")));
        List<TextToken> math = TokenUnit.CHAR.tokenize("x\uD835\uDCB3y"); // U+1D4B3, two UTF-16 units, one character
        assertEquals(3, math.size());
        assertEquals(1, math.get(1).start());
        assertEquals(3, math.get(1).end());
    }

    @Test
    void segmentsOfLTokensAndTheirAttentionCost() {
        // 10 word tokens, L = 4: segments of 4, 4 and 2; 16 + 16 + 4 = 36 pairs against 10^2 = 100
        String s = "a b c d e f g h i j";
        TextSegments seg = TextSegments.of(s, TokenUnit.WORD, 4);
        assertEquals(10, seg.tokenCount());
        assertEquals(3, seg.segmentCount());
        assertEquals(List.of(4, 4, 2), seg.segments().stream().map(TextSegments.Segment::tokens).toList());
        assertEquals(36, seg.segmentedAttentionPairs());
        assertEquals(100, seg.globalAttentionPairs());
        assertEquals(0.36, seg.attentionCostRatio(), 1e-12);
        assertEquals("e f g h", s.substring(seg.segments().get(1).start(), seg.segments().get(1).end()));
        assertEquals(4, seg.segments().get(1).firstToken());
        // a whole number of segments: L^2 x count = n L
        TextSegments even = TextSegments.of("一二三四五六七八九十十一十二", TokenUnit.WORD, 7); // 14 ideographs
        assertEquals(2, even.segmentCount());
        assertEquals(7L * 7 * 2, even.segmentedAttentionPairs());
        assertEquals(0.5, even.attentionCostRatio(), 1e-12); // L / n
        assertEquals(1.0, TextSegments.of(s, TokenUnit.CHAR, 1000).attentionCostRatio(), 0.0);
        assertEquals(0, TextSegments.of("", TokenUnit.CHAR, 4).segmentCount());
        assertEquals(0.0, TextSegments.of("", TokenUnit.CHAR, 4).attentionCostRatio(), 0.0);
        assertThrows(IllegalArgumentException.class, () -> TextSegments.of(s, TokenUnit.WORD, 0));
    }
}
