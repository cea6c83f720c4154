package dev.patchexplorer.model;

import dev.patchexplorer.testing.TinyCheckpoints;
import dev.patchexplorer.testing.TinyCheckpoints.Draft;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * config.json that contradicts the tensors, or holds values of the wrong type, is refused with a
 * sentence naming both sides; no message carries a Java class name or a raw parser message.
 */
class CheckpointContradictionTest {
    static final Pattern JAVA_NAME = Pattern.compile("\\b[a-z]+(\\.[a-z]+)+\\.[A-Z]\\w*|Exception|Error\\b");

    @TempDir
    Path tmp;

    static String refusal(Path dir) {
        String m = assertThrows(ModelLoadException.class, () -> ModelLoader.load(dir).close()).getMessage();
        assertFalse(JAVA_NAME.matcher(m).find(), "a Java name in: " + m);
        assertFalse(m.contains("\n"), "one line: " + m);
        return m;
    }

    private static void assertMentions(String message, String... parts) {
        for (String p : parts) assertTrue(message.contains(p), "'" + message + "' should mention '" + p + "'");
    }

    /** Two blocks and ten classes: the numbers the expected messages below name. */
    private static Draft vit() {
        return TinyCheckpoints.vitDraft(2, 10);
    }

    /** The ViT with {@code args} as its whole model_args. */
    private Path vitWith(String args) throws Exception {
        return vit().modelArgs(args).write(tmp.resolve("vit"));
    }

    @Test
    void consistentConfigsLoad() throws Exception {
        // the ViT's and ResNet's own model_args name every key the loader checks against the tensors
        try (ViTModel vit = (ViTModel) ModelLoader.load(vit().write(tmp.resolve("vit")))) {
            assertEquals(14, vit.spec().nativeGridH());
            assertEquals(96, vit.spec().mlpHidden());
        }
        try (CnnModel r = (CnnModel) ModelLoader.load(TinyCheckpoints.resNet18(tmp.resolve("resnet")))) {
            assertEquals(10, r.numClasses());
        }
        try (CnnModel m = (CnnModel) ModelLoader.load(TinyCheckpoints.mobileNetV2Draft()
                .modelArgs("\"channel_multiplier\": 0.25").write(tmp.resolve("mnv2")))) {
            assertEquals(1000, m.numClasses()); // 32 * 0.25 = 8 channels, as conv_stem has
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "\"depth\": 12|model_args.depth is 12|2 transformer blocks",
        "\"embed_dim\": 192|model_args.embed_dim is 192|width 24",
        "\"num_heads\": 5|model_args.num_heads is 5|24",
        "\"patch_size\": 14|model_args.patch_size is 14|16 px patches",
        "\"patch_size\": [16, 8]|model_args.patch_size must be|[16, 8]",
        "\"img_size\": 384|model_args.img_size is 384x384 px|pos_embed has 197 entries",
        "\"mlp_ratio\": 2.0|model_args.mlp_ratio is 2.0|96 rows",
        "\"num_heads\": 2.5|model_args.num_heads must be a whole number|2.5",
        "\"depth\": \"two\"|model_args.depth must be a whole number|two",
    })
    void vitConfigThatContradictsTheTensorsIsRefused(String args, String configSide, String tensorSide) throws Exception {
        assertMentions(refusal(vitWith(args)), configSide, tensorSide);
    }

    @Test
    void inputSizeThatDisagreesWithThePositionEmbeddingIsRefused() throws Exception {
        Draft d = vit().modelArgs("");
        d.config(d.config().replace("[3, 224, 224]", "[3, 384, 384]"));
        assertMentions(refusal(d.write(tmp.resolve("vit"))), "pretrained_cfg.input_size is 384x384 px", "pos_embed has 197 entries");
    }

    @Test
    void numClassesThatDisagreesWithTheHeadIsRefused() throws Exception {
        Draft d = vit().modelArgs("");
        d.config(d.config().replace("\"num_classes\": 10", "\"num_classes\": 1000"));
        assertMentions(refusal(d.write(tmp.resolve("vit"))), "num_classes is 1000", "head.weight has 10 rows");
    }

