package dev.patchexplorer.cli;

import com.google.gson.JsonObject;
import dev.patchexplorer.core.grid.EdgePolicy;
import dev.patchexplorer.core.tradeoff.ReadoutFields;
import dev.patchexplorer.core.tradeoff.TradeOffs;
import dev.patchexplorer.core.tradeoff.VitArchitecture;

import java.util.Map;

/** The JSON shape of one set of readouts: {@link ReadoutFields}, the list the window's readout export writes too. */
final class TradeOffsJson {
    private TradeOffsJson() {}

    static JsonObject of(VitArchitecture a, int width, int height, int patch, int stride, EdgePolicy edge, TradeOffs t) {
        return object(ReadoutFields.of(a, width, height, patch, stride, edge, t));
    }

    private static JsonObject object(Map<String, Object> fields) {
        JsonObject o = new JsonObject();
        for (Map.Entry<String, Object> e : fields.entrySet()) {
            Object v = e.getValue();
            if (v instanceof Map<?, ?> nested) {
                @SuppressWarnings("unchecked") Map<String, Object> m = (Map<String, Object>) nested;
                o.add(e.getKey(), object(m));
            } else if (v instanceof Number n) {
                o.addProperty(e.getKey(), n);
            } else if (v instanceof Boolean b) {
                o.addProperty(e.getKey(), b);
            } else {
                o.addProperty(e.getKey(), String.valueOf(v));
            }
        }
        return o;
    }
}
