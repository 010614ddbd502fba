package qtm.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

/** The JSON convention: numbers as numbers, ±inf as "inf"/"-inf", NaN as null, never -0.0. */
class JsonTest {
    @Test
    void numbersFollowTheConvention() {
        assertTrue(Json.number(Double.NaN).isNull());
        assertEquals("inf", Json.number(Double.POSITIVE_INFINITY).textValue());
        assertEquals("-inf", Json.number(Double.NEGATIVE_INFINITY).textValue());
        assertEquals(0x0L, Double.doubleToRawLongBits(Json.number(-0.0).doubleValue()));
        assertEquals(-1.5e-300, Json.number(-1.5e-300).doubleValue(), 0);
    }

    @Test
    void writeAppliesTheConventionToEveryValueInTheTree() throws Exception {
        ObjectNode o = Json.object();
        o.put("nan", Double.NaN).put("inf", Double.POSITIVE_INFINITY).put("minus_inf", Double.NEGATIVE_INFINITY)
                .put("minus_zero", -0.0).put("float", Float.NaN).put("x", 0.25).put("n", 3).put("s", "NaN");
        o.putArray("list").add(Double.NaN).add(-0.0).addObject().put("deep", Double.NEGATIVE_INFINITY);
        String text = Json.write(o);
        // A strict parser (Jackson's default refuses NaN and Infinity tokens) reads it.
        JsonNode back = new ObjectMapper().readTree(text);
        assertTrue(back.get("nan").isNull());
        assertTrue(back.get("float").isNull());
        assertEquals("inf", back.get("inf").textValue());
        assertEquals("-inf", back.get("minus_inf").textValue());
        assertEquals(0x0L, Double.doubleToRawLongBits(back.get("minus_zero").doubleValue()));
        assertEquals(0.25, back.get("x").doubleValue(), 0);
        assertEquals(3, back.get("n").intValue());
        assertEquals("NaN", back.get("s").textValue(), "text is left alone");
        assertTrue(back.get("list").get(0).isNull());
        assertEquals("-inf", back.get("list").get(2).get("deep").textValue());
        assertFalse(text.contains("-0.0"), text);
        assertTrue(Double.isNaN(o.get("nan").doubleValue()), "the caller's tree is not modified");
    }
}
