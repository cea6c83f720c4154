package dev.patchexplorer.core.format;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JsonTest {
    @Test
    void nonFiniteNumbersAreRefusedWithTheirPlace() {
        JsonObject tree = new JsonObject();
        JsonArray rows = new JsonArray();
        JsonArray row = new JsonArray();
        row.add(0.5);
        row.add(Double.NaN);
        rows.add(new JsonArray());
        rows.add(row);
        JsonObject erf = new JsonObject();
        erf.add("rollout", rows);
        tree.add("erf", erf);
        var e = assertThrows(Json.NonFiniteNumberException.class, () -> Json.text(tree));
        assertEquals("the result is not valid JSON: erf.rollout[1][1] is NaN", e.getMessage());

        Map<String, Object> map = new LinkedHashMap<>();
        map.put("gmacs", 1.0);
        map.put("rows", new double[][] {{1, Double.NEGATIVE_INFINITY}});
        assertEquals("the result is not valid JSON: rows[0][1] is -Infinity",
                assertThrows(Json.NonFiniteNumberException.class, () -> Json.text(map)).getMessage());
        assertThrows(Json.NonFiniteNumberException.class, () -> Json.text(List.of(Float.POSITIVE_INFINITY)));
        assertThrows(Json.NonFiniteNumberException.class, () -> Json.text(Double.NaN));
    }

    @Test
    void finiteValuesRoundTripAndTextStaysAsWritten() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("label", "tabby <cat> & 猫's");
        map.put("probability", 0.8125f);
        map.put("rows", new double[][] {{0.25, -3}, {1e-9, 7}});
        map.put("tokens", 197);
        String text = Json.text(map);
        assertTrue(text.contains("\"tabby <cat> & 猫's\""), "no HTML escaping: " + text);
        JsonObject back = JsonParser.parseString(text).getAsJsonObject();
        assertEquals("tabby <cat> & 猫's", back.get("label").getAsString());
        assertEquals(0.8125f, back.get("probability").getAsFloat());
        assertEquals(1e-9, back.getAsJsonArray("rows").get(1).getAsJsonArray().get(0).getAsDouble());
        assertEquals(197, back.get("tokens").getAsInt());
        assertEquals(List.of("label", "probability", "rows", "tokens"), List.copyOf(back.keySet()), "field order kept");
    }
}
