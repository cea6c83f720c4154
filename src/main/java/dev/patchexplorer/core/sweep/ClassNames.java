package dev.patchexplorer.core.sweep;

import dev.patchexplorer.core.classify.ImageNetLabels;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.regex.Pattern;

/**
 * How a user may name one of a model's classes, in a labels CSV or as a class folder: by index
 * (CSV only), by ImageNet WordNet id (n01440764) when there are 1000 classes, by the whole class name
 * ("tench, Tinca tinca") or by one of its comma-separated synonyms ("tench"), in any case, with
 * underscores for spaces. A synonym that two classes share (ImageNet has two "crane"s) names neither.
 */
public final class ClassNames {
    private static final Pattern WORDNET_ID = Pattern.compile("n\\d{8}");
    private static final int AMBIGUOUS = -2;
    private final List<String> names;
    private final Map<String, Integer> wholeNames = new HashMap<>();
    private final Map<String, Integer> synonyms = new HashMap<>();
    private final Map<String, Integer> wordNetIds = new HashMap<>();

    /** @param names the class names by index */
    public ClassNames(List<String> names) {
        this.names = List.copyOf(names);
        for (int i = 0; i < names.size(); i++) {
            String whole = normalise(names.get(i));
            wholeNames.merge(whole, i, (a, b) -> AMBIGUOUS);
            for (String s : names.get(i).split(",")) {
                String synonym = normalise(s);
                if (!synonym.isEmpty()) synonyms.merge(synonym, i, (a, b) -> a.equals(b) ? a : AMBIGUOUS);
            }
        }
        if (names.size() == ImageNetSynsets.all().size()) {
            List<String> ids = ImageNetSynsets.all();
            for (int i = 0; i < ids.size(); i++) wordNetIds.put(ids.get(i), i);
        }
    }

    /** The ImageNet-1k class names. */
    public static ClassNames imageNet() {
        return new ClassNames(ImageNetLabels.all());
    }

    public int classes() {
        return names.size();
    }

    public String name(int index) {
        return names.get(index);
    }

    /** The class a folder's name names (WordNet id or class name); empty when none or ambiguous. */
    public OptionalInt ofFolderName(String folder) {
        String t = folder.strip();
        if (WORDNET_ID.matcher(t).matches()) {
            Integer i = wordNetIds.get(t);
            return i == null ? OptionalInt.empty() : OptionalInt.of(i);
        }
        String key = normalise(t);
        Integer i = wholeNames.get(key);
        if (i == null || i == AMBIGUOUS) i = synonyms.get(key);
        return i == null || i == AMBIGUOUS ? OptionalInt.empty() : OptionalInt.of(i);
    }

    /** The class a label names: an index, a WordNet id or a class name; empty when none or ambiguous. */
    public OptionalInt ofLabel(String label) {
        String t = label.strip();
        if (t.matches("\\d+")) {
            try {
                int i = Integer.parseInt(t);
                return i < names.size() ? OptionalInt.of(i) : OptionalInt.empty();
            } catch (NumberFormatException e) {
                return OptionalInt.empty(); // too many digits for any class
            }
        }
        return ofFolderName(t);
    }

    private static String normalise(String s) {
        return s.replace('_', ' ').strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }
}
