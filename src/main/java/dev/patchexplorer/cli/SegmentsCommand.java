package dev.patchexplorer.cli;

import dev.patchexplorer.core.format.Json;
import dev.patchexplorer.core.text.TextSegments;
import dev.patchexplorer.core.text.TokenUnit;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code segments --text FILE --length L [--unit word|char]}: the text cut into segments of L tokens,
 * their count, and attention's cost per segment against one sequence over the whole text, as JSON.
 */
public final class SegmentsCommand implements Command {
    /** Larger texts are not what this teaching view is for, and would print megabytes of JSON. */
    static final long MAX_BYTES = 8L << 20;

    private static final List<OptionSpec> OPTIONS = List.of(
            new OptionSpec("text", "FILE", "a UTF-8 text file (required)"),
            new OptionSpec("length", "L", "tokens per segment, at least 1 (required)"),
            new OptionSpec("unit", "word|char", "word: runs of letters and digits, one token per punctuation mark and per "
                    + "Chinese character; char: every character (default word)"));

    @Override
    public String name() {
        return "segments";
    }

    @Override
    public String summary() {
        return "a text cut into segments of L word or character tokens, and attention's cost per segment against the whole (JSON)";
    }

    @Override
    public List<OptionSpec> options() {
        return OPTIONS;
    }

    @Override
    public int run(Options o, PrintStream out) throws UsageException {
        Path file = Path.of(o.require("text"));
        int length = o.integer("length", 0);
        if (!o.has("length")) throw new UsageException("missing required option --length");
        if (length < 1) throw new UsageException("--length must be at least 1 token, got " + length);
        String unitName = o.get("unit", "word").strip().toLowerCase(Locale.ROOT);
        TokenUnit unit = switch (unitName) {
            case "word" -> TokenUnit.WORD;
            case "char" -> TokenUnit.CHAR;
            default -> throw new UsageException("--unit must be word or char, got '" + o.get("unit", "") + "'");
        };
        String text = read(file);
        TextSegments s = TextSegments.of(text, unit, length);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("unit", unitName);
        m.put("length", length);
        m.put("tokens", s.tokenCount());
        m.put("segment_count", s.segmentCount());
        m.put("segmented_attention_pairs", s.segmentedAttentionPairs());
        m.put("global_attention_pairs", s.globalAttentionPairs());
        m.put("attention_cost_ratio", s.attentionCostRatio());
        List<Map<String, Object>> segments = new ArrayList<>();
        for (TextSegments.Segment g : s.segments()) {
            Map<String, Object> j = new LinkedHashMap<>();
            j.put("index", g.index());
            j.put("first_token", g.firstToken());
            j.put("tokens", g.tokens());
            j.put("start", g.start());
            j.put("end", g.end());
            j.put("text", text.substring(g.start(), g.end()));
            segments.add(j);
        }
        m.put("segments", segments);
        Json.print(out, m);
        return 0;
    }

    private static String read(Path file) throws UsageException {
        try {
            if (Files.isDirectory(file)) throw new UsageException("--text " + file + " is a folder, not a text file");
            if (Files.size(file) > MAX_BYTES) throw new UsageException("--text " + file + " is over " + (MAX_BYTES >> 20) + " MB");
            byte[] bytes = Files.readAllBytes(file);
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (NoSuchFileException e) {
            throw new UsageException("--text " + file + " does not exist");
        } catch (CharacterCodingException e) {
            throw new UsageException("--text " + file + " is not UTF-8 text");
        } catch (IOException e) {
            throw new UsageException("cannot read --text " + file + ": " + e.getMessage());
        }
    }
}
