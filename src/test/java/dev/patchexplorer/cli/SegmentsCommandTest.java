package dev.patchexplorer.cli;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SegmentsCommandTest {
    @TempDir
    Path tmp;

    @Test
    void wordsAndCharacters() throws Exception {
        Path file = Files.writeString(tmp.resolve("t.txt"), "Patches, 图像块 and tokens.", StandardCharsets.UTF_8);
        CliRun r = CliRun.standard("segments", "--text", file.toString(), "--length", "3");
        assertEquals(0, r.code(), r.toString());
        JsonObject o = JsonParser.parseString(r.out()).getAsJsonObject();
        // Patches , 图 像 块 and tokens . = 8 tokens: segments of 3, 3, 2; 9 + 9 + 4 = 22 pairs of 64
        assertEquals(8, o.get("tokens").getAsInt());
        assertEquals(3, o.get("segment_count").getAsInt());
        assertEquals(22, o.get("segmented_attention_pairs").getAsLong());
        assertEquals(64, o.get("global_attention_pairs").getAsLong());
        assertEquals(22.0 / 64, o.get("attention_cost_ratio").getAsDouble(), 1e-12);
        assertEquals("像块 and", o.getAsJsonArray("segments").get(1).getAsJsonObject().get("text").getAsString());

        JsonObject c = JsonParser.parseString(CliRun.standard("segments", "--text", file.toString(), "--length", "10", "--unit", "char").out())
                .getAsJsonObject();
        assertEquals(24, c.get("tokens").getAsInt()); // "Patches, " 9 + "图像块" 3 + " and tokens." 12
        assertEquals(3, c.get("segment_count").getAsInt());
    }

    @Test
    void badInputExitsTwoWithOneLine() throws Exception {
        Path good = Files.writeString(tmp.resolve("t.txt"), "a b c");
        Path latin1 = Files.write(tmp.resolve("l.txt"), new byte[]{'a', (byte) 0xe9, 'b'});
        for (String[] args : new String[][]{
                {"segments", "--text", good.toString()},
                {"segments", "--text", good.toString(), "--length", "0"},
                {"segments", "--text", good.toString(), "--length", "x"},
                {"segments", "--text", good.toString(), "--length", "3", "--unit", "bpe"},
                {"segments", "--text", tmp.resolve("none.txt").toString(), "--length", "3"},
                {"segments", "--text", tmp.toString(), "--length", "3"},
                {"segments", "--text", latin1.toString(), "--length", "3"},
                {"segments", "--length", "3"}}) {
            CliRun r = CliRun.standard(args);
            assertEquals(2, r.code(), String.join(" ", args) + "\n" + r);
            assertEquals(1, r.err().lines().count(), r.err());
            assertTrue(r.err().startsWith("patch-explorer segments: "), r.err());
            assertEquals("", r.out());
        }
        assertTrue(CliRun.standard("segments", "--text", latin1.toString(), "--length", "3").err().contains("is not UTF-8 text"));
    }
}