    @Test
    void extraBlockAfterAGapIsReported() throws Exception {
        Draft d = vit().modelArgs("").put("blocks.3.mlp.fc1.weight", new long[] {96, 24}, new float[96 * 24]);
        assertMentions(refusal(d.write(tmp.resolve("gap"))), "blocks.3.mlp.fc1.weight",
                "block 2 is incomplete");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "\"channels\": [8, 32, 32, 64]|model_args.channels[1] is 32|layer2.0.conv1.weight has 16 output channels",
        "\"stem_width\": 64|model_args.stem_width is 64|conv1.weight has 8 output channels",
        "\"layers\": [3, 2, 2, 2]|model_args.layers[0] is 3|the weights hold 2 blocks in layer1",
        "\"channels\": [8, 16]|model_args.channels must be a list of four|[8, 16]",
        "\"channels\": [8, \"x\", 32, 64]|model_args.channels[1] must be a whole number|x",
    })
    void resNetConfigThatContradictsTheTensorsIsRefused(String args, String configSide, String tensorSide) throws Exception {
        Path dir = TinyCheckpoints.resNet18Draft().modelArgs(args).write(tmp.resolve("resnet"));
        assertMentions(refusal(dir), configSide, tensorSide);
    }

    @Test
    void mobileNetV2MultiplierAndClassesThatContradictTheTensorsAreRefused() throws Exception {
        Draft d = TinyCheckpoints.mobileNetV2Draft();
        Path dir = d.modelArgs("\"channel_multiplier\": 1.0").write(tmp.resolve("mnv2"));
        assertMentions(refusal(dir), "model_args.channel_multiplier is 1.0", "conv_stem.weight has 8 output channels", "32");
        Files.writeString(dir.resolve("config.json"), d.modelArgs("\"num_classes\": 7").config());
        assertMentions(refusal(dir), "num_classes is 1000 but", "model_args.num_classes is 7");
        Files.writeString(dir.resolve("config.json"), d.modelArgs("").config().replace("\"num_classes\": 1000", "\"num_classes\": 6"));
        assertMentions(refusal(dir), "num_classes is 6", "classifier.weight has 1000 rows");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "{\"architecture\": \"vit_tiny_patch16_224\", \"num_classes\": 10,|config.json is not valid JSON (line 1, column 60): the text ends",
        "{\"architecture\": \"vit_tiny_patch16_224\" \"num_classes\": 10}|config.json is not valid JSON (line 1, column 42): unterminated object",
        "{\"architecture\": \"vit_tiny_patch16_224\"} trailing|config.json is not valid JSON",
        "[1, 2]|does not hold a JSON object",
        "{\"num_classes\": 10}|names no \"architecture\"",
        "{\"architecture\": {\"a\": 1}}|config.json: architecture must be a string",
        "{\"architecture\": \"vit_tiny_patch16_224\", \"num_classes\": \"ten\"}|num_classes must be a whole number from 0 to 1000000",
        "{\"architecture\": \"vit_tiny_patch16_224\", \"num_classes\": 1e30}|num_classes must be a whole number",
        "{\"architecture\": \"vit_tiny_patch16_224\", \"num_classes\": -3}|num_classes must be a whole number",
        "{\"architecture\": \"vit_tiny_patch16_224\", \"pretrained_cfg\": {\"input_size\": [3, -5, 224]}}|pretrained_cfg.input_size[1] must be",
        "{\"architecture\": \"vit_tiny_patch16_224\", \"pretrained_cfg\": {\"input_size\": [1, 224, 224]}}|[3, height, width]",
        "{\"architecture\": \"vit_tiny_patch16_224\", \"pretrained_cfg\": {\"std\": [0.5, 0, 0.5]}}|pretrained_cfg.std must be three numbers above 0",
        "{\"architecture\": \"vit_tiny_patch16_224\", \"pretrained_cfg\": {\"mean\": [0.5, 0.5]}}|pretrained_cfg.mean must be three numbers",
        "{\"architecture\": \"vit_tiny_patch16_224\", \"pretrained_cfg\": 7}|pretrained_cfg must be an object",
        "{\"architecture\": \"vit_tiny_patch16_224\", \"model_args\": [1]}|model_args must be an object",
        "{\"architecture\": \"swin_tiny_patch4_window7_224\"}|unknown architecture 'swin_tiny_patch4_window7_224'",
    })
    void malformedConfigIsRefusedInWords(String config, String expected) throws Exception {
        Path dir = vitWith("");
        Files.writeString(dir.resolve("config.json"), config);
        assertMentions(refusal(dir), expected);
    }

    @Test
    void deeplyNestedConfigIsRefusedWithoutAStackOverflow() throws Exception {
        Path dir = vitWith("");
        Files.writeString(dir.resolve("config.json"), "{\"architecture\": \"vit_tiny_patch16_224\", \"x\": "
                + "[".repeat(100_000) + "]".repeat(100_000) + "}");
        assertMentions(refusal(dir), "config.json is not valid JSON", "nested too deeply");
    }

    @Test
    void configThatIsNotUtf8IsRefused() throws Exception {
        Path dir = vitWith("");
        Files.write(dir.resolve("config.json"), new byte[] {'{', (byte) 0xff, (byte) 0xfe, '}'});
        assertMentions(refusal(dir), "config.json is not UTF-8 text");
    }

    @Test
    void jsonErrorsNameLineAndColumnWithoutClassNames() {
        String d = JsonErrors.describe(assertThrows(com.google.gson.JsonParseException.class,
                () -> com.google.gson.JsonParser.parseString("{\n  \"a\": [1, 2\n}")));
        assertFalse(JAVA_NAME.matcher(d).find(), d);
        assertTrue(d.startsWith("line 3, column 2: "), d);
    }
}
