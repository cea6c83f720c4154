package dev.patchexplorer.core.text;

import java.util.ArrayList;
import java.util.List;

/**
 * How text is cut into tokens. Deliberately simple (a teaching stand-in for the sub-word tokenizers
 * of language models), Unicode-aware and documented:
 * <ul>
 *   <li>{@link #WORD}: maximal runs of letters, digits and combining marks; every ideograph (e.g. a
 *       Chinese character) is a token of its own, since Chinese has no spaces between words; every
 *       other visible character (punctuation, symbols) is a single token; white space only separates.
 *       "Patch-size 16, 你好!" is {@code Patch - size 16 , 你 好 !}.</li>
 *   <li>{@link #CHAR}: every Unicode code point is a token, spaces and line breaks included (as in a
 *       character-level language model); a character outside the Basic Multilingual Plane counts once.</li>
 * </ul>
 */
public enum TokenUnit {
    WORD, CHAR;

    public List<TextToken> tokenize(String text) {
        return this == WORD ? words(text) : chars(text);
    }

    private static List<TextToken> chars(String text) {
        List<TextToken> out = new ArrayList<>();
        for (int i = 0; i < text.length(); ) {
            int end = i + Character.charCount(text.codePointAt(i));
            out.add(new TextToken(text.substring(i, end), i, end));
            i = end;
        }
        return out;
    }

    private static List<TextToken> words(String text) {
        List<TextToken> out = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            int cp = text.codePointAt(i);
            int next = i + Character.charCount(cp);
            if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
                i = next;
            } else if (isWordPart(cp)) {
                int end = next;
                while (end < text.length() && isWordPart(text.codePointAt(end))) end += Character.charCount(text.codePointAt(end));
                out.add(new TextToken(text.substring(i, end), i, end));
                i = end;
            } else {
                out.add(new TextToken(text.substring(i, next), i, next)); // an ideograph, punctuation or a symbol
                i = next;
            }
        }
        return out;
    }

    /** Letters, digits and combining marks (so a decomposed "é" stays in its word); never an ideograph. */
    private static boolean isWordPart(int cp) {
        if (Character.isIdeographic(cp)) return false;
        int type = Character.getType(cp);
        return Character.isLetterOrDigit(cp) || type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                || type == Character.ENCLOSING_MARK;
    }
}
