package dev.patchexplorer.cli;

import dev.patchexplorer.core.format.Json;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import dev.patchexplorer.core.rf.CnnLayers;
import dev.patchexplorer.core.rf.LayerField;
import dev.patchexplorer.core.rf.LayerSpec;
import dev.patchexplorer.core.rf.ReceptiveFieldTable;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;

/**
 * {@code rf --model DIR|NAME [--models DIR] | --arch NAME [--size N]}: the theoretical receptive field of every
 * conv/pool layer and every block, as JSON. The architecture comes from DIR/config.json (timm
 * layout) or from --arch; the input size from the config's pretrained_cfg.input_size, else 224.
 */
public final class RfCommand implements Command {
    static final int DEFAULT_INPUT = 224;
    private static final OptionSpec ARCH = new OptionSpec("arch", "NAME", "a known CNN architecture, instead of --model");
    private static final List<OptionSpec> OPTIONS = List.of(CommonOptions.MODEL, CommonOptions.MODELS, ARCH,
            new OptionSpec(CommonOptions.SIZE.name(), CommonOptions.SIZE.value(), "square input side, " + CommonOptions.MIN_SIZE + " to "
                    + CommonOptions.MAX_SIZE + " pixels (default: the config's input_size, else " + DEFAULT_INPUT + ")"));

    @Override
    public String name() {
        return "rf";
    }

    @Override
    public String summary() {
        return "receptive field of every layer of a CNN (--model DIR or --arch NAME), as JSON";
    }

    @Override
    public List<OptionSpec> options() {
        return OPTIONS;
    }

    @Override
    public int run(Options o, PrintStream out) throws UsageException {
        if (o.has(CommonOptions.MODEL.name()) == o.has(ARCH.name())) {
            throw new UsageException("give exactly one of --model DIR or --arch NAME (known: "
                    + String.join(", ", CnnLayers.knownArchitectures()) + ")");
        }
        OptionalInt sizeOption = CommonOptions.size(o);
        String arch;
        int[] input = {DEFAULT_INPUT, DEFAULT_INPUT};
        if (o.has(CommonOptions.MODEL.name())) {
            JsonObject config = readConfig(ModelArgument.resolve(o));
            arch = architecture(config, o.require(CommonOptions.MODEL.name()));
            input = inputSize(config, input);
        } else {
            arch = o.require(ARCH.name());
        }
        if (sizeOption.isPresent()) input = new int[] {sizeOption.getAsInt(), sizeOption.getAsInt()};
        List<LayerSpec> stack;
        try {
            stack = CnnLayers.forArchitecture(arch);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        ReceptiveFieldTable table = ReceptiveFieldTable.compute(stack, input[0], input[1]);
        Json.print(out, toJson(arch, table));
        return 0;
    }

    private static JsonObject readConfig(Path dir) throws UsageException {
        if (!Files.isDirectory(dir)) throw new UsageException("model folder not found: " + dir);
        Path file = dir.resolve("config.json");
        if (!Files.isRegularFile(file)) throw new UsageException("no config.json in model folder " + dir);
        try {
            JsonElement root = JsonParser.parseString(Files.readString(file, StandardCharsets.UTF_8));
            if (!root.isJsonObject()) throw new UsageException(file + " is not a JSON object");
            return root.getAsJsonObject();
        } catch (JsonParseException e) {
            throw new UsageException(file + " is not valid JSON");
        } catch (IOException e) {
            throw new UsageException("cannot read " + file + ": " + e.getMessage());
        }
    }

    private static String architecture(JsonObject config, String dir) throws UsageException {
        JsonElement a = config.get("architecture");
        if (a == null || !a.isJsonPrimitive() || !a.getAsJsonPrimitive().isString()) {
            throw new UsageException("config.json in " + dir + " has no \"architecture\" name");
        }
        return a.getAsString();
    }

    /** pretrained_cfg.input_size = [channels, height, width] in timm configs. */
    private static int[] inputSize(JsonObject config, int[] fallback) {
        try {
            JsonArray size = config.getAsJsonObject("pretrained_cfg").getAsJsonArray("input_size");
            return new int[] {size.get(1).getAsInt(), size.get(2).getAsInt()};
        } catch (RuntimeException missingOrMalformed) {
            return fallback;
        }
    }

    private static JsonObject toJson(String arch, ReceptiveFieldTable table) {
        JsonObject root = new JsonObject();
        root.addProperty("architecture", arch);
        root.add("input", pair(table.inputHeight(), table.inputWidth()));
        JsonArray layers = new JsonArray();
        for (LayerField f : table.layers()) {
            JsonObject row = new JsonObject();
            LayerSpec l = f.layer();
            row.addProperty("name", l.name());
            row.addProperty("block", l.block());
            row.addProperty("kernel", l.kernel());
            row.addProperty("stride", l.stride());
            row.addProperty("padding", l.padding());
            row.addProperty("dilation", l.dilation());
            addField(row, f);
            layers.add(row);
        }
        JsonArray blocks = new JsonArray();
        for (LayerField f : table.blocks()) {
            JsonObject row = new JsonObject();
            row.addProperty("block", f.layer().block());
            addField(row, f);
            blocks.add(row);
        }
        root.add("layers", layers);
        root.add("blocks", blocks);
        return root;
    }

    private static void addField(JsonObject row, LayerField f) {
        row.addProperty("rf", f.size());
        row.addProperty("effective_stride", f.stride());
        row.addProperty("effective_padding", f.padding());
        row.add("output", pair(f.outputHeight(), f.outputWidth()));
    }

    private static JsonArray pair(int h, int w) {
        JsonArray a = new JsonArray();
        a.add(h);
        a.add(w);
        return a;
    }
}
